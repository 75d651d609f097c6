from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from insatsportal.core import selectors
from insatsportal.core.health import health_report


@require_safe
def start(request):
    groups = selectors.worklist(request.user)
    return render(request, "core/start.html", {
        "groups": groups, "total": sum(group.count for group in groups)})


@login_not_required
@never_cache
@require_safe
def healthz(request):
    """For load balancers and monitoring: each check's state, never data or error text."""
    report = health_report()
    healthy = all(state == "ok" for state in report.values())
    return JsonResponse({"status": "ok" if healthy else "error", **report},
                        status=200 if healthy else 503)
