"""Writes of interventions: a grant creates or extends one, the office closes one early."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.core.changes import unchanged
from insatsportal.interventions.models import Intervention, StructuralReach


class InterventionError(Exception):
    """A failed precondition, with a translated message for the user."""


def intervention_status_for(start: datetime.date | None, end: datetime.date | None, *,
                            today: datetime.date | None = None) -> str:
    """Planned before its first day, ended after its last, running in between (the
    model's one rule, for dates not yet saved)."""
    return Intervention(start_date=start, end_date=end).status_on(today or timezone.localdate())


@transaction.atomic
def intervention_create(*, actor, name: str, owner, start_date: datetime.date | None = None,
                        end_date: datetime.date | None = None, partners=(),
                        orientation: str = Intervention.Orientation.INDIVIDUAL,
                        action: str = "intervention.created",
                        data: dict | None = None) -> Intervention:
    """`action` names why it exists in the history (a grant, or generated demo data)."""
    intervention = Intervention.objects.create(
        name=name, owner=owner, orientation=orientation, start_date=start_date,
        end_date=end_date,
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
    intervention.save()
    if partners:
        intervention.partners.add(*partners)
    log_action(actor=actor, obj=intervention, action="intervention.extended", data=data)
    return intervention


@transaction.atomic
def intervention_close(*, actor, intervention: Intervention, end_date: datetime.date,
                       today: datetime.date, reason: str = "") -> Intervention:
    """End an intervention on `end_date`, before its granted period runs out."""
    if intervention.status_on(today) == Intervention.Status.ENDED:
        raise InterventionError(_("The intervention has already ended."))
    if end_date > today:
        raise InterventionError(_("An intervention is closed on a day that has come."))
    if intervention.start_date and end_date < intervention.start_date:
        raise InterventionError(_("The last day cannot be before the intervention started."))
    intervention.end_date = end_date
    intervention.save(update_fields=["end_date"])
    log_action(actor=actor, obj=intervention, action="intervention.closed",
               data={"end_date": end_date.isoformat(), "reason": reason})
    return intervention


@transaction.atomic
def intervention_national_facts_save(*, intervention, orientation: str,
                                     specified_orientation: str, follow_up_method: str,
                                     esf_financed: bool | None, year: int,
                                     people_reached: int | None, actor):
    """The facts Uppföljning Finsam asks that no application holds, and a structural
    intervention's reach for a year (blank clears it: missing, not zero)."""
    values = {"orientation": orientation, "specified_orientation": specified_orientation.strip(),
              "follow_up_method": follow_up_method.strip(), "esf_financed": esf_financed}
    reach = StructuralReach.objects.filter(intervention=intervention, year=year).first()
    if unchanged(intervention, values) and (reach.people if reach else None) == people_reached:
        return intervention
    intervention.orientation = orientation
    intervention.specified_orientation = specified_orientation.strip()
    intervention.follow_up_method = follow_up_method.strip()
    intervention.esf_financed = esf_financed
    intervention.save(update_fields=["orientation", "specified_orientation", "follow_up_method",
                                     "esf_financed"])
    if people_reached is None:
        StructuralReach.objects.filter(intervention=intervention, year=year).delete()
    else:
        StructuralReach.objects.update_or_create(intervention=intervention, year=year,
                                                 defaults={"people": people_reached})
    log_action(actor=actor, obj=intervention, action="intervention.national_facts_saved",
               data={"year": year, "esf": esf_financed, "people_reached": people_reached})
    return intervention
