"""Dates as Swedish documents write them, always read day before month.

"2022-01-01", "2022.01.01", "20220101", "220101" (ååmmdd, the budget template's
format), "1 januari 2023", "14 juni 2021", "31/12-2018", "01/02/2026" (1 February).
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3,
    "april": 4, "apr": 4, "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7,
    "augusti": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 2022-01-01, 2022.01.01, 2022/01/01, 2022 -01-01 (OCR spacing)
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})\s?[-./–]\s?(?P<m>\d{1,2})"
                       r"\s?[-./–]\s?(?P<d>\d{1,2})(?!\d)")),
    # 1 januari 2023, 1:a januari 2023, 14 juni 2021, 1 jan. 2023
    ("dmy_text", re.compile(
        rf"(?<!\d)(?P<d>\d{{1,2}})(?::[ae])?\s+(?P<mon>{_MONTH_ALT})\.?\s+(?P<y>(?:19|20)\d{{2}})(?!\d)",
        re.IGNORECASE,
    )),
    # 31/12-2018, 01/02/2026, 1/2 2026, 31.12.2018 (Swedish: day first)
    ("dmy", re.compile(r"(?<!\d)(?P<d>\d{1,2})\s?[/.]\s?(?P<m>\d{1,2})\s?[-/. ]\s?"
                       r"(?P<y>(?:19|20)\d{2})(?!\d)")),
    # 20220101
    ("ymd8", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")),
    # 220101 (ååmmdd); a leading "1" or "|" is often a table border read by OCR.
    ("ymd6", re.compile(r"(?<![\d])[1|]?(?P<y>\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")),
]  # fmt: skip


def _build(y: int, m: int, d: int) -> date | None:
    if y < 100:
        y += 2000
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _from_match(kind: str, match: re.Match[str]) -> date | None:
    d = int(match.group("d"))
    y = int(match.group("y"))
    m = MONTHS[match.group("mon").lower()] if kind == "dmy_text" else int(match.group("m"))
    return _build(y, m, d)


def find_dates(text: str, *, compact: bool = True) -> list[tuple[date, str, int]]:
    """All dates in ``text`` as (date, snippet, position), in reading order.

    ``compact`` also accepts 6- and 8-digit forms; turn it off in prose, where
    six digits are more often a number than a date.
    """
    found: list[tuple[date, str, int]] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        if not compact and kind in ("ymd8", "ymd6"):
            continue
        for match in pattern.finditer(text or ""):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            value = _from_match(kind, match)
            if value is None:
                continue
            taken.append((start, end))
            found.append((value, match.group(0).strip(), start))
    found.sort(key=lambda item: item[2])
    return found


def parse_date(text: str) -> date | None:
    """The first date in ``text``, or None."""
    found = find_dates(text)
    return found[0][0] if found else None


_DAY_MONTH_RE = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})\s+(?P<mon>{_MONTH_ALT})\b(?:\s+(?P<y>(?:19|20)\d{{2}}))?",
    re.IGNORECASE,
)


def find_day_month_dates(text: str) -> list[tuple[date, str]]:
    """Dates in prose lists like "19 januari, 25 mars och 25 maj 2021".

    A day-month without a year takes the year of the next day-month that has one;
    ISO and numeric dates in the same text are included too.
    """
    items = []
    for match in _DAY_MONTH_RE.finditer(text or ""):
        year = match.group("y")
        items.append(
            [int(match.group("d")), MONTHS[match.group("mon").lower()], year, match.group(0),
             match.start()]
        )
    next_year = None
    for item in reversed(items):
        if item[2]:
            next_year = item[2]
        elif next_year:
            item[2] = next_year
    result: list[tuple[date, str, int]] = []
    for d, m, y, snippet, pos in items:
        if y:
            value = _build(int(y), m, d)
            if value:
                result.append((value, snippet, pos))
    for value, snippet, pos in find_dates(text, compact=False):
        if not any(pos <= p < pos + len(snippet) or p <= pos < p + len(s)
                   for _, s, p in result):
            result.append((value, snippet, pos))
    result.sort(key=lambda item: item[2])
    seen: set[date] = set()
    ordered = []
    for value, snippet, _pos in result:
        if value not in seen:
            seen.add(value)
            ordered.append((value, snippet))
    return ordered
