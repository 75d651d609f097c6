"""Start-page hand-offs of the revised budget: the lead owner writes it after a grant that
differs from the application (or after a return), the office approves it."""

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.accounts import policy
from insatsportal.accounts.models import Role
from insatsportal.cases.budget_of_record import budgets_of_record
from insatsportal.cases.models import Grant
from insatsportal.core.money import format_kr
from insatsportal.core.selectors import DUE, RETURNED, REVIEW, WaitingItem
from insatsportal.interventions.models import RevisedBudget


def waiting_items(user) -> list[WaitingItem]:
    items = []
    if policy.can_approve_revised_budgets(user):
        items.extend(_revisions_to_approve())
    if policy.has_role(user, Role.INSATSANSVARIG) and user.member_id is not None:
        items.extend(_revisions_to_write(user))
    return items


def _revisions_to_approve() -> list[WaitingItem]:
    items = []
    for revision in (RevisedBudget.objects.filter(status=RevisedBudget.Status.SUBMITTED)
                     .select_related("grant__intervention").order_by("submitted_at")):
        grant = revision.grant
        items.append(WaitingItem(
            title=_("Revised budget to approve: %(intervention)s") % {
                "intervention": grant.intervention.name},
            url=reverse("interventions:grant_budget", args=[grant.intervention_id, grant.pk]),
            detail=_("Version %(version)s") % {"version": revision.version}, kind=REVIEW,
            became_due_on=timezone.localdate(revision.submitted_at)))
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
            kind=RETURNED if grant.pk in returned else DUE,
            became_due_on=returned.get(grant.pk) or grant.decision.decided_on))
    return items
