import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

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
     "19900101-0018 (fel kontrollsiffra)", "Budget 3 930 000 kr", "Telefon 070 123 45 67",
     "Period 2023-01-01 \u2013 2024-12-31", "Org.nr 212000-2723", "Tel 08-123 456 78"],
)
def test_ordinary_numbers_in_free_text_pass(text):
    assert not contains_identity_number(text)


@pytest.mark.parametrize(
    "text",
    ["pnr 19900101\u20130017", "pnr 900101\u20140017", "pnr 900101\u22120017",
     "pnr 900101\u20110017",
     "pnr \uff11\uff19\uff19\uff10\uff10\uff11\uff10\uff11\uff0d\uff10\uff10\uff11\uff17",
     "pnr 1 9 9 0 0 1 0 1 - 0 0 1 7", "pnr 19 90 01 01 00 17", "pnr 900101 00 17",
     "pnr 1990-0101-0017", "pnr 1990-01-01-0017", "pnr 19900101--0017",
     "pnr 19900101\u00a00017", "Möte 2024-03-01, pnr 19900101-0017"],
)
def test_free_text_with_a_disguised_identity_number_is_rejected(text):
    assert contains_identity_number(text)


# Valid numbers (Luhn digit right), in the ten- and twelve-digit forms.
VALID = ["19900101-0017", "19900161-0014", "20010203-2398", "19851231-1237", "19750615-4686"]
DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d",
          "", " ", "--", "+"]
FULL_WIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + i) for i in range(10)))


@given(
    number=st.sampled_from(VALID), twelve=st.booleans(), dash=st.sampled_from(DASHES),
    full_width=st.booleans(), spaces=st.lists(st.booleans(), min_size=12, max_size=12),
    before=st.text(alphabet="abc .,:(", max_size=5), after=st.text(alphabet="abc .,:)", max_size=5),
)
def test_any_way_of_writing_a_valid_number_is_caught(number, twelve, dash, full_width, spaces,
                                                     before, after):
    digits = number.replace("-", "")
    digits = digits if twelve else digits[2:]
    date, last = digits[:-4], digits[-4:]
    spaced = lambda part, flags: "".join(  # noqa: E731
        d + (" " if flag else "") for d, flag in zip(part, flags, strict=False)).strip()
    written = spaced(date, spaces) + dash + spaced(last, spaces[len(date):])
    if full_width:
        written = written.translate(FULL_WIDTH)
    assert contains_identity_number(before + written + after)


@given(st.text(alphabet="0123456789 -\u2013", max_size=40))
def test_the_detector_never_fails_on_odd_input(text):
    assert contains_identity_number(text) in (True, False)
