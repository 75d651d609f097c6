"""When the appeal period of posted minutes ends (kommunallagen 13 kap. 5 §).

An appeal must reach the administrative court within three weeks of the day the notice
that the minutes are approved was posted. A last day on a Saturday, Sunday or public
holiday, midsommarafton, julafton or nyårsafton moves to the next weekday (lag (1930:173)
om beräkning av lagstadgad tid). The decision gains legal force (vinner laga kraft) only if
no appeal has come in by then; justering alone never gives it.
"""

import datetime

APPEAL_DAYS = 21


def easter_sunday(year: int) -> datetime.date:
    """Gregorian Easter (the anonymous algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return datetime.date(year, month, day + 1)


def closed_days(year: int) -> set[datetime.date]:
    """Weekday holidays and the eves the law treats as holidays (weekends apart)."""
    D = datetime.date
    easter = easter_sunday(year)
    midsummer_eve = next(D(year, 6, day) for day in range(19, 26) if D(year, 6, day).weekday() == 4)
    return {
        D(year, 1, 1), D(year, 1, 6), D(year, 5, 1), D(year, 6, 6),
        D(year, 12, 24), D(year, 12, 25), D(year, 12, 26), D(year, 12, 31),
        easter - datetime.timedelta(days=2), easter + datetime.timedelta(days=1),
        easter + datetime.timedelta(days=39), midsummer_eve,
    }


def appeal_last_day(posted_on: datetime.date) -> datetime.date:
    day = posted_on + datetime.timedelta(days=APPEAL_DAYS)
    while day.weekday() >= 5 or day in closed_days(day.year):
        day += datetime.timedelta(days=1)
    return day
