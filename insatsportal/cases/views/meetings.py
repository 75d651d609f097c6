from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.applications.services import ApplicationError
from insatsportal.cases import forms, selectors, services
from insatsportal.cases.documents import meeting_papers
from insatsportal.cases.models import Case
from insatsportal.core.decorators import require
from insatsportal.core.documents import render_pdf


@require(policy.can_view_case_preparation)
def meeting_list(request):
    form = forms.MeetingForm(request.POST or None)
    if request.method == "POST":
        if not policy.can_decide_applications(request.user):
            raise PermissionDenied  # the board sees meetings; only the office creates them
        if form.is_valid():
            try:
                meeting = services.meeting_create(actor=request.user, **form.cleaned_data)
            except (services.CaseError, ApplicationError) as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The meeting is created."))
                return redirect("cases:meeting", pk=meeting.pk)
    return render(request, "cases/meeting_list.html", {
        "meetings": selectors.meeting_list(user=request.user), "form": form,
        "office": policy.can_decide_applications(request.user),
    })


@require_safe
@require(policy.can_view_case_preparation)
def meeting_detail(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    open_cases = Case.objects.filter(status__in=Case.OPEN).exclude(agenda_items__meeting=meeting)
    return render(request, "cases/meeting_detail.html", {
        "meeting": meeting, "items": meeting.items.all(),
        "agenda_form": forms.AgendaForm(cases=open_cases),
        "minutes_form": forms.MinutesForm(),
        "office": policy.can_decide_applications(request.user),
    })


@require_POST
def agenda_add(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk, action="decide")
    form = forms.AgendaForm(request.POST, cases=Case.objects.filter(status__in=Case.OPEN))
    if form.is_valid():
        try:
            item = services.agenda_add(meeting=meeting, case=form.cleaned_data["case"],
                                       actor=request.user)
        except (services.CaseError, ApplicationError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The case is placed as § %(paragraph)s.")
                             % {"paragraph": item.paragraph})
    else:
        messages.error(request, _("Choose an open case."))
    return redirect("cases:meeting", pk=meeting.pk)


@require_POST
def paragraph_minutes(request, pk, paragraph):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk, action="decide")
    item = next((i for i in meeting.items.all() if i.paragraph == paragraph), None)
    if item is None:
        raise Http404
    form = forms.ParagraphMinutesForm(request.POST)
    if form.is_valid():
        try:
            services.agenda_minutes_save(item=item, minutes=form.cleaned_data["minutes"],
                                         actor=request.user)
        except services.CaseError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The minutes of § %(paragraph)s are saved.")
                             % {"paragraph": paragraph})
    return redirect("cases:meeting", pk=meeting.pk)


@require_POST
def minutes_approve(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk, action="decide")
    form = forms.MinutesForm(request.POST)
    if form.is_valid():
        try:
            services.minutes_approve(meeting=meeting, actor=request.user,
                                     approved_on=form.cleaned_data["approved_on"])
        except (services.CaseError, ApplicationError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The minutes are approved; the decisions are final."))
    else:
        messages.error(request, _("Enter the date the minutes were approved."))
    return redirect("cases:meeting", pk=meeting.pk)


@require_safe
@require(policy.can_view_case_preparation)
def meeting_papers_pdf(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    response = HttpResponse(render_pdf(meeting_papers(meeting, meeting.items.all())),
                            content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="handlingar-{meeting.body}-{meeting.date:%Y-%m-%d}.pdf"'
    )
    return response
