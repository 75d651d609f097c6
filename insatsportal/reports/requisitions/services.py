"""Requisitions: owners claim actual costs per quarter; the office approves or returns them.

Every write locks the intervention's row first, so two claims or two approvals at the
same moment are taken one after the other and see each other's result.
"""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.cases.models import Grant
from insatsportal.core.audit import log_action
from insatsportal.core.calendar import quarter_bounds
from insatsportal.core.money import format_kr, to_kronor
from insatsportal.interventions.models import Intervention
from insatsportal.reports.errors import ReportError
from insatsportal.reports.models import Requisition, RequisitionLine
from insatsportal.reports.requisitions.models import CATEGORY_LABELS
from insatsportal.reports.requisitions.money import remaining_of_grant


def _lock(intervention_id) -> Intervention:
    return Intervention.objects.select_for_update().get(pk=intervention_id)


@transaction.atomic
def requisition_submit(*, intervention: Intervention, member, year: int, quarter: int,
                       amounts: dict[str, Decimal], actor) -> Requisition:
    _lock(intervention.pk)
    amounts = {k: to_kronor(v) for k, v in amounts.items() if v}
    if any(k not in CATEGORY_LABELS for k in amounts):
        raise ReportError(_("Unknown budget category."))
    if any(v < 0 for v in amounts.values()):
        raise ReportError(_("Amounts cannot be negative."))
    total = sum(amounts.values(), Decimal(0))
    if total <= 0:
        raise ReportError(_("Enter the costs claimed in at least one category."))
    first, last = quarter_bounds(year, quarter)
    if not Grant.objects.filter(intervention=intervention, period_start__lte=last,
                                period_end__gte=first).exists():
        raise ReportError(_("No grant of the intervention covers that quarter."))
    remaining = remaining_of_grant(intervention.pk)
    if total > remaining:
        raise ReportError(_(
            "The claim of %(total)s is more than what remains of the grant, %(remaining)s."
        ) % {"total": format_kr(total), "remaining": format_kr(max(remaining, Decimal(0)))})
    requisition = Requisition.objects.create(
        intervention=intervention, member=member, year=year, quarter=quarter, total=total,
        submitted_by=actor,
    )
    RequisitionLine.objects.bulk_create(
        RequisitionLine(requisition=requisition, category=k, amount=v) for k, v in amounts.items()
    )
    log_action(actor=actor, obj=requisition, action="requisition.submitted",
               data={"total": str(total), "year": year, "quarter": quarter})
    return requisition


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
