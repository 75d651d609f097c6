"""Activities: quick logging for one participant or a whole group at once."""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Activity, Discharge, Participant


@transaction.atomic
def activity_log(
    *,
    actor,
    participants: list[Participant],
    kind: str,
    occurred_on: datetime.date,
    duration_minutes: int,
    note: str = "",
) -> list[Activity]:
    """One row per participant, sharing a batch id. Anonymous records get no note."""
    if not participants:
        raise ParticipantError(_("Choose at least one participant."))
    if len({p.intervention_id for p in participants}) != 1:
        raise ParticipantError(_("A group activity belongs to one intervention."))
    if occurred_on > timezone.localdate():
        raise ParticipantError(_("The date cannot be in the future."))
    if kind not in Activity.Kind.values:
        raise ParticipantError(_("Choose the kind of activity."))
    ended = Discharge.objects.filter(participant__in=participants,
                                     discharged_on__lt=occurred_on).exists()
    if ended:
        raise ParticipantError(_("A participant had already been discharged on that date."))
    batch = uuid.uuid4()
    activities = Activity.objects.bulk_create(
        Activity(participant=p, kind=kind, occurred_on=occurred_on,
                 duration_minutes=duration_minutes, note="" if p.is_anonymous else note,
                 batch=batch, recorded_by=actor)
        for p in participants
    )
    for participant in participants:
        log_action(actor=actor, obj=participant, action="activity.logged",
                   data={"kind": kind, "occurred_on": occurred_on.isoformat(),
                         "group_size": len(participants)})
    return activities
