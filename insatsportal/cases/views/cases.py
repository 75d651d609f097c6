from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.applications import completion
from insatsportal.applications.services import ApplicationError
from insatsportal.cases import forms, selectors, services
from insatsportal.cases.comparison import applied_vs_granted
from insatsportal.cases.documents import proposal_document
from insatsportal.cases.models import Case, Decision
from insatsportal.core import concurrency
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.core.documents import render_docx, render_pdf


@require_safe
@require(policy.can_view_cases)
def case_list(request):
    status = request.GET.get("status", "")
    return render(request, "cases/list.html", {
        "cases": selectors.case_list(user=request.user, status=status),
        "statuses": Case.Status.choices,
        "status": status,
        "meetings": policy.can_view_case_preparation(request.user),
    })


@require_safe
@require(policy.can_view_cases)
def case_detail(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk)
    preparation = policy.can_view_case_preparation(request.user)
    context = {"case": case, "preparation": preparation, "today": timezone.localdate(),
               "office": policy.can_decide_applications(request.user),
               "decisions": list(case.decisions.all()),
               "conversation": completion.conversation(case.application)
               if case.application_id else []}
    if preparation and case.application_id:
        notes = {note.item: note for note in case.checklist_notes.all()}
        context["checklist"] = [(item, notes.get(item.key))
                                for item in selectors.case_checklist(case)]
        context["proposal"] = getattr(case, "proposal", None)
        if context["proposal"] is not None and case.is_open:
            context["room"] = selectors.case_room(case)
        context["history"] = audit_history(case)
        context["history_links"] = policy.can_restore_history(request.user)
        context["recommendation_form"] = forms.RecommendationForm()
        context["assign_form"] = forms.AssignForm(initial={"handler": case.handler_id})
    if case.application_id and context["decisions"]:
        applied = selectors.applied_amount(case.application)
        context["differences"] = applied_vs_granted(
            application=case.application, applied_amount=applied,
            decision=context["decisions"][0], proposal=context.get("proposal"),
        )
    return render(request, "cases/detail.html", context)


def _run(request, case, action, success):
    """Run a service; show its domain error instead of failing."""
    try:
        action()
    except (services.CaseError, ApplicationError) as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("cases:detail", pk=case.pk)


@require_POST
def case_start_preparation(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="decide")
    return _run(request, case,
                lambda: services.case_start_preparation(case=case, actor=request.user),
                _("The case is in preparation."))


@require_POST
def case_assign(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="decide")
    form = forms.AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a handler from the office."))
        return redirect("cases:detail", pk=case.pk)
    try:
        edit = concurrency.save_form(
            request, form, case,
            current=lambda fresh: forms.AssignForm(initial={"handler": fresh.handler_id}),
            save=lambda fresh, values: services.case_assign(
                case=fresh, handler=values["handler"], actor=request.user))
    except (services.CaseError, ApplicationError) as error:
        messages.error(request, str(error))
        return redirect("cases:detail", pk=case.pk)
    if not edit.saved:
        return concurrency.conflict_page(request, form, title=_("Handler") + f" – {case}",
                                         back=reverse("cases:detail", args=[case.pk]))
    messages.success(request, _("The handler is changed."))
    return redirect("cases:detail", pk=case.pk)


@require_POST
def checklist_note(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="decide")
    form = forms.ChecklistNoteForm(request.POST)
    if form.is_valid():
        item = form.cleaned_data["item"]
        edit = concurrency.save_form(
            request, form, case,
            current=lambda fresh: forms.ChecklistNoteForm(initial={
                "item": item, "text": selectors.checklist_note_text(fresh, item)}),
            save=lambda fresh, values: services.checklist_note_save(
                case=fresh, item=item, text=values["text"], actor=request.user))
        if not edit.saved:
            return concurrency.conflict_page(
                request, form, title=_("The office's note") + f" – {case}",
                back=reverse("cases:detail", args=[case.pk]))
        messages.success(request, _("The note is saved."))
    return redirect("cases:detail", pk=case.pk)


@require_POST
def recommendation(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="decide")
    form = forms.RecommendationForm(request.POST)
    if not form.is_valid():
        return render(request, "cases/recommendation_form.html",
                      {"case": case, "form": form}, status=400)
    return _run(request, case,
                lambda: services.recommendation_record(case=case, actor=request.user,
                                                       **form.cleaned_data),
                _("The recommendation is recorded."))


@require_POST
def proposal_draft(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="decide")
    if not (case.application and case.application.planned_start and
            case.application.planned_end):
        messages.error(request, _("The application has no planned period to propose."))
        return redirect("cases:detail", pk=case.pk)
    draft = selectors.case_draft(case)
    return _run(request, case, lambda: services.proposal_save(
        case=case, draft=draft, amount=selectors.applied_amount(case.application) or 0,
        period_start=case.application.planned_start, period_end=case.application.planned_end,
        actor=request.user,
    ), _("The decision proposal is drafted from the application."))


def proposal_edit(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="decide")
    proposal = getattr(case, "proposal", None)
    if proposal is None:
        raise Http404
    if request.method == "POST":
        form = forms.ProposalForm(request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    saved = concurrency.locked(proposal)
                    edit = concurrency.reconcile_form(
                        request, form, forms.ProposalForm(initial=_proposal_initial(saved)),
                        obj=case)
                    if edit.saved:
                        services.proposal_save(case=case, draft=selectors.case_draft(case),
                                               actor=request.user, **edit.values)
            except (services.CaseError, ApplicationError) as error:
                form.add_error(None, str(error))
            else:
                if edit.saved:
                    messages.success(request, _("The decision proposal is saved."))
                    return redirect("cases:detail", pk=case.pk)
    else:
        form = forms.ProposalForm(initial=_proposal_initial(proposal))
    return render(request, "cases/proposal_form.html", {"case": case, "form": form},
                  status=concurrency.status(form))


def _proposal_initial(proposal) -> dict:
    return {
        "proposer": proposal.proposer, "title": proposal.title, "amount": proposal.amount,
        "period_start": proposal.period_start, "period_end": proposal.period_end,
        "clauses": "\n".join(proposal.clauses), "matter": proposal.matter,
        "assessment": proposal.assessment,
    }


@require_safe
def proposal_download(request, pk, fmt):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="preparation")
    proposal = getattr(case, "proposal", None)
    if fmt not in ("docx", "pdf") or proposal is None:
        raise Http404
    document = proposal_document(proposal)
    filename = f"forslag-till-beslut-{case.number}"
    if fmt == "docx":
        response = HttpResponse(
            render_docx(document),
            content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    else:
        response = HttpResponse(render_pdf(document), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def _room_if_granted(case, data):
    """The economy's room check for the decision as filled in (None if it grants nothing)."""
    if data.get("outcome") not in Decision.GRANTING or data.get("amount") is None:
        return None
    return selectors.case_room(case, amount=data["amount"], start=data["period_start"],
                               end=data["period_end"])


def decision_record(request, pk):
    case = selectors.case_get_for_user(user=request.user, pk=pk, action="decide")
    agenda_items = selectors.decision_agenda_items(case)
    proposal = getattr(case, "proposal", None)
    room = None
    if request.method == "POST":
        form = forms.DecisionForm(request.POST, agenda_items=agenda_items)
        if form.is_valid():
            room = _room_if_granted(case, form.cleaned_data)
        if form.is_valid() and room and room.negative and not request.POST.get("room_confirmed"):
            # Warn before the decision is taken: it is recorded on the second submit.
            return render(request, "cases/decision_form.html",
                          {"case": case, "form": form, "room": room, "confirm_room": True})
        if form.is_valid():
            try:
                services.decision_record(case=case, actor=request.user, **form.cleaned_data)
            except (services.CaseError, ApplicationError) as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("The decision is recorded."))
                return redirect("cases:detail", pk=case.pk)
    else:
        # The proposal's amount and period to start from; the paragraph, outcome and day
        # are the user's own choice, never pre-selected.
        initial = {}
        if proposal:
            initial.update(amount=proposal.amount, period_start=proposal.period_start,
                           period_end=proposal.period_end)
        form = forms.DecisionForm(initial=initial, agenda_items=agenda_items)
        if case.is_open:
            room = selectors.case_room(case)
    return render(request, "cases/decision_form.html", {"case": case, "form": form, "room": room})
