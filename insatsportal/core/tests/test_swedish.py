import datetime

from insatsportal.core.swedish import date_long, join_names, kronor_text, period_long


def test_dates_are_written_out_in_swedish():
    assert date_long(datetime.date(2023, 1, 1)) == "1 januari 2023"
    assert date_long(datetime.date(2021, 6, 14)) == "14 juni 2021"
    assert period_long(datetime.date(2023, 1, 1), datetime.date(2024, 12, 31)) == (
        "1 januari 2023 till 31 december 2024"
    )


def test_amounts_are_written_in_kronor_with_spaces():
    assert kronor_text(3391000) == "3\xa0391\xa0000\xa0kronor"


def test_names_are_joined_with_och():
    assert join_names(["Försäkringskassan", "Arbetsförmedlingen", "Region Uppsala"]) == (
        "Försäkringskassan, Arbetsförmedlingen och Region Uppsala"
    )
    assert join_names(["Arbetsförmedlingen"]) == "Arbetsförmedlingen"
    assert join_names([]) == ""
