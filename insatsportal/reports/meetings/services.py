"""Writes of the meetings log."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.reports.errors import ReportError
from insatsportal.reports.meetings.models import InterventionMeeting


@transaction.atomic
def meeting_log(*, intervention, held_on: datetime.date, kind: str, parties, minutes: str = "",
                actor, today: datetime.date) -> InterventionMeeting:
    if held_on > today:
        raise ReportError(_("A meeting is logged after it has been held."))
    meeting = InterventionMeeting.objects.create(
        intervention=intervention, held_on=held_on, kind=kind, minutes=minutes,
        recorded_by=actor,
    )
    meeting.parties.set(parties)
    log_action(actor=actor, obj=intervention, action="intervention_meeting.logged",
               data={"meeting": meeting.pk, "kind": kind, "held_on": held_on.isoformat()})
    return meeting
