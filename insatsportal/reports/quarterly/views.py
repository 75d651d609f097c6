from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core import concurrency
from insatsportal.core.audit import audit_history
from insatsportal.core.calendar import quarter_of
from insatsportal.core.decorators import require
from insatsportal.reports.common import today
from insatsportal.reports.errors import ReportError
from insatsportal.reports.models import QuarterlyReport
from insatsportal.reports.quarterly import forms, services, tasks
from insatsportal.reports.selectors import report_intervention_get_for_user


def _quarters(intervention, until):
    """(year, quarter) from the intervention's start to the last ended quarter, newest first."""
    if intervention.start_date is None:
        return []
    end = min(filter(None, [intervention.end_date, until]))
    current, last = quarter_of(intervention.start_date), services.previous_quarter(until)
    last = min(last, quarter_of(end))
    quarters = []
    while current <= last:
        quarters.append(current)
        current = (current[0] + 1, 1) if current[1] == 4 else (current[0], current[1] + 1)
    return quarters[::-1]


@require_safe
@require(policy.can_view_reports)
def quarterly_list(request, pk):
    intervention = report_intervention_get_for_user(user=request.user, pk=pk)
    reports = {(r.year, r.quarter): r for r in
               QuarterlyReport.objects.filter(intervention=intervention)}
    rows = [(year, quarter, reports.get((year, quarter)))
            for year, quarter in _quarters(intervention, today())]
    return render(request, "reports/quarterly_list.html", {"intervention": intervention,
                                                            "rows": rows})


def _valid_quarter(year, quarter):
    if not (1 <= quarter <= 4 and 2000 <= year <= 2100):
        raise Http404


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_view_reports)
def quarterly_report(request, pk, year, quarter):
    intervention = report_intervention_get_for_user(user=request.user, pk=pk)
    _valid_quarter(year, quarter)
    report = QuarterlyReport.objects.filter(intervention=intervention, year=year,
                                            quarter=quarter).first()
    writer = policy.can_write_quarterly_report(request.user, intervention)
    form = None
    if request.method == "POST":
        if not writer:
            raise PermissionDenied
        report = report or services.report_open(intervention=intervention, year=year,
                                                 quarter=quarter, actor=request.user)
        form = forms.QuarterlyNarrativeForm(request.POST, instance=report)
        if form.is_valid():
            try:
                with transaction.atomic():
                    report = concurrency.locked(report)
                    edit = concurrency.reconcile_form(
                        request, form, forms.QuarterlyNarrativeForm(instance=report), obj=report)
                    if edit.saved:
                        report = services.report_save(report=report, actor=request.user,
                                                       **edit.values)
                if edit.saved:
                    if "submit" in request.POST:
                        services.report_submit(report=report, actor=request.user,
                                               today=today())
                        messages.success(request, _("The quarterly report is submitted."))
                    else:
                        messages.success(request, _("The quarterly report is saved."))
                    return redirect("reports:quarterly", pk=pk, year=year, quarter=quarter)
            except ReportError as error:
                form.add_error(None, str(error))
    elif writer and (report is None or not report.is_frozen):
        form = forms.QuarterlyNarrativeForm(instance=report)
    facts = (services.report_facts(report) if report else
             services.quarter_facts(intervention, year, quarter))
    return render(request, "reports/quarterly.html", {
        "intervention": intervention, "report": report, "facts": facts, "form": form,
        "year": year, "quarter": quarter,
        "history": audit_history(report) if report and policy.can_restore_history(request.user)
        else None,
        "history_links": True,
        "review_form": forms.QuarterlyReviewForm()
        if report and report.status == QuarterlyReport.Status.SUBMITTED
        and policy.can_review_quarterly_reports(request.user) else None,
   }, status=concurrency.status(form))


@require_POST
@require(policy.can_review_quarterly_reports)
def quarterly_review(request, pk, year, quarter):
    intervention = report_intervention_get_for_user(user=request.user, pk=pk)
    report = QuarterlyReport.objects.filter(intervention=intervention, year=year,
                                            quarter=quarter).first()
    if report is None:
        raise Http404
    form = forms.QuarterlyReviewForm(request.POST)
    if form.is_valid():
        try:
            services.report_review(report=report, actor=request.user, **form.cleaned_data)
        except ReportError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The review is recorded."))
    return redirect("reports:quarterly", pk=pk, year=year, quarter=quarter)


def _report(request, pk, year, quarter):
    intervention = report_intervention_get_for_user(user=request.user, pk=pk)
    _valid_quarter(year, quarter)
    report = QuarterlyReport.objects.filter(intervention=intervention, year=year,
                                            quarter=quarter).first()
    if report is None:
        raise Http404
    return report


@require_safe
@require(policy.can_view_reports)
def quarterly_download(request, pk, year, quarter, fmt):
    """The file at once, for scripts; the page asks for it as a background job."""
    report = _report(request, pk, year, quarter)
    if fmt not in tasks.CONTENT_TYPES:
        raise Http404
    response = HttpResponse(tasks.quarterly_content(report, fmt),
                            content_type=tasks.CONTENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="{tasks.quarterly_filename(report, fmt)}"')
    return response


@require_POST
@require(policy.can_view_reports)
def quarterly_download_start(request, pk, year, quarter):
    report = _report(request, pk, year, quarter)
    fmt = request.POST.get("format")
    if fmt not in tasks.CONTENT_TYPES:
        raise Http404
    job = tasks.quarterly_document_request(actor=request.user, report=report, fmt=fmt)
    return redirect("jobs:detail", pk=job.pk)
