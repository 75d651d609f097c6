from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.reports.common import intervention_or_404
from insatsportal.reports.errors import ReportError
from insatsportal.reports.requisitions import forms, selectors, services
from insatsportal.reports.requisitions.money import money_summary


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_view_reports)
@once_per_form
def requisition_page(request, pk):
    intervention = intervention_or_404(request, pk)
    may_claim = policy.can_manage_requisitions(request.user, intervention)
    form = None
    if may_claim:
        form = forms.RequisitionForm(request.POST or None, initial={
            "year": timezone.localdate().year})
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                services.requisition_submit(
                    intervention=intervention, member=request.user.member,
                    year=form.cleaned_data["year"], quarter=form.cleaned_data["quarter"],
                    amounts=form.amounts(), actor=request.user)
            except ReportError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The requisition is sent to the förbund."))
                return redirect("reports:requisitions", pk=intervention.pk)
    return render(request, "reports/requisitions.html", {
        "intervention": intervention, "form": form,
        "summary": money_summary(intervention),
        "own": money_summary(intervention, member_id=request.user.member_id)
        if may_claim else None,
        "requisitions": selectors.requisition_list(intervention=intervention),
        "may_decide": policy.can_approve_requisitions(request.user),
        "decision_form": forms.RequisitionDecisionForm(),
    })


@require_POST
@require(policy.can_approve_requisitions)
def requisition_decide(request, pk):
    requisition = selectors.requisition_get(user=request.user, pk=pk)
    if requisition is None:
        raise Http404
    form = forms.RequisitionDecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose to approve or return the requisition."))
    else:
        try:
            if form.cleaned_data["decision"] == "approve":
                services.requisition_approve(requisition=requisition, actor=request.user,
                                                 note=form.cleaned_data["note"])
                messages.success(request, _("The requisition is approved for payment."))
            else:
                services.requisition_return(requisition=requisition, actor=request.user,
                                                note=form.cleaned_data["note"])
                messages.success(request, _("The requisition is returned to the owner."))
        except ReportError as error:
            messages.error(request, str(error))
    return redirect("reports:requisitions", pk=requisition.intervention_id)


@require_safe
@require(policy.can_approve_requisitions)
def requisition_inbox(request):
    return render(request, "reports/requisition_inbox.html", {
        "requisitions": selectors.requisitions_awaiting(user=request.user)})
