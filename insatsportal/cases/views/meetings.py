from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.applications.services import ApplicationError
from insatsportal.cases import forms, selectors, services
from insatsportal.cases.models import Case
from insatsportal.core import concurrency
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require


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
    office = policy.can_decide_applications(request.user)
    context = {"meeting": meeting, "items": meeting.items.all(), "office": office,
               "today": timezone.localdate()}
    if office and not meeting.is_approved:
        open_cases = Case.objects.filter(status__in=Case.OPEN).exclude(
            agenda_items__meeting=meeting)
        context.update(
            agenda_form=forms.AgendaForm(cases=open_cases),
            minutes_form=forms.MinutesForm(),
            correction_form=forms.CorrectionForm(
                paragraphs=selectors.paragraphs_to_correct(meeting)),
        )
    if office and meeting.is_approved and meeting.posted_on is None:
        context["posting_form"] = forms.PostingForm()
    if policy.can_restore_history(request.user):  # the minutes' earlier texts, to restore
        context.update(history=audit_history(meeting), history_links=True)
    return render(request, "cases/meeting_detail.html", context)


def _office_meeting(request, pk):
    return selectors.meeting_get_for_user(user=request.user, pk=pk, action="decide")


def _run(request, meeting, action, success):
    """Run a service; show its domain error (e.g. approved minutes) instead of failing."""
    try:
        action()
    except (services.CaseError, ApplicationError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("cases:meeting", pk=meeting.pk)


def meeting_edit(request, pk):
    meeting = _office_meeting(request, pk)
    if meeting.is_approved:
        messages.error(request, _("The minutes are approved and can no longer be changed. A "
                                  "correction is made as a new paragraph at a later meeting."))
        return redirect("cases:meeting", pk=meeting.pk)
    form = forms.MeetingEditForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            edit = concurrency.save_form(
                request, form, meeting, current=lambda fresh: forms.MeetingEditForm(
                    instance=fresh),
                save=lambda fresh, values: services.meeting_update(
                    meeting=fresh, actor=request.user,
                    **{name: values[name] for name in services.MEETING_FIELDS}))
        except services.CaseError as error:
            form.add_error(None, str(error))
        else:
            if edit.saved:
                messages.success(request, _("The meeting is saved."))
                return redirect("cases:meeting", pk=meeting.pk)
    return render(request, "cases/meeting_edit.html", {"meeting": meeting, "form": form},
                  status=concurrency.status(form))


@require_POST
def agenda_add(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk, action="decide")
    form = forms.AgendaForm(request.POST, cases=Case.objects.filter(status__in=Case.OPEN))
    if not form.is_valid():
        messages.error(request, _("Choose an open case."))
        return redirect("cases:meeting", pk=meeting.pk)
    try:
        item = services.agenda_add(meeting=meeting, case=form.cleaned_data["case"],
                                   actor=request.user)
    except (services.CaseError, ApplicationError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The case is placed as § %(paragraph)s.")
                         % {"paragraph": item.paragraph})
    return redirect("cases:meeting", pk=meeting.pk)


@require_POST
def agenda_correction(request, pk):
    meeting = _office_meeting(request, pk)
    form = forms.CorrectionForm(request.POST, paragraphs=selectors.paragraphs_to_correct(meeting))
    if not form.is_valid():
        messages.error(request, _("Choose the paragraph to correct and write the correction."))
        return redirect("cases:meeting", pk=meeting.pk)
    return _run(request, meeting, lambda: services.agenda_correction_add(
        meeting=meeting, actor=request.user, **form.cleaned_data,
    ), _("The correction is added as a new paragraph."))


@require_POST
def paragraph_minutes(request, pk, paragraph):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk, action="decide")
    item = next((i for i in meeting.items.all() if i.paragraph == paragraph), None)
    if item is None:
        raise Http404
    form = forms.ParagraphMinutesForm(request.POST)
    if not form.is_valid():
        return redirect("cases:meeting", pk=meeting.pk)
    try:
        edit = concurrency.save_form(
            request, form, item, audited=meeting,
            current=lambda fresh: forms.ParagraphMinutesForm(initial={"minutes": fresh.minutes}),
            save=lambda fresh, values: services.agenda_minutes_save(
                item=fresh, minutes=values["minutes"], actor=request.user))
    except (services.CaseError, ApplicationError) as error:
        messages.error(request, str(error))
        return redirect("cases:meeting", pk=meeting.pk)
    if not edit.saved:  # the conflict, on a page of its own: the agenda holds many paragraphs
        return concurrency.conflict_page(
            request, form, title=_("Minutes") + f" § {paragraph} – {meeting}",
            back=reverse("cases:meeting", args=[meeting.pk]))
    messages.success(request, _("The minutes of § %(paragraph)s are saved.")
                     % {"paragraph": paragraph})
    return redirect("cases:meeting", pk=meeting.pk)


@require_POST
def minutes_approve(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk, action="decide")
    form = forms.MinutesForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the date the minutes were approved."))
        return redirect("cases:meeting", pk=meeting.pk)
    return _run(request, meeting, lambda: services.minutes_approve(
        meeting=meeting, actor=request.user, approved_on=form.cleaned_data["approved_on"],
    ), _("The minutes are approved (justerade) and can no longer be changed."))


@require_POST
def minutes_post(request, pk):
    meeting = _office_meeting(request, pk)
    form = forms.PostingForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter the day the minutes were posted."))
        return redirect("cases:meeting", pk=meeting.pk)
    return _run(request, meeting, lambda: services.minutes_post(
        meeting=meeting, actor=request.user, posted_on=form.cleaned_data["posted_on"],
    ), _("The posting is recorded; the appeal period runs from it."))
