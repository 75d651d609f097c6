"""The intervention's page: its facts, the applications and decisions behind it, and the
budget each granted period follows (grants and budgets are the cases app's)."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.cases.budget_of_record import budgets_of_record, current_of
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.interventions import forms, selectors


@require_safe
@require(policy.can_view_interventions)
def intervention_detail(request, pk):
    intervention = selectors.intervention_get_for_user(user=request.user, pk=pk)
    periods = budgets_of_record(intervention.grants.order_by("period_start"))
    return render(request, "interventions/detail.html", {
        "intervention": intervention,
        "history": audit_history(intervention),
        "periods": periods, "current": current_of(periods, today=timezone.localdate()),
        "close_form": (forms.InterventionCloseForm(initial={"end_date": timezone.localdate()})
                       if policy.can_close_interventions(request.user) else None),
        # Links only for roles that may follow them (not "Åtkomst nekad" one click later).
        "link_cases": policy.can_view_cases(request.user),
        "link_applications": policy.can_view_applications(request.user),
        "link_budgets": policy.can_view_reports(request.user),
        **selectors.intervention_chain(intervention),
    })
