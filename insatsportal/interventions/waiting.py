"""Start-page hand-offs of money after the decision: revised budgets to write or approve,
submitted quarterly reports to review, returned requisitions to send again."""

from django.db.models import Count, Exists, Max, Min, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.accounts import policy
from insatsportal.accounts.models import Role
from insatsportal.cases.models import Grant
from insatsportal.core.money import format_kr
from insatsportal.core.selectors import WaitingItem
from insatsportal.interventions.budget_of_record import budgets_of_record
from insatsportal.interventions.models import RevisedBudget
from insatsportal.reports.models import QuarterlyReport, Requisition


def waiting_items(user) -> list[WaitingItem]:
    items = []
    if policy.can_approve_revised_budgets(user):
        items.extend(_office_items())
    if policy.has_role(user, Role.INSATSANSVARIG) and user.member_id is not None:
        items.extend(_revisions_to_write(user))
        items.extend(_returned_requisitions(user))
    return items


def _office_items() -> list[WaitingItem]:
    items = []
    for revision in (RevisedBudget.objects.filter(status=RevisedBudget.Status.SUBMITTED)
                     .select_related("grant__intervention").order_by("submitted_at")):
        grant = revision.grant
        items.append(WaitingItem(
            title=_("Revised budget to approve: %(intervention)s") % {
                "intervention": grant.intervention.name},
            url=reverse("interventions:grant_budget", args=[grant.intervention_id, grant.pk]),
            detail=_("Version %(version)s") % {"version": revision.version},
            became_due_on=timezone.localdate(revision.submitted_at)))
    waiting = QuarterlyReport.objects.filter(status=QuarterlyReport.Status.SUBMITTED).aggregate(
        count=Count("pk"), latest=Max("submitted_at"), first=Min("pk"))
    if count := waiting["count"]:
        report = QuarterlyReport.objects.select_related("intervention").get(pk=waiting["first"])
        url = (reverse("reports:quarterly", args=[report.intervention_id, report.year,
                                                  report.quarter]) if count == 1
               else reverse("reports:index"))
        items.append(WaitingItem(
            title=_("Quarterly reports to review: %(count)d") % {"count": count},
            url=url, detail=report.intervention.name if count == 1 else "",
            became_due_on=timezone.localdate(waiting["latest"]) if waiting["latest"] else None))
    return items


def _revisions_to_write(user) -> list[WaitingItem]:
    """Grants of the user's interventions that differ from the application, with no
    approved revised budget and none waiting for the office."""
    grants = Grant.objects.filter(intervention__owner_id=user.member_id).exclude(
        revised_budgets__status=RevisedBudget.Status.SUBMITTED)
    returned = dict(RevisedBudget.objects.filter(
        grant__intervention__owner_id=user.member_id, status=RevisedBudget.Status.RETURNED,
    ).values("grant_id").annotate(on=Max("decided_on")).values_list("grant_id", "on"))
    items = []
    for record in budgets_of_record(grants.order_by("period_start")):
        if not record.differs or record.source == "revised":
            continue
        grant = record.grant
        items.append(WaitingItem(
            title=(_("Revised budget returned: %(name)s") if grant.pk in returned
                   else _("Revise the budget to the grant: %(name)s")) % {"name": record.name},
            url=reverse("interventions:grant_budget", args=[grant.intervention_id, grant.pk]),
            detail=_("Granted %(amount)s for %(start)s – %(end)s") % {
                "amount": format_kr(grant.amount), "start": grant.period_start,
                "end": grant.period_end},
            became_due_on=returned.get(grant.pk) or grant.decision.decided_on))
    return items


def _returned_requisitions(user) -> list[WaitingItem]:
    """Returned claims of the user's organisation not yet followed by a new one."""
    later = Requisition.objects.filter(
        intervention_id=OuterRef("intervention_id"), member_id=OuterRef("member_id"),
        year=OuterRef("year"), quarter=OuterRef("quarter"), pk__gt=OuterRef("pk"))
    items = []
    for requisition in (Requisition.objects.filter(member_id=user.member_id,
                                                   status=Requisition.Status.RETURNED)
                        .exclude(Exists(later))
                        .select_related("intervention").order_by("decided_at")):
        items.append(WaitingItem(
            title=_("Requisition returned: %(intervention)s %(year)s Q%(quarter)s") % {
                "intervention": requisition.intervention.name, "year": requisition.year,
                "quarter": requisition.quarter},
            url=reverse("reports:requisitions", args=[requisition.intervention_id]),
            detail=requisition.office_note[:200],
            became_due_on=timezone.localdate(requisition.decided_at)
            if requisition.decided_at else None))
    return items
