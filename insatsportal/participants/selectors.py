"""Reads of participant data, always scoped through the policy module."""

from django.db import connection
from django.db.models import Q
from django.db.models.expressions import RawSQL
from django.http import Http404
from django.utils import timezone

from insatsportal.accounts import policy
from insatsportal.core.access import get_for_user
from insatsportal.interventions.models import Intervention
from insatsportal.participants import crypto
from insatsportal.participants.models import Consent, NameToken, Participant, ReadLogEntry


def interventions_for_participant_staff(*, user):
    """The interventions whose participants the user is responsible for."""
    return (Intervention.objects.filter(policy.participant_staff_scope(user))
            .select_related("owner").order_by("name"))


def participant_intervention_get_for_user(*, user, pk) -> Intervention:
    """An intervention whose participants the user manages: the one door (core.access).
    Outside the user's own interventions it answers 404, as for the case worker."""
    return get_for_user(interventions_for_participant_staff(user=user), pk, user=user,
                        section=policy.can_view_participants_section)


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
    for token in tokens:  # an index lookup per word (NameToken), never a scan
        participants = participants.filter(
            pk__in=NameToken.objects.filter(token=token).values("participant_id"))
    if intervention is not None:
        # One intervention: newest first straight from the (intervention, number) index.
        return participants.order_by("-number")
    return participants.order_by("intervention__name", "-number")


def participant_get_for_user(*, user, pk, action: str = "view") -> Participant:
    """A participant record: the one door (core.access). "view": every record the user may
    see; "manage": only those of the user's own interventions (404 for the others)."""
    participants = participant_visible(user=user).select_related(
        "intervention", "intervention__owner", "home_kommun", "consent")
    participant = get_for_user(participants, pk, user=user,
                               section=policy.can_view_participants_section)
    if action == "manage" and not policy.can_manage_participant(user, participant):
        raise Http404  # seen through a consent, but outside what the user manages
    return participant


def consented_participants_for_partner(*, user):
    """For a partner's case worker: the identified participants whose consent names them."""
    own = Intervention.objects.filter(policy.participant_staff_scope(user))
    return participant_visible(user=user).exclude(intervention__in=own)


def read_log_of(participant_pk):
    """The read-log entries that showed a participant, alone or in a list."""
    if connection.vendor == "postgresql":
        in_list = Q(participants__contains=[str(participant_pk)])  # GIN index (0014)
    else:
        in_list = Q(pk__in=RawSQL(
            "SELECT e.id FROM participants_readlogentry e, json_each(e.participants) j "
            "WHERE j.value = %s", [str(participant_pk)]))
    return ReadLogEntry.objects.filter(Q(participant_id=participant_pk) | in_list)
