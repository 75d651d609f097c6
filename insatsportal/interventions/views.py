from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.cases.selectors import intervention_chain
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.interventions import selectors
from insatsportal.interventions.budget_of_record import budgets_of_record, current_of


@require_safe
@require(policy.can_view_interventions)
def intervention_list(request):
    interventions = selectors.intervention_list(user=request.user)
    return render(request, "interventions/list.html", {"interventions": interventions})


@require_safe
@require(policy.can_view_interventions)
def intervention_detail(request, pk):
    intervention = selectors.intervention_get(user=request.user, pk=pk)
    if intervention is None:
        raise Http404
    periods = budgets_of_record(intervention.grants.order_by("period_start"))
    return render(request, "interventions/detail.html", {
        "intervention": intervention,
        "history": audit_history(intervention),
        "periods": periods, "current": current_of(periods, today=timezone.localdate()),
        **intervention_chain(intervention),
    })
