from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core import concurrency
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.participants import anonymity, due, forms, selectors
from insatsportal.participants.activities import this_week_counts
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import ReadLogEntry
from insatsportal.participants.services import registration
from insatsportal.participants.services.readlog import read_log_record
from insatsportal.participants.views.common import keyset_page, keyset_page_by_intervention

SEARCH_SESSION_KEY = "participant_search"
DUE_PAGE_SIZE = 50


@require_safe
@require(policy.can_view_participants_section)
def participant_index(request):
    interventions = selectors.interventions_for_participant_staff(user=request.user)
    page = keyset_page_by_intervention(
        request, selectors.consented_participants_for_partner(user=request.user)
        .select_related("intervention"))
    read_log_record(user=request.user, participants=page, what=ReadLogEntry.What.LIST)
    return render(request, "participants/index.html",
                  {"interventions": interventions, "page": page})


def _search_query(request, intervention) -> str:
    return request.session.get(SEARCH_SESSION_KEY, {}).get(str(intervention.pk), "")


@require_safe
@require(policy.can_view_participants_section)
def intervention_participants(request, pk):
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    query = _search_query(request, intervention)
    participants = selectors.participant_list(
        user=request.user, intervention=intervention, query=query
    # The discharge day as a column: a row without one then costs nothing in the template
    # (a missing discharge raised, and the template's fallback called dir() on each row).
    ).annotate(discharged_on=F("discharge__discharged_on")).defer(
        "personnummer_encrypted", "name_index")
    page = keyset_page(request, participants)
    read_log_record(user=request.user, participants=page,
                    what=ReadLogEntry.What.SEARCH if query else ReadLogEntry.What.LIST)
    week = this_week_counts([p.pk for p in page], today=timezone.localdate())
    for participant in page:
        participant.this_week = week.get(participant.pk, [])
    return render(request, "participants/intervention.html", {
        "intervention": intervention, "page": page, "query": query,
        "search_form": forms.NameSearchForm(initial={"q": query}),
    })


@require_POST
@require(policy.can_view_participants_section)
def participant_search(request, pk):
    """Names never go in a URL: the query is posted and kept in the session."""
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    form = forms.NameSearchForm(request.POST)
    searches = request.session.get(SEARCH_SESSION_KEY, {})
    if form.is_valid() and form.cleaned_data["q"].strip() and "clear" not in request.POST:
        searches[str(intervention.pk)] = form.cleaned_data["q"].strip()
    else:
        searches.pop(str(intervention.pk), None)
        if not form.is_valid():
            messages.error(request, _("Search by name only, never by personal identity number."))
    request.session[SEARCH_SESSION_KEY] = searches
    return redirect("participants:intervention", pk=intervention.pk)


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def participant_register(request, pk):
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    if settings.PARTICIPANTS_AGGREGATES_ONLY:
        messages.info(request, registration.AGGREGATES_ONLY)
        return redirect("participants:register_anonymous", pk=intervention.pk)
    form = forms.ParticipantForm(request.POST or None, request.FILES or None,
                                 intervention=intervention)
    if request.method == "POST" and form.is_valid():
        try:
            participant, elsewhere = registration.participant_register(
                actor=request.user, intervention=intervention, **form.cleaned_data
            )
        except ParticipantError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("The participant has been registered."))
            if elsewhere:
                messages.info(request,
                              _("The person is already registered in another intervention."))
            return redirect("participants:detail", pk=participant.pk)
    return render(request, "participants/register.html",
                  {"intervention": intervention, "form": form})


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def participant_register_anonymous(request, pk):
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    form = forms.AnonymousParticipantForm(request.POST or None, intervention=intervention)
    if request.method == "POST" and form.is_valid():
        participant = registration.participant_register_anonymous(
            actor=request.user, intervention=intervention, **form.cleaned_data
        )
        messages.success(request, _("The anonymous participant has been registered."))
        return redirect("participants:detail", pk=participant.pk)
    return render(request, "participants/register_anonymous.html",
                  {"intervention": intervention, "form": form})


@require_safe
@require(policy.can_view_participants_section)
def participant_detail(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk)
    context = {
        "participant": participant,
        "can_manage": policy.can_manage_participant(request.user, participant),
        "history": audit_history(participant),
    }
    from insatsportal.participants.views.sections import detail_sections

    context.update(detail_sections(participant))
    read_log_record(user=request.user, participants=[participant], what=ReadLogEntry.What.PAGE)
    return render(request, "participants/detail.html", context)


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def participant_edit(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    if participant.is_anonymous:
        messages.error(request, _("An anonymous record holds no name or municipality."))
        return redirect("participants:detail", pk=participant.pk)
    form = forms.ParticipantEditForm(request.POST or None, initial=_edit_initial(participant))
    if request.method == "POST" and form.is_valid():
        edit = concurrency.save_form(
            request, form, participant,
            current=lambda fresh: forms.ParticipantEditForm(initial=_edit_initial(fresh)),
            save=lambda fresh, values: registration.participant_update(
                actor=request.user, participant=fresh, **values))
        if edit.saved:
            messages.success(request, _("The participant has been updated."))
            return redirect("participants:detail", pk=participant.pk)
    read_log_record(user=request.user, participants=[participant], what=ReadLogEntry.What.PAGE)
    return render(request, "participants/edit.html", {"participant": participant, "form": form},
                  status=concurrency.status(form))


def _edit_initial(participant) -> dict:
    return {"name": participant.name, "sex": participant.sex,
            "home_kommun": participant.home_kommun}


def _confirmed_action(request, pk, *, service, template, success, kept=(), removed=()):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    form = forms.ConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            service(actor=request.user, participant=participant)
        except ParticipantError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, success)
            return redirect("participants:detail", pk=participant.pk)
    return render(request, template, {"participant": participant, "form": form,
                                      "kept": kept, "removed": removed})


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def consent_withdraw(request, pk):
    return _confirmed_action(
        request, pk, service=registration.consent_withdraw,
        template="participants/consent_withdraw.html",
        success=_("The consent has been withdrawn and the record is now anonymous."),
        kept=anonymity.KEPT_AFTER_WITHDRAWAL, removed=anonymity.REMOVED_AFTER_WITHDRAWAL,
    )


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def participant_protect(request, pk):
    return _confirmed_action(
        request, pk, service=registration.participant_mark_protected,
        template="participants/protect.html",
        success=_("The participant is marked as protected; every identifier has been removed."),
        kept=anonymity.KEPT_FOR_PROTECTED, removed=anonymity.REMOVED_FOR_PROTECTED,
    )


@require_safe
@require(policy.can_view_participants_section)
def consent_scan(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    consent = getattr(participant, "consent", None)
    if participant.is_anonymous or consent is None or not consent.scan:
        raise Http404
    content = registration.consent_scan_content(consent=consent)
    read_log_record(user=request.user, participants=[participant], what=ReadLogEntry.What.SCAN)
    extension = registration.SCAN_TYPES.get(consent.scan_content_type, ".bin")
    response = HttpResponse(content, content_type=consent.scan_content_type)
    filename = f"samtycke-{participant.number}{extension}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_safe
@require(policy.can_view_participants_section)
def participants_due(request, pk):
    """Due and overdue steps of one intervention's participants."""
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    kind = request.GET.get("typ", "")
    kind = kind if kind in due.FILTERS else ""
    page = Paginator(due.DueList(intervention.pk, today=timezone.localdate(), kind=kind),
                     DUE_PAGE_SIZE).get_page(request.GET.get("sida"))
    read_log_record(user=request.user, participants={row.participant for row in page},
                    what=ReadLogEntry.What.LIST)
    return render(request, "participants/due.html", {
        "intervention": intervention, "rows": page.object_list, "page": page, "kind": kind,
        "kinds": due.filter_choices()})
