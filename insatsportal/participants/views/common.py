from django.core.paginator import Paginator
from django.http import Http404

from insatsportal.accounts import policy
from insatsportal.participants import selectors

PAGE_SIZE = 50


def page_of(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("sida"))


def managed_intervention_or_404(request, pk):
    intervention = selectors.managed_intervention_get(user=request.user, pk=pk)
    if intervention is None:
        raise Http404
    return intervention


def visible_participant_or_404(request, pk):
    participant = selectors.participant_get(user=request.user, pk=pk)
    if participant is None:
        raise Http404
    return participant


def managed_participant_or_404(request, pk):
    participant = visible_participant_or_404(request, pk)
    if not policy.can_manage_participant(request.user, participant):
        raise Http404
    return participant
