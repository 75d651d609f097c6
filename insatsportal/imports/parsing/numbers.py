"""Amounts in kronor as Swedish documents write them.

Handles "3 930 000", "3930000", "5 350 000 kr", "2,4 miljoner kronor", "300 tkr",
"1,5 mkr" and OCR'd tables where the thousands separator and the column gap are both
spaces ("279 000 279 000").
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

# Spaces that appear as thousands separators: normal, no-break, narrow no-break, thin.
_SPACES = "\u0020\u00a0\u202f\u2009"
_SP = f"[{_SPACES}]"

_UNIT_MULTIPLIERS = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    ":-": 1,
    "tkr": 1_000,
    "tusen": 1_000,
    "mkr": 1_000_000,
    "msek": 1_000_000,
    "milj": 1_000_000,
    "miljon": 1_000_000,
    "miljoner": 1_000_000,
}

# A number: grouped thousands ("3 930 000", "1.200.000"), plain digits, or a decimal
# ("2,4") followed optionally by a unit. A decimal is only accepted with a multiplier.
_AMOUNT_RE = re.compile(
    rf"""
    (?<![\d,.])
    (?P<num>
        \d{{1,3}}(?:(?:{_SP}|\.)\d{{3}})+(?![\d])   # grouped thousands
      | \d+,\d+                                  # decimal with comma
      | \d+                                       # plain
    )
    (?:{_SP}*(?P<unit>
        tkr|mkr|msek|sek|kronor|kr\b|:-|tusen|miljoner|miljon|milj\.?
    ))?
    (?![\w])
    """,
    re.IGNORECASE | re.VERBOSE,
)


def _to_int(num: str, unit: str | None) -> int | None:
    unit_key = (unit or "").lower().rstrip(".")
    multiplier = _UNIT_MULTIPLIERS.get(unit_key, 1)
    if "," in num:
        if multiplier == 1:
            return None  # "38,6" without a unit is a percentage or ratio, not money
        try:
            value = Decimal(num.replace(",", "."))
        except InvalidOperation:
            return None
        return int((value * multiplier).to_integral_value())
    digits = re.sub(rf"{_SP}|\.", "", num)
    return int(digits) * multiplier


def parse_amount(text: str) -> int | None:
    """Return the first amount in ``text`` in whole kronor, or None."""
    for match in _AMOUNT_RE.finditer(text or ""):
        value = _to_int(match.group("num"), match.group("unit"))
        if value is not None:
            return value
    return None


def find_amounts(text: str) -> list[tuple[int, str]]:
    """All amounts in ``text`` with the snippet each was read from."""
    found = []
    for match in _AMOUNT_RE.finditer(text or ""):
        value = _to_int(match.group("num"), match.group("unit"))
        if value is not None:
            found.append((value, match.group(0)))
    return found


def split_amount_groups(text: str, expected: int | None = None) -> list[int] | None:
    """Split a run of space-separated digit groups into the amounts of table columns.

    OCR turns a row of columns into "279 000 279 000" or "3930 000 3 930 000": the
    gap between columns looks like a thousands separator. We enumerate the ways to cut
    the groups into numbers (each number: a head of 1-4 digits, then 3-digit groups)
    and prefer a cut where the last number is the sum of the others (a total column),
    then one with ``expected`` numbers, then the one with the fewest numbers.
    """
    groups = re.findall(r"\d+", text)
    if not groups or any(len(g) > 7 for g in groups[1:]):
        return None
    cuts: list[list[int]] = []

    def walk(i: int, acc: list[int]) -> None:
        if len(cuts) > 3000:  # a pathological row; the caller falls back to plain digits
            return
        if i == len(groups):
            cuts.append(list(acc))
            return
        head = groups[i]
        if (len(head) > 1 and head.startswith("0")) or len(head) > 7:
            return
        # Longest numbers first: the natural reading of "1 786 100 100 100" comes early.
        ends = [i + 1]
        if len(head) <= 4:
            j = i + 1
            while j < len(groups) and len(groups[j]) == 3:
                j += 1
                ends.append(j)
        for end in reversed(ends):
            acc.append(int("".join(groups[i:end])))
            walk(end, acc)
            acc.pop()

    walk(0, [])
    if not cuts:
        return None

    def plausible(cut: list[int]) -> bool:
        # A lone 1-3 digit number between big amounts is almost always a split amount.
        return all(v == 0 or v >= 1000 for v in cut) or len(cut) == 1

    summing = [c for c in cuts if len(c) >= 2 and sum(c[:-1]) == c[-1] and plausible(c)]
    if expected:
        exact = [c for c in summing if len(c) == expected] or [
            c for c in cuts if len(c) == expected and plausible(c)
        ]
        if exact:
            return exact[0]
    if summing:
        return min(summing, key=len)
    sensible = [c for c in cuts if plausible(c)] or cuts
    return min(sensible, key=len)


def parse_percent(text: str) -> int | None:
    """"20%", "100 %", "vardera 100 %" -> 20, 100."""
    match = re.search(r"(\d{1,3})(?:,\d+)?\s?%", text or "")
    return int(match.group(1)) if match else None


def format_amount(value: int) -> str:
    """3930000 -> "3 930 000" (used in warnings)."""
    return f"{value:,}".replace(",", " ")
