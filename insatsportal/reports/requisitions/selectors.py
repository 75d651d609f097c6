from insatsportal.accounts import policy
from insatsportal.reports.requisitions.models import Requisition
from insatsportal.reports.selectors import report_interventions


def requisition_list(*, intervention):
    return (Requisition.objects.filter(intervention=intervention)
            .select_related("member", "submitted_by", "decided_by").prefetch_related("lines"))


def requisitions_awaiting(*, user):
    """The office's inbox: claims awaiting approval, all interventions."""

    if not policy.can_approve_requisitions(user):
        return Requisition.objects.none()
    return (Requisition.objects.filter(status=Requisition.Status.SUBMITTED)
            .select_related("intervention", "member").order_by("submitted_at"))


def requisition_get(*, user, pk):
    return (Requisition.objects.filter(intervention__in=report_interventions(user=user), pk=pk)
            .select_related("intervention").first())
