from django.shortcuts import render
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.participants.models import Sex
from insatsportal.reports.common import today
from insatsportal.reports.goals.selectors import intervention_goals
from insatsportal.reports.selectors import report_intervention_get_for_user


@require_safe
@require(policy.can_view_reports)
def goal_list(request, pk):
    intervention = report_intervention_get_for_user(user=request.user, pk=pk)
    return render(request, "reports/goals.html", {
        "intervention": intervention, "today": today(), "sexes": Sex.choices,
        "applications": intervention_goals(intervention, today=today()),
    })
