from django.shortcuts import render
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.participants.models import Sex
from insatsportal.reports.common import intervention_or_404, today
from insatsportal.reports.goals.selectors import intervention_goals


@require_safe
@require(policy.can_view_reports)
def goal_list(request, pk):
    intervention = intervention_or_404(request, pk)
    return render(request, "reports/goals.html", {
        "intervention": intervention, "today": today(), "sexes": Sex.choices,
        "applications": intervention_goals(intervention, today=today()),
    })
