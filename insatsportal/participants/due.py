"""What is due or overdue for participant staff: plan revisions, first plans, follow-ups.

Each source returns a queryset of participants annotated with `due_on`, scoped to
the interventions the user manages.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insatsportal.accounts import policy
from insatsportal.core.calendar import add_months
from insatsportal.core.selectors import WaitingItem
from insatsportal.interventions.models import Intervention
from insatsportal.participants.models import Discharge, Participant
from insatsportal.participants.services.followup import policy_for, sampled_ids


@dataclass(frozen=True)
class DueRow:
    participant: Participant
    what: str
    due_on: datetime.date
    overdue: bool


def _active(intervention_ids):
    return Participant.objects.filter(
        intervention_id__in=intervention_ids, is_anonymous=False, discharge__isnull=True
    ).select_related("intervention")


def plan_revisions_due(intervention_ids, *, horizon: datetime.date):
    participants = _active(intervention_ids).filter(plan__next_revision_due__lte=horizon)
    return [(p, p.plan.next_revision_due) for p in participants.select_related("plan")]


def first_plans_due(intervention_ids, *, horizon: datetime.date):
    days = datetime.timedelta(days=settings.PLAN_FIRST_DAYS)
    participants = _active(intervention_ids).filter(
        plan__isnull=True, enrolment__enrolled_on__lte=horizon - days
    ).select_related("enrolment")
    return [(p, p.enrolment.enrolled_on + days) for p in participants]


def ratings_due(intervention_ids, *, horizon: datetime.date):
    """The next rating RATING_INTERVAL_MONTHS after the latest; the first at enrolment."""


    months = settings.RATING_INTERVAL_MONTHS
    # add_months is monotonic but clips month ends: a few days' slack, then the exact check.
    bound = add_months(horizon, -months) + datetime.timedelta(days=3)
    rated = _active(intervention_ids).filter(latest_rated_on__lte=bound)
    rows = [(p, add_months(p.latest_rated_on, months)) for p in rated]
    rows = [(p, due) for p, due in rows if due <= horizon]
    first = _active(intervention_ids).filter(
        latest_rated_on__isnull=True, enrolment__enrolled_on__lte=horizon
    ).select_related("enrolment")
    return rows + [(p, p.enrolment.enrolled_on) for p in first]


def follow_ups_due(intervention_ids, *, horizon: datetime.date):
    """6 or 12 months after discharge (the intervention's policy); a sample if it says so."""

    rows = []
    for intervention_id in intervention_ids:
        policy = policy_for(intervention_id)
        bound = add_months(horizon, -policy.months) + datetime.timedelta(days=3)
        discharged = Participant.objects.filter(
            intervention_id=intervention_id, is_anonymous=False, follow_up__isnull=True,
            discharge__discharged_on__lte=bound,
        ).exclude(discharge__end_type=Discharge.EndType.WRONG_REGISTRATION).select_related(
            "intervention", "discharge")
        if policy.sample_only:
            discharged = discharged.filter(pk__in=list(sampled_ids(intervention_id)))
        for participant in discharged:
            due = add_months(participant.discharge.discharged_on, policy.months)
            if due <= horizon:
                rows.append((participant, due))
    return rows


# (label, function(intervention_ids, horizon=) -> [(participant, due date)])
SOURCES = [
    (lambda: _("Action plan to revise"), plan_revisions_due),
    (lambda: _("Action plan to establish"), first_plans_due),
    (lambda: _("Progress rating"), ratings_due),
    (lambda: _("Follow-up after discharge"), follow_ups_due),
]


def due_rows(intervention_ids, *, today: datetime.date) -> list[DueRow]:
    horizon = today + datetime.timedelta(days=settings.DUE_SOON_DAYS)
    rows = [
        DueRow(participant, label(), due_on, due_on < today)
        for label, source in SOURCES
        for participant, due_on in source(intervention_ids, horizon=horizon)
    ]
    return sorted(rows, key=lambda row: (row.due_on, row.participant.number))


def waiting_items(user) -> list[WaitingItem]:
    """For the start page: counts per intervention, never a name."""


    ids = policy.managed_intervention_ids(user)
    if not ids:
        return []
    today = timezone.localdate()
    items = []
    rows = due_rows(ids, today=today)
    for intervention in Intervention.objects.filter(pk__in=ids).order_by("name"):
        mine = [row for row in rows if row.participant.intervention_id == intervention.pk]
        if not mine:
            continue
        overdue = sum(row.overdue for row in mine)
        fallen_due = [row.due_on for row in mine if row.due_on <= today]
        detail = ngettext("%(count)d overdue", "%(count)d overdue", overdue) % {
            "count": overdue} if overdue else ""
        items.append(WaitingItem(
            title=ngettext(
                "%(intervention)s: %(count)d participant step due",
                "%(intervention)s: %(count)d participant steps due", len(mine),
            ) % {"intervention": intervention.name, "count": len(mine)},
            url=reverse("participants:due", args=[intervention.pk]),
            detail=detail,
            overdue=bool(overdue),
            became_due_on=max(fallen_due, default=None),
        ))
    return items
