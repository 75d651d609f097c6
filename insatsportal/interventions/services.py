"""Writes of interventions: a grant creates or extends one, the office closes one early."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.interventions.models import Intervention


class InterventionError(Exception):
    """A failed precondition, with a translated message for the user."""


def intervention_status_for(start: datetime.date | None, end: datetime.date | None, *,
                            today: datetime.date | None = None) -> str:
    """Planned before its first day, ended after its last, running in between."""
    today = today or timezone.localdate()
    if end is not None and end < today:
        return Intervention.Status.ENDED
    if start is None or start > today:
        return Intervention.Status.PLANNED
    return Intervention.Status.RUNNING


@transaction.atomic
def intervention_create(*, actor, name: str, owner, start_date: datetime.date | None = None,
                        end_date: datetime.date | None = None, partners=(),
                        orientation: str = Intervention.Orientation.INDIVIDUAL,
                        action: str = "intervention.created",
                        data: dict | None = None) -> Intervention:
    """`action` names why it exists in the history (a grant, or generated demo data)."""
    intervention = Intervention.objects.create(
        name=name, owner=owner, orientation=orientation, start_date=start_date,
        end_date=end_date, status=intervention_status_for(start_date, end_date),
    )
    if partners:
        intervention.partners.set(partners)
    log_action(actor=actor, obj=intervention, action=action, data=data)
    return intervention


@transaction.atomic
def intervention_extend(*, actor, intervention: Intervention, period_start: datetime.date,
                        period_end: datetime.date, name: str | None = None, partners=(),
                        data: dict | None = None) -> Intervention:
    """Widen the intervention's period to cover a newly granted one (never narrow it)."""
    intervention.start_date = min(filter(None, [intervention.start_date, period_start]))
    intervention.end_date = max(filter(None, [intervention.end_date, period_end]))
    if name:
        intervention.name = name
    intervention.status = intervention_status_for(intervention.start_date, intervention.end_date)
    intervention.save()
    if partners:
        intervention.partners.add(*partners)
    log_action(actor=actor, obj=intervention, action="intervention.extended", data=data)
    return intervention


@transaction.atomic
def intervention_close(*, actor, intervention: Intervention, end_date: datetime.date,
                       today: datetime.date, reason: str = "") -> Intervention:
    """End an intervention on `end_date`, before its granted period runs out."""
    if intervention.status == Intervention.Status.ENDED:
        raise InterventionError(_("The intervention has already ended."))
    if end_date > today:
        raise InterventionError(_("An intervention is closed on a day that has come."))
    if intervention.start_date and end_date < intervention.start_date:
        raise InterventionError(_("The last day cannot be before the intervention started."))
    intervention.end_date = end_date
    intervention.status = Intervention.Status.ENDED
    intervention.save(update_fields=["end_date", "status"])
    log_action(actor=actor, obj=intervention, action="intervention.closed",
               data={"end_date": end_date.isoformat(), "reason": reason})
    return intervention
