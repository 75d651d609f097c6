"""Writes: the cost parameters and the förbund's estimate settings, each in the audit log."""

from django.db import transaction

from insatsportal.core.audit import log_action
from insatsportal.socioeconomics.defaults import default_parameters
from insatsportal.socioeconomics.models import CostParameter, EstimateSettings

FIELDS = ("year", "code_list", "code", "payer", "monthly_cost", "source", "source_date")


def _values(parameter: CostParameter) -> dict:
    return {name: str(getattr(parameter, name)) for name in FIELDS}


@transaction.atomic
def cost_parameter_save(*, actor, parameter: CostParameter) -> CostParameter:
    """Create or change one parameter; the audit entry keeps the old and the new values."""
    old = None
    if parameter.pk:
        old = _values(CostParameter.objects.select_for_update().get(pk=parameter.pk))
    parameter.full_clean()
    if old == _values(parameter):
        return parameter  # saved unchanged: nothing to write or log
    parameter.save()
    log_action(actor=actor, obj=parameter,
               action="cost_parameter.changed" if old else "cost_parameter.created",
               data={"old": old, "new": _values(parameter)})
    return parameter


@transaction.atomic
def cost_parameter_delete(*, actor, parameter: CostParameter) -> None:
    log_action(actor=actor, obj=parameter, action="cost_parameter.deleted",
               data={"old": _values(parameter)})
    parameter.delete()


@transaction.atomic
def cost_parameters_load_defaults(*, actor) -> int:
    """Add the default set where the office has no figure of its own; returns how many."""
    added = 0
    for fields in default_parameters():
        key = {k: fields[k] for k in ("year", "code_list", "code", "payer")}
        if not CostParameter.objects.filter(**key).exists():
            cost_parameter_save(actor=actor, parameter=CostParameter(**fields))
            added += 1
    return added


@transaction.atomic
def estimate_settings_save(*, actor, settings_row: EstimateSettings) -> EstimateSettings:
    fields = ("horizon_months", "uncertainty_percent", "unknown_persistence_percent")
    stored = EstimateSettings.objects.filter(association=settings_row.association).first()
    default = EstimateSettings(association=settings_row.association)
    before = stored or default
    if all(getattr(before, f) == getattr(settings_row, f) for f in fields):
        return settings_row  # unchanged (or the defaults): nothing to store or log
    settings_row.full_clean()
    settings_row.save()
    log_action(actor=actor, obj=settings_row, action="estimate_settings.changed",
               data={"horizon_months": settings_row.horizon_months,
                     "uncertainty_percent": settings_row.uncertainty_percent,
                     "unknown_persistence_percent": settings_row.unknown_persistence_percent})
    return settings_row
