import datetime

import pytest
from django.core.exceptions import ValidationError

from insatsportal.participants.identity import (
    contains_identity_number,
    parse_identity_number,
    reject_identity_number,
)


@pytest.mark.parametrize("value", ["19900101-0017", "199001010017", "900101-0017", "9001010017"])
def test_a_personnummer_in_any_usual_form_is_normalised_to_twelve_digits(value):
    number = parse_identity_number(value, today=datetime.date(2026, 1, 1))
    assert number.normalised == "199001010017"
    assert number.birth_date == datetime.date(1990, 1, 1)
    assert not number.coordination


def test_a_samordningsnummer_has_sixty_added_to_the_day():
    number = parse_identity_number("19900161-0014")
    assert number.coordination
    assert number.birth_date == datetime.date(1990, 1, 1)
    assert number.normalised == "199001610014"


@pytest.mark.parametrize(
    "value",
    ["19900101-0018",  # wrong check digit
     "19901301-0017",  # month 13
     "19900192-0017",  # day 92 is neither a day nor a coordination day
     "abc", "", "1990-01-01"],
)
def test_invalid_numbers_are_refused_without_echoing_them(value):
    with pytest.raises(ValidationError) as error:
        parse_identity_number(value)
    assert value not in str(error.value) or value == ""


def test_a_birth_date_in_the_future_is_refused():
    with pytest.raises(ValidationError):
        parse_identity_number("20300101-0010", today=datetime.date(2026, 1, 1))


@pytest.mark.parametrize(
    "text",
    ["Ring om 19900101-0017 imorgon", "pnr 900101-0017", "9001010017", "199001010017!",
     "samordningsnr 19900161-0014", "19900101 0017"],
)
def test_free_text_with_an_identity_number_is_rejected(text):
    assert contains_identity_number(text)
    with pytest.raises(ValidationError):
        reject_identity_number(text)


@pytest.mark.parametrize(
    "text",
    ["Möte 2024-03-01 kl 10", "Telefon 070-123 45 67", "Faktura 1234567890",
     "19900101-0018 (fel kontrollsiffra)", "Budget 3 930 000 kr"],
)
def test_ordinary_numbers_in_free_text_pass(text):
    assert not contains_identity_number(text)
