"""Requisitions: owners claim actual costs per quarter; the office approves or returns them.

Every write locks the intervention's row first, so two claims or two approvals at the
same moment are taken one after the other and see each other's result.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action, log_refusal
from insatsportal.core.calendar import quarter_bounds
from insatsportal.core.money import format_kr, to_kronor
from insatsportal.interventions.models import Intervention
from insatsportal.reports.errors import ReportError
from insatsportal.reports.requisitions.models import CATEGORY_LABELS, Requisition, RequisitionLine
from insatsportal.reports.requisitions.money import (
    period_records,
    record_for_quarter,
    remaining_of_period,
)


def _lock(intervention_id) -> Intervention:
    return Intervention.objects.select_for_update().get(pk=intervention_id)


def requisition_submit(*, intervention: Intervention, member, year: int, quarter: int,
                       amounts: dict[str, Decimal], actor, reason: str = "",
                       today: datetime.date | None = None) -> Requisition:
    """Refused unless the quarter has begun and lies in a granted period, the organisation
    has a budget column in that period's budget of record, and the claim fits what remains
    of it; a second claim for the same quarter needs a reason. A refused claim is logged
    (after the claim's own transaction is rolled back), so attempts to claim outside the
    grant are visible in the intervention's history."""
    try:
        return _submit(intervention=intervention, member=member, year=year, quarter=quarter,
                       amounts=amounts, actor=actor, reason=reason, today=today)
    except ReportError as error:
        log_refusal(actor=actor, obj=intervention, action="requisition.refused",
                   data={"member": member.name, "year": year, "quarter": quarter,
                         "total": str(sum((to_kronor(v) for v in amounts.values() if v),
                                          Decimal(0))),
                         "reason": str(error)})
        raise


@transaction.atomic
def _submit(*, intervention, member, year, quarter, amounts, actor, reason, today):
    _lock(intervention.pk)
    amounts = {k: to_kronor(v) for k, v in amounts.items() if v}
    if any(k not in CATEGORY_LABELS for k in amounts):
        raise ReportError(_("Unknown budget category."))
    if any(v < 0 for v in amounts.values()):
        raise ReportError(_("Amounts cannot be negative."))
    total = sum(amounts.values(), Decimal(0))
    if total <= 0:
        raise ReportError(_("Enter the costs claimed in at least one category."))
    record = claim_period(intervention=intervention, member=member, year=year,
                          quarter=quarter, reason=reason, today=today or timezone.localdate())
    remaining = remaining_of_period(record)
    if total > remaining:
        raise ReportError(_(
            "The claim of %(total)s is more than what remains of the grant, %(remaining)s."
        ) % {"total": format_kr(total), "remaining": format_kr(max(remaining, Decimal(0)))})
    requisition = Requisition.objects.create(
        intervention=intervention, member=member, year=year, quarter=quarter, total=total,
        submitted_by=actor, reason=reason.strip(),
    )
    RequisitionLine.objects.bulk_create(
        RequisitionLine(requisition=requisition, category=k, amount=v) for k, v in amounts.items()
    )
    log_action(actor=actor, obj=requisition, action="requisition.submitted",
               data={"total": str(total), "year": year, "quarter": quarter})
    return requisition


def claim_period(*, intervention, member, year: int, quarter: int, reason: str = "",
                 today: datetime.date):
    """The budget of record the claim is made against, or ReportError saying why not."""
    first, _last = quarter_bounds(year, quarter)
    if first > today:
        raise ReportError(_("%(year)s Q%(quarter)s has not begun: costs are claimed for a "
                            "quarter that has begun.") % {"year": year, "quarter": quarter})
    records = period_records(intervention.pk)
    record = record_for_quarter(records, year, quarter)
    if record is None:
        periods = ", ".join(f"{r.grant.period_start}–{r.grant.period_end}" for r in records)
        raise ReportError(_("%(year)s Q%(quarter)s is outside the granted periods (%(periods)s).")
                          % {"year": year, "quarter": quarter, "periods": periods or "–"})
    if not record.by_owner.get(member.pk):
        raise ReportError(_("%(member)s has no budget column in the grant for %(start)s–%(end)s "
                            "and cannot claim money from it.")
                          % {"member": member.name, "start": record.grant.period_start,
                             "end": record.grant.period_end})
    earlier = Requisition.objects.filter(
        intervention=intervention, member=member, year=year, quarter=quarter,
        status__in=(Requisition.Status.SUBMITTED, Requisition.Status.APPROVED)).first()
    if earlier is not None and not reason.strip():
        raise ReportError(_("%(member)s has already claimed %(year)s Q%(quarter)s (%(status)s). "
                            "A second requisition for the same quarter needs a reason.")
                          % {"member": member.name, "year": year, "quarter": quarter,
                             "status": earlier.get_status_display().lower()})
    return record


def _decide(requisition_id: int, *, status: str, note: str, actor,
            now: datetime.datetime | None) -> Requisition:
    requisition = Requisition.objects.get(pk=requisition_id)
    _lock(requisition.intervention_id)
    requisition = Requisition.objects.select_for_update().get(pk=requisition_id)
    if requisition.status != Requisition.Status.SUBMITTED:
        raise ReportError(_("The requisition has already been decided (%(status)s).")
                          % {"status": requisition.get_status_display()})
    requisition.status = status
    requisition.office_note = note
    requisition.decided_by = actor
    requisition.decided_at = now or timezone.now()
    requisition.save(update_fields=["status", "office_note", "decided_by", "decided_at"])
    return requisition


@transaction.atomic
def requisition_approve(*, requisition: Requisition, actor, note: str = "",
                        now: datetime.datetime | None = None) -> Requisition:
    """Approve for payment; a second approval (even at the same moment) is refused."""
    requisition = _decide(requisition.pk, status=Requisition.Status.APPROVED, note=note,
                          actor=actor, now=now)
    log_action(actor=actor, obj=requisition, action="requisition.approved",
               data={"total": str(requisition.total)})
    return requisition


@transaction.atomic
def requisition_return(*, requisition: Requisition, actor, note: str,
                       now: datetime.datetime | None = None) -> Requisition:
    if not note.strip():
        raise ReportError(_("Say why the requisition is returned."))
    requisition = _decide(requisition.pk, status=Requisition.Status.RETURNED, note=note,
                          actor=actor, now=now)
    log_action(actor=actor, obj=requisition, action="requisition.returned")
    return requisition
