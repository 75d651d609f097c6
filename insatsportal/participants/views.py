from django.shortcuts import render
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.participants import selectors


@require_safe
@require(policy.can_view_participants_section)
def participant_index(request):
    interventions = selectors.interventions_for_participant_staff(user=request.user)
    return render(request, "participants/index.html", {"interventions": interventions})
