"""The budget arithmetic, on plain values with string decimals."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from insatsportal.applications import budget as b


def _line(funding, section, *amounts, category="", title="x"):
    return b.Line(funding=funding, section=section, category=category, title=title,
                  amounts=tuple(Decimal(a) for a in amounts) + (b.ZERO,) * (5 - len(amounts)))


def test_it_totals_the_seed_000_budget_to_3_930_000_from_the_förbund():
    salary = ["279000", "761000", "1064000", "1192000", "340000"]
    data = b.BudgetData(lines=(
        *[_line(b.ASSOCIATION, b.SALARY, a) for a in salary],
        _line(b.ASSOCIATION, b.OTHER, "100000", category="staff_training"),
        _line(b.ASSOCIATION, b.OTHER, "99000", category="participant_activities"),
        _line(b.ASSOCIATION, b.OTHER, "45000", category="phone_it"),
        _line(b.ASSOCIATION, b.OTHER, "30000", category="interpreter"),
        _line(b.ASSOCIATION, b.OTHER, "20000", category="other"),
        _line(b.CO_FINANCING, b.PREMISES, "310000", category="premises_rent"),
    ))
    totals = b.compute(data)
    assert sum(totals.association.salary) == Decimal("3636000")
    assert sum(totals.association.other) == Decimal("294000")
    assert totals.total_association == Decimal("3930000")
    assert totals.total_co_financing == Decimal("310000")
    assert totals.grand_total == Decimal("4240000")


def test_it_keeps_each_owners_column_apart():
    data = b.BudgetData(lines=(
        _line(b.ASSOCIATION, b.SALARY, "1200000"),
        _line(b.ASSOCIATION, b.SALARY, "0", "340000"),
        _line(b.CO_FINANCING, b.PREMISES, "1364616", category="premises_rent"),
    ))
    totals = b.compute(data)
    assert totals.association.total[:2] == (Decimal("1200000"), Decimal("340000"))
    assert totals.summary[0].total == Decimal("2564616")
    assert totals.summary[1].co_financing == Decimal(0)


def test_the_year_table_is_summed_as_typed():
    data = b.BudgetData(years=(b.YearRow(1, 2022, Decimal("2570000"), b.ZERO, Decimal("105000")),
                               b.YearRow(2, 2023, Decimal("2570000"), b.ZERO, Decimal("105000"))))
    assert b.compute(data).years_total == Decimal("5350000")


@pytest.mark.parametrize("text, expected", [
    ("1 200 000", "1200000"), ("1\xa0200\xa0000 kr", "1200000"), ("340000,00", "340000"),
    ("279 000:-", "279000"), ("", "0"), ("12,5", "13"), ("0", "0"),
])
def test_it_reads_amounts_as_swedes_write_them(text, expected):
    assert b.parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["tolv", "1.200.000", "12 kr 50", "1e6"])
def test_it_refuses_what_is_not_an_amount(text):
    with pytest.raises(b.AmountError):
        b.parse_amount(text)


def test_percentages_and_template_dates_are_read():
    assert b.parse_percent("100%") == Decimal(100)
    assert str(b.parse_percent("20.0")) == "20"
    assert b.parse_date("220101").isoformat() == "2022-01-01"
    assert b.parse_date("2024-12-31").isoformat() == "2024-12-31"


amounts = st.lists(st.integers(min_value=0, max_value=10**8).map(str), min_size=5, max_size=5)
lines = st.lists(
    st.tuples(st.sampled_from(b.FUNDINGS), st.sampled_from(b.SECTIONS), amounts), max_size=25
)


@given(lines)
def test_every_way_of_adding_up_gives_the_same_total(rows):
    data = b.BudgetData(lines=tuple(
        b.Line(funding=f, section=s, title="rad", amounts=tuple(Decimal(a) for a in values))
        for f, s, values in rows
    ))
    totals = b.compute(data)
    by_rows = sum((sum(Decimal(a) for a in values) for _f, _s, values in rows), Decimal(0))
    assert totals.grand_total == by_rows
    assert sum(totals.grand_columns) == by_rows
    assert sum(row.total for row in totals.summary) == by_rows
    for funding in b.FUNDINGS:
        part = totals.funding(funding)
        assert sum(part.total) == sum(sum(part.section(s)) for s in b.SECTIONS)


@given(lines)
def test_the_dict_form_reads_back_the_same_budget(rows):
    data = b.BudgetData(lines=tuple(
        b.Line(funding=f, section=s, title="rad", amounts=tuple(Decimal(a) for a in values))
        for f, s, values in rows
    ))
    assert b.budget_from_dict(b.budget_to_dict(data)) == data
