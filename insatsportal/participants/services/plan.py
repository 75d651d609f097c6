"""Handlingsplan: established, anchored and revised every PLAN_REVISION_MONTHS."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.core.calendar import add_months
from insatsportal.core.changes import unchanged
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import ActionPlan, Participant, PlanRevision
from insatsportal.participants.services.facts import facts_keep


def next_revision_due(last: datetime.date) -> datetime.date:
    return add_months(last, settings.PLAN_REVISION_MONTHS)


def _check(participant: Participant, day: datetime.date) -> None:
    if participant.is_anonymous:
        raise ParticipantError(_("An anonymous record holds only sex and the year of start."))
    if day > timezone.localdate():
        raise ParticipantError(_("The date cannot be in the future."))


def _keep_due(participant: Participant, plan: ActionPlan) -> None:
    """Copy the next revision date onto the person (Participant.plan_revision_due)."""
    participant.plan_revision_due = plan.next_revision_due
    Participant.objects.filter(pk=participant.pk).update(plan_revision_due=plan.next_revision_due)


@transaction.atomic
def plan_establish(
    *,
    actor,
    participant: Participant,
    established_on: datetime.date,
    goals: str,
    steps: str = "",
    anchored_with_participant: bool = False,
    anchored_parties=(),
) -> ActionPlan:
    """Establish the plan, or correct it; the next revision counts from the latest date."""
    _check(participant, established_on)
    plan = ActionPlan.objects.filter(participant=participant).first()
    if unchanged(plan, {"established_on": established_on, "goals": goals, "steps": steps,
                        "anchored_with_participant": anchored_with_participant},
                 many={"anchored_parties": anchored_parties}):
        return plan
    latest = established_on
    if plan is not None:
        last_revision = plan.revisions.order_by("-revised_on").first()
        if last_revision is not None:
            latest = max(latest, last_revision.revised_on)
    plan, created = ActionPlan.objects.update_or_create(
        participant=participant,
        defaults={"established_on": established_on, "goals": goals, "steps": steps,
                  "anchored_with_participant": anchored_with_participant,
                  "next_revision_due": next_revision_due(latest), "recorded_by": actor},
    )
    plan.anchored_parties.set(anchored_parties)
    _keep_due(participant, plan)
    facts_keep([participant.pk])
    log_action(actor=actor, obj=participant,
               action="plan.established" if created else "plan.corrected",
               data={"established_on": established_on.isoformat(),
                     "anchored_parties": len(anchored_parties)})
    return plan


@transaction.atomic
def plan_revise(*, actor, participant: Participant, revised_on: datetime.date, notes: str = "",
                goals: str = "", steps: str = "", anchored_parties=None) -> PlanRevision:
    plan = ActionPlan.objects.filter(participant=participant).first()
    if plan is None:
        raise ParticipantError(_("Establish the action plan before revising it."))
    _check(participant, revised_on)
    if revised_on < plan.established_on:
        raise ParticipantError(_("A revision cannot be dated before the plan was established."))
    revision = PlanRevision.objects.create(plan=plan, revised_on=revised_on, notes=notes,
                                           recorded_by=actor)
    if goals:
        plan.goals = goals
    if steps:
        plan.steps = steps
    latest = plan.revisions.order_by("-revised_on").values_list("revised_on", flat=True).first()
    plan.next_revision_due = next_revision_due(latest)
    plan.save()
    _keep_due(participant, plan)
    if anchored_parties is not None:
        plan.anchored_parties.set(anchored_parties)
    log_action(actor=actor, obj=participant, action="plan.revised",
               data={"revised_on": revised_on.isoformat()})
    return revision
