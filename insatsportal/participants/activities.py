"""Reads of activities: counts per ISO week and kind, for weekly goals."""

import datetime
from collections import Counter, defaultdict

from django.db.models import Count

from insatsportal.core.calendar import iso_week_label, week_start
from insatsportal.participants.models import Activity

KINDS = Activity.Kind


def weekly_counts(participant, *, today: datetime.date, weeks: int = 8) -> list:
    """The latest `weeks` ISO weeks, newest first: (label, Monday, [count per kind])."""
    first = week_start(today) - datetime.timedelta(weeks=weeks - 1)
    counts = defaultdict(Counter)
    for day, kind in Activity.objects.filter(
            participant=participant, occurred_on__gte=first,
            occurred_on__lte=today).values_list("occurred_on", "kind"):
        counts[week_start(day)][kind] += 1
    rows = []
    for n in range(weeks):
        monday = week_start(today) - datetime.timedelta(weeks=n)
        rows.append((iso_week_label(monday), monday,
                     [counts[monday][kind] for kind in KINDS.values]))
    return rows


def this_week_counts(participant_ids, *, today: datetime.date) -> dict:
    """{participant id: [(kind label, count)]} for the current ISO week; one query."""
    monday = week_start(today)
    result = defaultdict(list)
    labels = dict(KINDS.choices)
    rows = (Activity.objects.filter(participant_id__in=participant_ids, occurred_on__gte=monday,
                                    occurred_on__lte=today)
            .values("participant_id", "kind").annotate(n=Count("pk")).order_by("kind"))
    for row in rows:
        result[row["participant_id"]].append((labels[row["kind"]], row["n"]))
    return result


def recent_activities(participant, *, limit: int = 10):
    return list(Activity.objects.filter(participant=participant)
                .order_by("-occurred_on", "-pk")[:limit])
