"""Reads shared by every part of reports: the interventions a user may read reports of."""

from insatsportal.accounts import policy
from insatsportal.core.access import get_for_user
from insatsportal.interventions.models import Intervention


def report_interventions(*, user):
    """The interventions whose reports (aggregates) the user may read."""
    return (Intervention.objects.filter(policy.reports_intervention_scope(user))
            .select_related("owner").distinct().order_by("name"))


def report_intervention_get_for_user(*, user, pk) -> Intervention:
    """An intervention whose reports the user reads: the one door (core.access). Writes on
    it (meetings, claims, deviations, quarterly reports) are then asked of the policy."""
    return get_for_user(report_interventions(user=user), pk, user=user,
                        section=policy.can_view_reports)
