"""Reads of participant data, always scoped through the policy module."""

from insatsportal.accounts import policy
from insatsportal.accounts.models import Role
from insatsportal.interventions.models import Intervention


def interventions_for_participant_staff(*, user):
    """The interventions whose participants the user is responsible for."""
    ids = policy.intervention_ids_for(user, Role.DELTAGARANSVARIG)
    return Intervention.objects.filter(pk__in=ids).select_related("owner").order_by("name")
