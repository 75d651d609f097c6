import datetime

import pytest

from insatsportal.cases.comparison import period_change

D = datetime.date


@pytest.mark.parametrize(("applied", "granted", "text"), [
    # seed 000 (applied 2022–2023) against seed 003 (granted 2023–2024)
    ((D(2022, 1, 1), D(2023, 12, 31)), (D(2023, 1, 1), D(2024, 12, 31)),
     "Förskjuten ett år senare, samma längd."),
    ((D(2022, 1, 1), D(2023, 12, 31)), (D(2022, 7, 1), D(2023, 12, 31)),
     "Förskjuten 6 månader senare, -6 månader i längd."),
    ((D(2022, 1, 1), D(2024, 12, 31)), (D(2022, 1, 1), D(2023, 12, 31)),
     "-12 månader i längd."),
    ((D(2024, 1, 1), D(2025, 12, 31)), (D(2022, 1, 1), D(2023, 12, 31)),
     "Förskjuten 2 år tidigare, samma längd."),
])
def test_the_period_change_names_a_shift_and_a_change_of_length(applied, granted, text):
    assert period_change(applied, granted) == text
