from typing import Literal

from django.utils import timezone
from ninja import Query, Router

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import found_or_404, responses
from insatsportal.api.v1.paging import Id, PageQuery, Year, paged
from insatsportal.api.v1.schemas import Paged, PaymentOut, RequisitionOut
from insatsportal.reports.models import Requisition

router = Router(tags=["requisitions and payments"])
Status = Literal[tuple(Requisition.Status.values)]


def _day(moment):
    return None if moment is None else timezone.localdate(moment)


def requisition_dict(requisition) -> dict:
    """Amounts and dates; not who submitted or the office's note."""
    return {
        "id": requisition.pk, "intervention_id": requisition.intervention_id,
        "member": {"id": requisition.member_id, "name": requisition.member.name},
        "year": requisition.year, "quarter": requisition.quarter,
        "status": requisition.status, "total": int(requisition.total),
        "submitted_on": _day(requisition.submitted_at),
        "decided_on": _day(requisition.decided_at),
        "lines": [{"category": line.category, "amount": int(line.amount)}
                  for line in requisition.lines.all()],
    }


def payment_dict(requisition) -> dict:
    return {
        "requisition_id": requisition.pk, "intervention_id": requisition.intervention_id,
        "member": {"id": requisition.member_id, "name": requisition.member.name},
        "year": requisition.year, "quarter": requisition.quarter,
        "amount": int(requisition.total), "approved_on": _day(requisition.decided_at),
    }


@router.get("/requisitions", response=responses(Paged[RequisitionOut]),
            url_name="requisitions", operation_id="requisitions")
def requisition_list(request, paging: Query[PageQuery], year: Year | None = None,
                     intervention: Id | None = None, status: Status | None = None):
    """Claims of actual costs per quarter; `year`: the year claimed for."""
    token = scoped(request, Scope.REQUISITIONS)
    rows = selectors.requisitions(token=token, year=year, intervention=intervention,
                                  status=status)
    return paged(rows, paging, requisition_dict)


@router.get("/requisitions/{requisition_id}", response=responses(RequisitionOut, detail=True),
            url_name="requisition", operation_id="requisition")
def requisition_detail(request, requisition_id: Id):
    token = scoped(request, Scope.REQUISITIONS)
    found = found_or_404(selectors.requisitions(token=token).filter(pk=requisition_id).first())
    return requisition_dict(found)


@router.get("/payments", response=responses(Paged[PaymentOut]), url_name="payments",
            operation_id="payments")
def payment_list(request, paging: Query[PageQuery], year: Year | None = None,
                 intervention: Id | None = None):
    """Requisitions approved for payment, oldest approval first."""
    token = scoped(request, Scope.REQUISITIONS)
    return paged(selectors.payments(token=token, year=year, intervention=intervention),
                 paging, payment_dict)
