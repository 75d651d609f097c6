"""Reads shared by every part of reports: the interventions a user may read reports of."""

from insatsportal.accounts import policy
from insatsportal.interventions.models import Intervention


def report_interventions(*, user):
    """The interventions whose reports (aggregates) the user may read."""
    return (Intervention.objects.filter(policy.reports_intervention_scope(user))
            .select_related("owner").distinct().order_by("name"))


def report_intervention_get(*, user, pk) -> Intervention | None:
    return report_interventions(user=user).filter(pk=pk).first()
