"""What the start page shows each user: the things waiting for them.

Each section app contributes a function `waiting_items(user)` returning a list
of WaitingItem; later capabilities add theirs to WAITING_SOURCES.
"""

import datetime
from dataclasses import dataclass

from django.utils.module_loading import import_string

WAITING_SOURCES: list[str] = [
    "insatsportal.participants.due.waiting_items",
    "insatsportal.reports.reminders.selectors.waiting_items",
    "insatsportal.cases.selectors.waiting_items",
]


@dataclass(frozen=True)
class WaitingItem:
    title: str
    url: str
    detail: str = ""
    overdue: bool = False
    # The latest day something in the item became due (a step's due date, a submission,
    # a quarter's end); the daily reminder mails an item only once after that day.
    became_due_on: datetime.date | None = None


def waiting_for(user) -> list[WaitingItem]:
    items: list[WaitingItem] = []
    for path in WAITING_SOURCES:
        items.extend(import_string(path)(user))
    return sorted(items, key=lambda item: (not item.overdue, item.title))
