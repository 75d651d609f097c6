"""The year arithmetic: whole kronor from string decimals, sums that can be checked by hand."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from insatsportal.economy.arithmetic import (
    YearInput,
    finsam_split,
    pro_rata_by_year,
    project_years,
    spread,
    years_made_negative,
)

D = datetime.date
K = Decimal


def test_it_splits_contributions_half_quarter_quarter_and_the_kommuner_by_population():
    split = finsam_split(K("3000000"), state="fk", region="region",
                         kommuner={"knivsta": 20_000, "uppsala": 240_000, "heby": 14_000})
    assert split["fk"] == K("1500000")
    assert split["region"] == K("750000")
    assert split["knivsta"] + split["uppsala"] + split["heby"] == K("750000")
    # 750 000 × 20 000 / 274 000 = 54 744,52… → 54 744 or 54 745 (largest remainder)
    assert split["knivsta"] == K("54745")
    assert split["uppsala"] == K("656934")
    assert split["heby"] == K("38321")


def test_a_grant_over_two_years_is_split_by_days_2023_has_365_and_2024_366():
    by_year = pro_rata_by_year(K("3391000"), D(2023, 1, 1), D(2024, 12, 31))
    # 3 391 000 × 365 / 731 = 1 693 180,57; × 366 / 731 = 1 697 819,43; the odd krona to 2023
    assert by_year == {2023: K("1693181"), 2024: K("1697819")}


@given(total=st.integers(min_value=0, max_value=10**10),
       weights=st.lists(st.integers(min_value=1, max_value=10**6), min_size=1, max_size=12))
def test_a_spread_always_adds_up_to_the_total_and_each_part_is_within_a_krona(total, weights):
    parts = spread(Decimal(total), dict(enumerate(weights)))
    assert sum(parts.values()) == total
    weight_sum = sum(weights)
    for key, weight in enumerate(weights):
        exact = Decimal(total) * weight / weight_sum
        assert abs(parts[key] - exact) < 1


@given(total=st.integers(min_value=1, max_value=10**9),
       populations=st.lists(st.integers(min_value=1, max_value=500_000), min_size=1, max_size=8))
def test_the_finsam_split_adds_up_and_the_state_pays_half(total, populations):
    split = finsam_split(Decimal(total), state="fk", region="region",
                         kommuner=dict(enumerate(populations)))
    assert sum(split.values()) == total
    assert abs(split["fk"] - Decimal(total) / 2) < 1
    assert abs(split["region"] - Decimal(total) / 4) < 1


def _inputs():
    return {
        2024: YearInput(contributions=K("1000000"), contributions_decided=True,
                        opening_equity=K("200000"), administration=K("300000"),
                        other_costs=K("50000")),
        2025: YearInput(contributions=K("1000000"), administration=K("300000")),
    }


def test_the_room_is_carried_over_as_equity_into_the_next_year():
    figures = project_years([2024, 2025, 2026], inputs=_inputs(),
                            committed={2024: K("600000"), 2025: K("900000")},
                            prospective={2025: K("100000")}, ceiling_percent=K("20"))
    y2024, y2025, y2026 = figures
    # 200 000 + 1 000 000 − 300 000 − 50 000 − 600 000
    assert y2024.room == K("250000")
    assert y2024.equity_ceiling == K("200000") and y2024.over_ceiling
    # 250 000 + 1 000 000 − 300 000 − 900 000
    assert (y2025.opening_equity, y2025.room) == (K("250000"), K("50000"))
    assert y2025.room_after_prospective == K("-50000") and not y2025.negative
    assert not y2025.contributions_decided
    # nothing recorded for 2026: the room is what 2025 left
    assert (y2026.recorded, y2026.room) == (False, K("50000"))


def test_a_window_starting_later_inherits_the_years_before_it():
    (y2025,) = project_years([2025], inputs=_inputs(), committed={2024: K("600000")},
                             prospective={}, ceiling_percent=K("20"))
    assert y2025.opening_equity == K("250000")


def test_a_new_grant_that_takes_a_year_below_zero_is_found_and_so_are_the_years_after():
    committed = {2024: K("600000"), 2025: K("900000")}
    # Without it: 2024 leaves 250 000, 2025 leaves 250 000 + 1 000 000 − 300 000 − 900 000 = 50 000
    assert years_made_negative(inputs=_inputs(), committed=committed,
                               extra={2024: K("50000")}) == []
    # 60 000 more in 2024 fits in 2024 (190 000 left) but leaves 2025 at −10 000
    negative = years_made_negative(inputs=_inputs(), committed=committed,
                                   extra={2024: K("60000")})
    assert [(f.year, f.room) for f in negative] == [(2025, K("-10000"))]
    negative = years_made_negative(inputs=_inputs(), committed=committed,
                                   extra={2024: K("260000")})
    assert [(f.year, f.room) for f in negative] == [(2024, K("-10000")), (2025, K("-210000"))]
