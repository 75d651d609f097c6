from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from insatsportal.imports.parsing.dates import find_day_month_dates, parse_date

MONTH_NAMES = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
               "september", "oktober", "november", "december"]


def test_it_reads_the_forms_the_documents_use():
    assert parse_date("2022-01-01") == date(2022, 1, 1)
    assert parse_date("220101") == date(2022, 1, 1)
    assert parse_date("1 januari 2023") == date(2023, 1, 1)
    assert parse_date("14 juni 2021") == date(2021, 6, 14)
    assert parse_date("2022.01.01") == date(2022, 1, 1)
    assert parse_date("Den 31/12-2018 finns") == date(2018, 12, 31)


def test_it_reads_day_before_month():
    assert parse_date("01/02/2026") == date(2026, 2, 1)
    assert parse_date("1/2 2026") == date(2026, 2, 1)
    assert parse_date("13/01/2026") == date(2026, 1, 13)


def test_it_rejects_impossible_dates_and_scribbles():
    assert parse_date("2021-02-30") is None
    assert parse_date("2021 --06 ‘/71") is None
    assert parse_date("inget datum här") is None


def test_it_reads_a_table_border_before_a_compact_date():
    assert parse_date("1231231") == date(2023, 12, 31)


def test_it_gives_a_year_to_day_month_lists():
    text = "Vid styrgrupp 19 januari, 25 mars och 25 maj 2021 samt 16 april respektive 11 juni 2022"
    assert [d for d, _ in find_day_month_dates(text)] == [
        date(2021, 1, 19), date(2021, 3, 25), date(2021, 5, 25), date(2022, 4, 16),
        date(2022, 6, 11)]


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_any_date_round_trips_in_every_written_form(d):
    assert parse_date(d.isoformat()) == d
    assert parse_date(d.strftime("%Y.%m.%d")) == d
    assert parse_date(d.strftime("%Y%m%d")) == d
    assert parse_date(d.strftime("%y%m%d")) == d
    assert parse_date(f"{d.day} {MONTH_NAMES[d.month - 1]} {d.year}") == d
    assert parse_date(f"{d.day:02d}/{d.month:02d}/{d.year}") == d
    assert parse_date(f"{d.day}/{d.month}-{d.year}") == d
