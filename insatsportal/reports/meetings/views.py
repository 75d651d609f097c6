from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.reports.common import intervention_or_404, today
from insatsportal.reports.errors import ReportError
from insatsportal.reports.meetings import forms, selectors, services


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_view_reports)
@once_per_form
def meeting_log(request, pk):
    intervention = intervention_or_404(request, pk)
    may_log = policy.can_log_meetings(request.user, intervention)
    form = None
    if may_log:
        form = forms.MeetingLogForm(request.POST or None, intervention=intervention)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.meeting_log(intervention=intervention, actor=request.user,
                                     today=today(), **form.cleaned_data)
            except ReportError as error:
                form.add_error("held_on", str(error))
            else:
                messages.success(request, _("The meeting is logged."))
                return redirect("reports:meetings", pk=intervention.pk)
    return render(request, "reports/meetings.html", {
        "intervention": intervention, "form": form,
        "meetings": selectors.meeting_list(intervention=intervention),
    })
