from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.reports.common import intervention_or_404, today
from insatsportal.reports.deviations import forms, selectors, services
from insatsportal.reports.errors import ReportError


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_view_reports)
@once_per_form
def deviation_page(request, pk):
    intervention = intervention_or_404(request, pk)
    form = None
    if policy.can_report_deviations(request.user, intervention):
        form = forms.DeviationForm(request.POST or None)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            services.deviation_report(intervention=intervention, actor=request.user,
                                        today=today(), **form.cleaned_data)
            messages.success(request, _("The deviation is reported to the förbund."))
            return redirect("reports:deviations", pk=intervention.pk)
    return render(request, "reports/deviations.html", {
        "intervention": intervention, "form": form,
        "deviations": selectors.deviation_list(intervention=intervention),
        "office": policy.can_handle_deviations(request.user),
    })


@require_safe
@require(policy.can_handle_deviations)
def deviation_inbox(request):
    return render(request, "reports/deviation_inbox.html", {
        "deviations": selectors.deviation_inbox(user=request.user)})


def _handle(request, pk, step, done):
    deviation = selectors.deviation_get(user=request.user, pk=pk)
    if deviation is None:
        raise Http404
    try:
        step(deviation=deviation, actor=request.user)
    except ReportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, done)
    return redirect("reports:deviation_inbox")


@require_POST
@require(policy.can_handle_deviations)
def deviation_acknowledge(request, pk):
    return _handle(request, pk, services.deviation_acknowledge,
                   _("The deviation report is marked as read."))


@require_POST
@require(policy.can_handle_deviations)
def deviation_open_case(request, pk):
    return _handle(request, pk, services.deviation_open_case,
                   _("A case is opened for the deviation."))
