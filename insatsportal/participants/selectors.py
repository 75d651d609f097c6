"""Reads of participant data, always scoped through the policy module."""

from django.db.models import Q
from django.utils import timezone

from insatsportal.accounts import policy
from insatsportal.accounts.models import Role
from insatsportal.interventions.models import Intervention
from insatsportal.participants import crypto
from insatsportal.participants.models import Consent, Participant


def interventions_for_participant_staff(*, user):
    """The interventions whose participants the user is responsible for."""
    ids = policy.intervention_ids_for(user, Role.DELTAGARANSVARIG)
    return Intervention.objects.filter(pk__in=ids).select_related("owner").order_by("name")


def managed_intervention_get(*, user, pk) -> Intervention | None:
    intervention = Intervention.objects.filter(pk=pk).select_related("owner").first()
    if intervention is None or not policy.can_manage_participants(user, intervention):
        return None
    return intervention


def participant_visible(*, user):
    """Every participant record the user may see, identified or anonymous."""
    today = timezone.localdate()
    return Participant.objects.filter(
        policy.participant_scope(user, today=today, consents=Consent.objects.all()))


def participant_list(*, user, intervention: Intervention | None = None, query: str = ""):
    """The user's participants, newest first; `query` matches the start of any name word."""
    participants = participant_visible(user=user).select_related(
        "intervention", "home_kommun"
    )
    if intervention is not None:
        participants = participants.filter(intervention=intervention)
    tokens = crypto.name_search_tokens(query)
    if query.strip() and not tokens:
        return participants.none()
    for token in tokens:
        participants = participants.filter(name_index__contains=token)
    if intervention is not None:
        # One intervention: newest first straight from the (intervention, number) index.
        return participants.order_by("-number")
    return participants.order_by("intervention__name", "-number")


def participant_get(*, user, pk) -> Participant | None:
    return (
        participant_visible(user=user)
        .select_related("intervention", "intervention__owner", "home_kommun", "consent")
        .filter(pk=pk)
        .first()
    )


def consented_participants_for_partner(*, user):
    """For a partner's case worker: the identified participants whose consent names them."""
    own = policy.intervention_ids_for(user, Role.DELTAGARANSVARIG)
    return participant_visible(user=user).filter(~Q(intervention_id__in=own))
