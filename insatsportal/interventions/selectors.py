"""Reads of interventions, scoped to the requesting user."""

from insatsportal.accounts import policy
from insatsportal.interventions.models import Intervention


def intervention_list(*, user):
    if not policy.can_view_interventions(user):
        return Intervention.objects.none()
    return Intervention.objects.select_related("owner").order_by("name")


def intervention_get(*, user, pk) -> Intervention | None:
    return intervention_list(user=user).filter(pk=pk).first()
