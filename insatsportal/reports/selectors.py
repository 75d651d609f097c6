"""Reads of the reports app, scoped to the requesting user where the query is built."""

from insatsportal.accounts import policy
from insatsportal.interventions.models import Intervention
from insatsportal.reports.models import Deviation, InterventionMeeting, Requisition


def report_interventions(*, user):
    """The interventions whose reports (aggregates) the user may read."""
    return (Intervention.objects.filter(policy.reports_intervention_scope(user))
            .select_related("owner").distinct().order_by("name"))


def report_intervention_get(*, user, pk) -> Intervention | None:
    return report_interventions(user=user).filter(pk=pk).first()


def meeting_list(*, intervention):
    return (InterventionMeeting.objects.filter(intervention=intervention)
            .select_related("recorded_by").prefetch_related("parties"))


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


def deviation_list(*, intervention):
    return (Deviation.objects.filter(intervention=intervention)
            .select_related("reported_by", "case"))


def deviation_inbox(*, user):
    if not policy.can_handle_deviations(user):
        return Deviation.objects.none()
    return (Deviation.objects.select_related("intervention", "case")
            .order_by("status", "-reported_on", "-pk"))


def deviation_get(*, user, pk):
    return deviation_inbox(user=user).filter(pk=pk).first()
