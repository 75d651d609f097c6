import datetime

import pytest
import time_machine

from insatsportal.core.calendar import (
    add_months,
    iso_week_label,
    quarter_bounds,
    quarter_of,
    week_start,
)

D = datetime.date


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2024, 1, 15), 3, D(2024, 4, 15)),
        (D(2024, 11, 30), 3, D(2025, 2, 28)),
        (D(2023, 11, 30), 3, D(2024, 2, 29)),  # leap year
        (D(2024, 8, 31), 1, D(2024, 9, 30)),
        (D(2024, 12, 31), 12, D(2025, 12, 31)),
        (D(2024, 3, 31), -1, D(2024, 2, 29)),
        (D(2024, 1, 1), -1, D(2023, 12, 1)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_of_the_month(start, months, expected):
    assert add_months(start, months) == expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(D(2024, 1, 1), (2024, 1)), (D(2024, 3, 31), (2024, 1)), (D(2024, 4, 1), (2024, 2)),
     (D(2024, 9, 30), (2024, 3)), (D(2024, 12, 31), (2024, 4))],
)
def test_quarter_of(day, expected):
    assert quarter_of(day) == expected


def test_quarter_bounds():
    assert quarter_bounds(2024, 1) == (D(2024, 1, 1), D(2024, 3, 31))
    assert quarter_bounds(2024, 2) == (D(2024, 4, 1), D(2024, 6, 30))
    assert quarter_bounds(2024, 4) == (D(2024, 10, 1), D(2024, 12, 31))
    with pytest.raises(ValueError):
        quarter_bounds(2024, 5)


def test_weeks_start_on_monday():
    assert week_start(D(2024, 1, 7)) == D(2024, 1, 1)
    assert week_start(D(2024, 1, 8)) == D(2024, 1, 8)
    assert iso_week_label(D(2021, 1, 3)) == "2020-V53"


@time_machine.travel(datetime.datetime(2024, 11, 30, 12, tzinfo=datetime.UTC), tick=False)
def test_the_next_revision_from_today_under_frozen_time():
    today = datetime.date.today()
    assert add_months(today, 3) == D(2025, 2, 28)
