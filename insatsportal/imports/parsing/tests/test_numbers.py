from hypothesis import given
from hypothesis import strategies as st

from insatsportal.imports.parsing.numbers import (
    find_amounts,
    parse_amount,
    parse_percent,
    split_amount_groups,
)


def _grouped(n: int, sep: str = " ") -> str:
    return f"{n:,}".replace(",", sep)


def test_it_reads_the_forms_the_documents_use():
    assert parse_amount("3 930 000") == 3_930_000
    assert parse_amount("3930000") == 3_930_000
    assert parse_amount("5 350 000 kr") == 5_350_000
    assert parse_amount("2,4 miljoner kronor") == 2_400_000
    assert parse_amount("300 tkr") == 300_000
    assert parse_amount("1,5 mkr") == 1_500_000
    assert parse_amount("maximalt 3 391 000 kronor") == 3_391_000
    assert parse_amount("3\u00a0930\u00a0000 kr") == 3_930_000


def test_it_does_not_read_a_decimal_without_unit_as_money():
    assert parse_amount("ökningen 38,6 %") is None
    assert find_amounts("38,6 % och 5 000 kr") == [(5000, "5 000 kr")]


def test_it_splits_ocr_table_columns_by_their_total():
    assert split_amount_groups("279 000 279 000") == [279_000, 279_000]
    assert split_amount_groups("3930 000 3 930 000") == [3_930_000, 3_930_000]
    assert split_amount_groups("1 200 000 340 000 1 540 000") == [1_200_000, 340_000, 1_540_000]
    assert split_amount_groups("1965 000 1 965 000", expected=2) == [1_965_000, 1_965_000]


def test_it_reads_percentages():
    assert parse_percent("arbetar vardera 100 %") == 100
    assert parse_percent("25%") == 25
    assert parse_percent("ingen procent") is None


@given(st.integers(min_value=0, max_value=10**10))
def test_any_integer_round_trips_in_every_written_form(n):
    assert parse_amount(str(n)) == n
    assert parse_amount(_grouped(n)) == n
    assert parse_amount(_grouped(n, "\u00a0")) == n
    assert parse_amount(f"{_grouped(n)} kr") == n
    assert parse_amount(f"{_grouped(n)} kronor") == n
    assert parse_amount(f"totalt {_grouped(n)}:-") == n


@given(st.integers(min_value=0, max_value=10**7))
def test_thousands_round_trip_as_tkr(n):
    assert parse_amount(f"{_grouped(n)} tkr") == n * 1000


@given(st.integers(min_value=1, max_value=999), st.integers(min_value=0, max_value=9))
def test_millions_with_decimal_comma_round_trip(whole, tenth):
    expected = whole * 1_000_000 + tenth * 100_000
    assert parse_amount(f"{whole},{tenth} miljoner kronor") == expected
    assert parse_amount(f"{whole},{tenth} mkr") == expected


@given(st.lists(st.integers(min_value=1000, max_value=9_999_999), min_size=1, max_size=4))
def test_a_row_with_a_total_column_splits_back_into_its_columns(columns):
    row = columns + [sum(columns)]
    text = " ".join(_grouped(v) for v in row)
    assert split_amount_groups(text, expected=len(row)) == row
