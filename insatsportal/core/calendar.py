"""Calendar arithmetic in one pure module: months, quarters and weeks.

No database, no clock: callers pass today's date, so tests can freeze time. (A quarter's
name is translated: '2026 kv3'.)
"""

import calendar as _calendar
import datetime

from django.utils.translation import gettext


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = _calendar.monthrange(year, month)[1]
    return datetime.date(year, month, min(day.day, last))


def quarter_of(day: datetime.date) -> tuple[int, int]:
    """(year, quarter 1–4) of a date."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[datetime.date, datetime.date]:
    """First and last day of a calendar quarter."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("A quarter is 1, 2, 3 or 4.")
    first = datetime.date(year, 3 * quarter - 2, 1)
    last = add_months(first, 3) - datetime.timedelta(days=1)
    return first, last


def quarters_between(first: datetime.date, last: datetime.date) -> list[tuple[int, int]]:
    """Every (year, quarter) from the one holding `first` to the one holding `last`."""
    (year, quarter), end = quarter_of(first), quarter_of(last)
    quarters = []
    while (year, quarter) <= end:
        quarters.append((year, quarter))
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
    return quarters


def quarter_label(year: int, quarter: int) -> str:
    """The one way a quarter is written: '2026 kv3'."""
    return gettext("%(year)s Q%(quarter)s") % {"year": year, "quarter": quarter}


def week_start(day: datetime.date) -> datetime.date:
    """The Monday of the ISO week that holds `day`."""
    return day - datetime.timedelta(days=day.weekday())


def iso_week_label(day: datetime.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-V{week:02d}"


def days_between(start: datetime.date, end: datetime.date) -> int:
    return (end - start).days
