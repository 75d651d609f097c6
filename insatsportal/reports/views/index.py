from django.shortcuts import render
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.reports import selectors


@require_safe
@require(policy.can_view_reports)
def report_index(request):
    return render(request, "reports/index.html", {
        "interventions": selectors.report_interventions(user=request.user),
    })
