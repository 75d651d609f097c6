"""Inskrivning: enrolment with the situation before."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.core.changes import unchanged
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Enrolment, Participant
from insatsportal.participants.services.facts import facts_keep

WORK_GROUP = "arbete"


def check_occupation_percent(occupation, percent) -> None:
    if occupation is not None and occupation.group == WORK_GROUP and not percent:
        raise ParticipantError(_("Give the share of full time for work."))


@transaction.atomic
def enrolment_record(
    *,
    actor,
    participant: Participant,
    enrolled_on: datetime.date,
    referrer=None,
    referral_text: str = "",
    target_group=None,
    income_before=(),
    occupation_before,
    occupation_before_percent: int | None = None,
    support_time_before,
    education,
) -> Enrolment:
    """Record or correct the enrolment of an identified participant."""
    if participant.is_anonymous:
        raise ParticipantError(_("An anonymous record holds only sex and the year of start."))
    if enrolled_on > timezone.localdate():
        raise ParticipantError(_("The enrolment cannot be dated in the future."))
    if not income_before:
        raise ParticipantError(_("Choose at least one kind of support before."))
    check_occupation_percent(occupation_before, occupation_before_percent)
    if occupation_before.group != WORK_GROUP:
        occupation_before_percent = None
    existing = Enrolment.objects.filter(participant=participant).first()
    values = {
        "enrolled_on": enrolled_on, "referrer": referrer, "referral_text": referral_text,
        "target_group": target_group, "occupation_before": occupation_before,
        "occupation_before_percent": occupation_before_percent,
        "support_time_before": support_time_before, "education": education,
    }
    if unchanged(existing, values, many={"income_before": income_before}):
        return existing
    enrolment, created = Enrolment.objects.update_or_create(
        participant=participant, defaults={**values, "recorded_by": actor},
    )
    enrolment.income_before.set(income_before)
    if (participant.start_year, participant.enrolled_on) != (enrolled_on.year, enrolled_on):
        # enrolled_on: the due list's copy (Participant.enrolled_on)
        participant.start_year, participant.enrolled_on = enrolled_on.year, enrolled_on
        participant.save(update_fields=["start_year", "enrolled_on"])
    facts_keep([participant.pk])
    log_action(actor=actor, obj=participant,
               action="participant.enrolled" if existing is None else "enrolment.corrected",
               data={"enrolled_on": enrolled_on.isoformat()})
    return enrolment
