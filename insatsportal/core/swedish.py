"""Writing dates and amounts the way Swedish documents do: "1 januari 2023", "3 391 000 kronor"."""

import datetime

from insatsportal.core.money import format_kr

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)


def date_long(value: datetime.date) -> str:
    """2023-01-01 -> '1 januari 2023'."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def period_long(start: datetime.date, end: datetime.date) -> str:
    """'1 januari 2023 till 31 december 2024'."""
    return f"{date_long(start)} till {date_long(end)}"


def kronor_text(amount) -> str:
    """3391000 -> '3 391 000 kronor' (no-break spaces)."""
    return format_kr(amount, "kronor")


def join_names(names: list[str]) -> str:
    """['A', 'B', 'C'] -> 'A, B och C'."""
    names = [name for name in names if name]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} och {names[-1]}"
