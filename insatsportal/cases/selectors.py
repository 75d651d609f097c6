"""Reads of cases, meetings and decisions, scoped to the requesting user."""

from importlib import import_module

from django.conf import settings
from django.db.models import Max, Prefetch, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.accounts import policy
from insatsportal.applications import budget as b
from insatsportal.applications import checks
from insatsportal.applications import selectors as application_selectors
from insatsportal.applications.models import Application
from insatsportal.cases import checklist, drafting
from insatsportal.cases.models import AgendaItem, Case, ChecklistNote, Grant, Meeting
from insatsportal.cases.models.meeting import Body
from insatsportal.core.access import get_for_user
from insatsportal.core.money import format_kr
from insatsportal.core.selectors import RETURNED, REVIEW, WaitingItem
from insatsportal.organisations.models import StrategicDirection
from insatsportal.organisations.selectors import association_current


def case_list(*, user, status: str = ""):
    cases = (Case.objects.filter(policy.cases_scope(user))
             .select_related("application__owner", "handler", "intervention"))
    if status:
        cases = cases.filter(status=status)
    return cases.order_by("-year", "-number")


# action -> the section's capability
CASE_ACTIONS = {
    "view": policy.can_view_cases,
    "preparation": policy.can_view_case_preparation,
    "decide": policy.can_decide_applications,
}


def case_get_for_user(*, user, pk, action: str = "view") -> Case:
    """The case with its history loaded: the one door (core.access)."""
    cases = (
        Case.objects.filter(policy.cases_scope(user))
        .select_related("application__owner", "handler", "intervention")
        .prefetch_related("status_changes__actor", "checklist_notes__author",
                          "recommendations__made_by", "agenda_items__meeting",
                          "decisions__agenda_item__meeting")
    )
    return get_for_user(cases, pk, user=user, section=CASE_ACTIONS[action])


def case_checklist(case: Case) -> list[checklist.Item]:
    application = application_selectors.application_load(case.application_id)
    data = application_selectors.budget_data(application)
    budget_warnings = None if data is None else checks.budget_warnings(
        data,
        planned_start=application.planned_start,
        planned_end=application.planned_end,
        requires_co_financing=application.association.requires_co_financing,
    )
    return checklist.checklist_compute(
        application=application,
        association=application.association,
        budget_warnings=budget_warnings,
        directions=strategic_directions(),
        predecessor_facts=predecessor_facts(application.continues),
        room=case_room(case),
    )


def _economy():
    return import_module(settings.CASE_ECONOMY)


def case_room(case: Case, **period):
    """The förbund's room for the case's grant: as proposed or applied, or by the `amount`,
    `start` and `end` given."""
    return _economy().case_room(case, today=timezone.localdate(), **period)


def strategic_directions():
    return StrategicDirection.objects.prefetch_related("priority_groups").order_by("-year")


def case_draft(case: Case, *, amount=None, period_start=None, period_end=None,
               proposer=Body.WORKING_COMMITTEE) -> drafting.Draft:
    """The system's draft of the decision proposal; by default as applied for."""
    application = case.application
    period_start = period_start or application.planned_start
    period_end = period_end or application.planned_end
    return drafting.proposal_draft(
        application=application,
        association=association_current(),
        checklist=case_checklist(case),
        directions=strategic_directions(),
        amount=applied_amount(application) or 0 if amount is None else amount,
        period_start=period_start,
        period_end=period_end,
        proposer=proposer,
        years_beyond_decided=_economy().years_beyond_decided(
            period_start, period_end, today=timezone.localdate()),
    )


def predecessor_facts(intervention) -> str:
    """Results so far of the intervention an extension continues."""
    if intervention is None:
        return ""
    grants = Grant.objects.filter(intervention=intervention)
    total = grants.aggregate(total=Sum("amount"))["total"]
    if not total:
        return "Inga beviljade medel är registrerade."
    return f"Beviljat hittills: {format_kr(total)} i {grants.count()} beslut."


def meeting_list(*, user):
    return Meeting.objects.filter(policy.meetings_scope(user)).prefetch_related("items")


MEETING_ACTIONS = {"view": policy.can_view_case_preparation,
                   "decide": policy.can_decide_applications}


def _meetings_with_items(user):
    items = AgendaItem.objects.select_related(
        "case__proposal", "case__application__owner", "case__intervention__owner",
        "decision", "corrects__meeting",
    )
    return (Meeting.objects.filter(policy.meetings_scope(user))
            .prefetch_related(Prefetch("items", queryset=items)))


def meeting_get_for_user(*, user, pk, action: str = "view") -> Meeting:
    return get_for_user(_meetings_with_items(user), pk, user=user,
                        section=MEETING_ACTIONS[action])


def paragraphs_to_correct(meeting: Meeting):
    """Paragraphs of earlier approved minutes of the same body: what a correction may name."""
    return (AgendaItem.objects.filter(meeting__body=meeting.body, meeting__date__lt=meeting.date,
                                      meeting__minutes_approved_on__isnull=False)
            .select_related("meeting", "case").order_by("-meeting__date", "paragraph"))


def committee_items(meeting: Meeting, items) -> dict:
    """The working committee's latest paragraph on each case, up to the meeting's day."""
    found = {}
    for item in (AgendaItem.objects
                 .filter(case__in=[i.case_id for i in items],
                         meeting__body=Body.WORKING_COMMITTEE, meeting__date__lte=meeting.date)
                 .select_related("meeting").order_by("meeting__date", "paragraph")):
        found[item.case_id] = item
    return found


def meetings_coming(*, user, limit: int = 3):
    """Start page of the board and the office: the next meetings, their papers ready."""
    return (Meeting.objects.filter(policy.meetings_scope(user), date__gte=timezone.localdate())
            .prefetch_related("items").order_by("date", "body")[:limit])


def decision_agenda_items(case: Case):
    """Paragraphs a decision of the case may be filed under: the board's, before justering."""
    return (case.agenda_items.filter(meeting__body=Body.BOARD,
                                     meeting__minutes_approved_on__isnull=True,
                                     decision__isnull=True)
            .select_related("meeting", "case").order_by("meeting__date"))


def applied_amount(application) -> int | None:
    data = application_selectors.budget_data(application)
    if data is None:
        return None
    return b.compute(data).total_association


def waiting_items(user) -> list:
    """Start page: open cases for the office (own and unassigned first), returned
    applications for their owners."""

    items = []
    if policy.can_decide_applications(user):
        open_cases = (Case.objects.filter(status__in=Case.OPEN)
                      .filter(Q(handler=user) | Q(handler__isnull=True))
                      .order_by("opened_at"))
        items += [
            WaitingItem(title=f"{case.number} {case.title}",
                        url=reverse("cases:detail", args=[case.pk]),
                        detail=case.get_status_display(), kind=REVIEW,
                        became_due_on=timezone.localdate(case.opened_at))
            for case in open_cases
        ]
    if policy.can_prepare_applications(user):
        returned = Application.objects.filter(
            Application.in_status(Application.Status.RETURNED), owner_id=user.member_id,
        ).annotate(returned_at=Max("case__status_changes__at", filter=Q(
            case__status_changes__to_status=Case.Status.COMPLETION_REQUESTED)))
        items += [
            WaitingItem(title=application.name,
                        url=reverse("cases:application_submit", args=[application.pk]),
                        detail=_("Returned for completion"), kind=RETURNED,
                        became_due_on=application.returned_at
                        and timezone.localdate(application.returned_at))
            for application in returned
        ]
    return items


def checklist_note_text(case, item: str) -> str:
    """The office's note on one checklist item, "" when none is written."""
    note = ChecklistNote.objects.filter(case=case, item=item).first()
    return note.text if note else ""
