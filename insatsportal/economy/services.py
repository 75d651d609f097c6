"""Writes of the förbund's economy: each one a transaction with its audit entry."""

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.economy.arithmetic import finsam_split
from insatsportal.economy.models import Contribution, EconomySettings, FiscalYear, PlannedCost
from insatsportal.organisations.models import Member


class EconomyError(Exception):
    """A change that cannot be made; the message is shown to the user."""


def _changes(obj, values: dict) -> dict:
    """Set `values` on `obj`; return {field: [old, new]} for what changed (as text)."""
    changed = {}
    for name, value in values.items():
        old = getattr(obj, name)
        if old != value:
            changed[name] = [None if old is None else str(old),
                             None if value is None else str(value)]
            setattr(obj, name, value)
    return changed


@transaction.atomic
def economy_settings_save(*, association, equity_ceiling_percent: Decimal, actor
                          ) -> EconomySettings:
    if not 0 <= equity_ceiling_percent <= 100:
        raise EconomyError(_("The ceiling is a percentage between 0 and 100."))
    settings, _created = EconomySettings.objects.select_for_update().get_or_create(
        association=association)
    changed = _changes(settings, {"equity_ceiling_percent": equity_ceiling_percent})
    if changed:
        settings.save()
        log_action(actor=actor, obj=settings, action="economy_settings.saved", data=changed)
    return settings


@transaction.atomic
def fiscal_year_save(*, association, year: int, opening_equity: Decimal | None,
                     administration: Decimal, note: str = "", actor) -> FiscalYear:
    if administration < 0:
        raise EconomyError(_("Amounts cannot be negative."))
    fiscal_year, created = FiscalYear.objects.select_for_update().get_or_create(
        association=association, year=year)
    changed = _changes(fiscal_year, {"opening_equity": opening_equity,
                                     "administration": administration, "note": note})
    if changed or created:
        fiscal_year.updated_by = actor
        fiscal_year.save()
        log_action(actor=actor, obj=fiscal_year, action="fiscal_year.saved", data=changed)
    return fiscal_year


def paying_members(association):
    """The members that pay contributions: Försäkringskassan (for the state), the region
    and the municipalities. Arbetsförmedlingen's share is paid through the state's."""
    return Member.objects.filter(
        association=association,
        kind__in=[Member.Kind.FK, Member.Kind.REGION, Member.Kind.KOMMUN],
    ).order_by("kind", "name")


@transaction.atomic
def contributions_save(*, fiscal_year: FiscalYear, rows: list[dict], actor) -> int:
    """Save each member's row: share_weight, planned, decided, decided_on, paid.

    Returns the number of rows changed; one audit entry on the year lists them.
    """
    FiscalYear.objects.select_for_update().get(pk=fiscal_year.pk)
    existing = {c.member_id: c for c in fiscal_year.contributions.select_for_update()}
    changes = {}
    for row in rows:
        member = row["member"]
        if row.get("decided") is not None and row.get("decided_on") is None:
            raise EconomyError(_("Give the date %(member)s decided its contribution.")
                               % {"member": member})
        values = {key: row.get(key) for key in ("share_weight", "decided", "decided_on")}
        values |= {"planned": row.get("planned") or Decimal(0),
                   "paid": row.get("paid") or Decimal(0)}
        if any(v is not None and not hasattr(v, "year") and v < 0 for v in values.values()):
            raise EconomyError(_("Amounts cannot be negative."))
        contribution = existing.get(member.pk) or Contribution(fiscal_year=fiscal_year,
                                                               member=member)
        changed = _changes(contribution, values)
        if changed or contribution.pk is None:
            contribution.save()
            changes[member.name] = changed
    if changes:
        log_action(actor=actor, obj=fiscal_year, action="contributions.saved", data=changes)
    return len(changes)


@transaction.atomic
def contributions_plan(*, fiscal_year: FiscalYear, total: Decimal, actor) -> dict:
    """Plan the year's contributions from a total by the Finsam split.

    Försäkringskassan half, the region a quarter, the municipalities a quarter by the
    basis of their agreement (share_weight, e.g. the population) as recorded for the year.
    """
    if total <= 0:
        raise EconomyError(_("Give the year's total contributions."))
    FiscalYear.objects.select_for_update().get(pk=fiscal_year.pk)
    members = list(paying_members(fiscal_year.association))
    state = next((m for m in members if m.kind == Member.Kind.FK), None)
    region = next((m for m in members if m.kind == Member.Kind.REGION), None)
    if state is None or region is None:
        raise EconomyError(_("Försäkringskassan and the region must be members to split "
                             "the contributions."))
    existing = {c.member_id: c for c in fiscal_year.contributions.select_for_update()}
    weights = {m.pk: existing[m.pk].share_weight for m in members
               if m.kind == Member.Kind.KOMMUN and m.pk in existing
               and existing[m.pk].share_weight}
    if not weights:
        raise EconomyError(_("Enter the municipalities' basis of the split (e.g. population) "
                             "before splitting the total."))
    planned = finsam_split(total, state=state.pk, region=region.pk, kommuner=weights)
    for member in members:
        contribution = existing.get(member.pk) or Contribution(fiscal_year=fiscal_year,
                                                               member=member)
        contribution.planned = planned.get(member.pk, Decimal(0))
        contribution.save()
    log_action(actor=actor, obj=fiscal_year, action="contributions.planned",
               data={"total": str(total),
                     "planned": {m.name: str(planned.get(m.pk, 0)) for m in members}})
    return planned


@transaction.atomic
def planned_cost_save(*, fiscal_year: FiscalYear, label: str, amount: Decimal,
                      outcome: Decimal | None, actor, cost: PlannedCost | None = None
                      ) -> PlannedCost:
    label = label.strip()
    if not label:
        raise EconomyError(_("Name the cost."))
    if amount < 0 or (outcome is not None and outcome < 0):
        raise EconomyError(_("Amounts cannot be negative."))
    clash = fiscal_year.planned_costs.filter(label__iexact=label)
    if cost is not None:
        clash = clash.exclude(pk=cost.pk)
    if clash.exists():
        raise EconomyError(_("The year already has a cost named %(label)s.") % {"label": label})
    cost = cost or PlannedCost(fiscal_year=fiscal_year)
    changed = _changes(cost, {"label": label, "amount": amount, "outcome": outcome})
    if changed:
        cost.save()
        log_action(actor=actor, obj=cost, action="planned_cost.saved", data=changed)
    return cost


@transaction.atomic
def planned_cost_delete(*, cost: PlannedCost, actor) -> None:
    log_action(actor=actor, obj=cost.fiscal_year, action="planned_cost.deleted",
               data={"label": cost.label, "amount": str(cost.amount)})
    cost.delete()
