"""Swedish personal identity numbers: personnummer and samordningsnummer.

python-stdnum validates personnummer; a samordningsnummer is the same with 60
added to the day of birth, so the date is checked with the day lowered by 60
and the Luhn digit over the number as written.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from stdnum import luhn
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.se import personnummer

COORDINATION_DAY_OFFSET = 60


@dataclass(frozen=True)
class IdentityNumber:
    normalised: str  # twelve digits, YYYYMMDDNNNN
    birth_date: datetime.date
    coordination: bool

    @property
    def display(self) -> str:
        return f"{self.normalised[:8]}-{self.normalised[8:]}"


def parse_identity_number(value: str, *, today: datetime.date | None = None) -> IdentityNumber:
    """Validate a personnummer or samordningsnummer; raise ValidationError (no number in it)."""
    invalid = ValidationError(
        _("Enter a valid personnummer or samordningsnummer (ÅÅÅÅMMDD-NNNN)."), code="invalid"
    )
    try:
        number = personnummer.compact(value or "")
    except Exception as exc:  # stdnum raises on odd input; never echo the value
        raise invalid from exc
    if len(number) not in (11, 13) or number[-5] not in "-+":
        raise invalid
    digits = number[:-5] + number[-4:]
    if not digits.isdigit():
        raise invalid
    day = int(digits[-6:-4])
    coordination = day > COORDINATION_DAY_OFFSET
    as_birth = number
    if coordination:
        lowered = f"{day - COORDINATION_DAY_OFFSET:02d}"
        as_birth = number[:-7] + lowered + number[-5:]
    try:
        birth_date = _birth_date(as_birth, today=today)
        luhn.validate(digits[-10:])
    except StdnumError as exc:
        raise invalid from exc
    if birth_date > (today or datetime.date.today()):
        raise invalid
    normalised = f"{birth_date.year // 100:02d}{digits[-10:]}"
    if len(digits) == 12:
        normalised = digits
    return IdentityNumber(normalised=normalised, birth_date=birth_date, coordination=coordination)


def _birth_date(number: str, *, today: datetime.date | None) -> datetime.date:
    if today is None or len(number) == 13:
        return personnummer.get_birth_date(number)
    # Ten digits: the century is the latest one that does not put the birth in the future.
    year_2 = int(number[0:2])
    century = today.year // 100 - (1 if year_2 > today.year % 100 else 0)
    if number[-5] == "+":
        century -= 1
    try:
        return datetime.date(century * 100 + year_2, int(number[2:4]), int(number[4:6]))
    except ValueError as exc:
        raise StdnumError() from exc


# Ten or twelve digits: the date part (a space or hyphen may sit between its digits, as in
# "1990-01-01"), an optional separator, and the last four (spaces allowed between them).
# The lookahead finds overlapping candidates, so a false one cannot hide a real one after it.
_D = "[0-9]"
_LAST_FOUR = _D + "(?: ?" + _D + "){3}"
_CANDIDATES = [  # twelve digits, then ten: each tried from every start
    re.compile(rf"(?<![0-9])(?=({_D}(?:[ -]?{_D}){{{n - 1}}} ?[-+]{{0,2}} ?{_LAST_FOUR})(?![0-9]))")
    for n in (8, 6)
]
_SEPARATORS = dict.fromkeys(map(ord, " -+"))
# Hyphens and dashes that people (and word processors) put where "-" belongs.
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043"
                                 "\ufe58\ufe63\uff0d"), "-")


def _normalised(text: str) -> str:
    """Full-width and other decimal digits as 0-9, every dash as "-", every space as " "."""
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() else " " if c.isspace() else c
        for c in text
    )


def contains_identity_number(text: str) -> bool:
    """True if the text holds something that passes as a personnummer or samordningsnummer.

    Also when written with en dashes, full-width digits, spaces between the digits or an
    extra hyphen: free text must not become a way round the register.
    """
    text = _normalised(text or "")
    seen = set()  # long runs of digits give the same candidate many times over
    for pattern in _CANDIDATES:
        for match in pattern.finditer(text):
            candidate = match.group(1).translate(_SEPARATORS)[-10:]
            if candidate in seen:
                continue
            seen.add(candidate)
            if luhn.is_valid(candidate) and _plausible_date(candidate[:6]):
                return True
    return False


def _plausible_date(yymmdd: str) -> bool:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if day > COORDINATION_DAY_OFFSET:
        day -= COORDINATION_DAY_OFFSET
    return 1 <= month <= 12 and 1 <= day <= 31


def reject_identity_number(value: str) -> None:
    """Validator for every free-text field of a participant record."""
    if contains_identity_number(value):
        raise ValidationError(
            _("Do not write personal identity numbers in free text. Remove the number."),
            code="personnummer_in_text",
        )
