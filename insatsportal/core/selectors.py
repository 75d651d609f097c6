"""What the start page shows each user: the things waiting for them, as a worklist.

Each section app contributes a function `waiting_items(user)` returning a list
of WaitingItem; later capabilities add theirs to WAITING_SOURCES. Each source counts with
aggregate queries, never one query per row (core/tests/test_start_page.py pins the total).
"""

import datetime
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

WAITING_SOURCES: list[str] = [
    "insatsportal.participants.due.waiting_items",
    "insatsportal.reports.reminders.selectors.waiting_items",
    "insatsportal.cases.selectors.waiting_items",
    "insatsportal.cases.revised_budget.waiting.waiting_items",
    "insatsportal.reports.requisitions.waiting.waiting_items",
    "insatsportal.reports.quarterly.waiting.waiting_items",
]


# What kind of work an item is; an overdue item is listed as overdue whatever its kind.
DUE = "due"            # the user's own work, falling due (a plan, a report, a budget)
REVIEW = "review"      # someone else's work waiting for the user's decision or review
RETURNED = "returned"  # the user's work sent back to them


@dataclass(frozen=True)
class WaitingItem:
    title: str
    url: str
    detail: str = ""
    overdue: bool = False
    # The latest day something in the item became due (a step's due date, a submission,
    # a quarter's end); the daily reminder mails an item only once after that day.
    became_due_on: datetime.date | None = None
    kind: str = DUE


def waiting_for(user) -> list[WaitingItem]:
    items: list[WaitingItem] = []
    for path in WAITING_SOURCES:
        items.extend(import_string(path)(user))
    return sorted(items, key=lambda item: (not item.overdue, item.title))


@dataclass(frozen=True)
class WorkGroup:
    key: str
    title: str | Promise
    items: list[WaitingItem] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.items)


GROUPS = [
    ("overdue", _("Past due")),
    (RETURNED, _("Returned to you")),
    (REVIEW, _("Waiting for you")),
    (DUE, _("Coming up")),
]


def worklist(user) -> list[WorkGroup]:
    """The start page: every group in a fixed order (empty ones too, for the counts)."""
    items = waiting_for(user)
    return [
        WorkGroup(key, title, [item for item in items
                               if (key == "overdue") == item.overdue
                               and (key == "overdue" or item.kind == key)])
        for key, title in GROUPS
    ]
