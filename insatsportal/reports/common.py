from django.http import Http404
from django.utils import timezone

from insatsportal.reports import selectors


def intervention_or_404(request, pk):
    """The intervention if the user may read its reports; otherwise 404 (outside the scope)."""
    intervention = selectors.report_intervention_get(user=request.user, pk=pk)
    if intervention is None:
        raise Http404
    return intervention


def today():
    return timezone.localdate()
