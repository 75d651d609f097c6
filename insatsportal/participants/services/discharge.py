"""Utskrivning: discharge with the situation after, and the follow-up it makes due."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.core.changes import unchanged
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Discharge, Enrolment, Participant
from insatsportal.participants.services.enrolment import WORK_GROUP, check_occupation_percent
from insatsportal.participants.services.facts import facts_keep

# Called with (participant, discharge) after a discharge is recorded (e.g. follow-ups).
AFTER_DISCHARGE: list = []


@transaction.atomic
def discharge_record(
    *,
    actor,
    participant: Participant,
    discharged_on: datetime.date,
    end_type: str,
    income_after=(),
    occupation_after=None,
    occupation_after_percent: int | None = None,
    exit_conversation_held: bool = False,
    exit_conversation_on: datetime.date | None = None,
    next_step: str = "",
    next_step_party=None,
) -> Discharge:
    """Record or correct a discharge. An anonymous record keeps only the date and type of end."""
    if discharged_on > timezone.localdate():
        raise ParticipantError(_("The discharge cannot be dated in the future."))
    enrolment = Enrolment.objects.filter(participant=participant).first()
    if enrolment is not None and discharged_on < enrolment.enrolled_on:
        raise ParticipantError(_("The discharge is dated before the enrolment."))
    if participant.is_anonymous:
        if income_after or occupation_after or exit_conversation_held or next_step or (
                next_step_party):
            raise ParticipantError(
                _("An anonymous record keeps only the date and type of end."))
    elif end_type != Discharge.EndType.WRONG_REGISTRATION:
        if not income_after or occupation_after is None:
            raise ParticipantError(_("Give the support and occupation after the participation."))
    check_occupation_percent(occupation_after, occupation_after_percent)
    if occupation_after is None or occupation_after.group != WORK_GROUP:
        occupation_after_percent = None
    if exit_conversation_held and exit_conversation_on is None:
        raise ParticipantError(_("Give the date of the exit conversation."))
    if not exit_conversation_held:
        exit_conversation_on = None
    existing = Discharge.objects.filter(participant=participant).first()
    values = {
        "discharged_on": discharged_on, "end_type": end_type,
        "occupation_after": occupation_after,
        "occupation_after_percent": occupation_after_percent,
        "exit_conversation_held": exit_conversation_held,
        "exit_conversation_on": exit_conversation_on,
        "next_step": next_step, "next_step_party": next_step_party,
    }
    if unchanged(existing, values, many={"income_after": income_after}):
        return existing
    discharge, _created = Discharge.objects.update_or_create(
        participant=participant, defaults={**values, "recorded_by": actor},
    )
    discharge.income_after.set(income_after)
    if participant.under_way:  # facts.UNDER_WAY: the due list stops reading this person
        participant.under_way = False
        Participant.objects.filter(pk=participant.pk).update(under_way=False)
    facts_keep([participant.pk])
    log_action(actor=actor, obj=participant,
               action="participant.discharged" if existing is None else "discharge.corrected",
               data={"discharged_on": discharged_on.isoformat(), "end_type": end_type})
    for hook in AFTER_DISCHARGE:
        hook(participant, discharge)
    return discharge


def discharge_strip(participant: Participant) -> None:
    """For anonymising: keep only the date and type of end."""
    discharge = Discharge.objects.filter(participant=participant).first()
    if discharge is None:
        return
    discharge.income_after.clear()
    discharge.occupation_after = None
    discharge.occupation_after_percent = None
    discharge.exit_conversation_held = False
    discharge.exit_conversation_on = None
    discharge.next_step = ""
    discharge.next_step_party = None
    discharge.save()
