"""Reads of a grant's revised budgets, scoped to the requesting user."""

from insatsportal.accounts import policy
from insatsportal.applications.budget import COST_CATEGORY_LABELS as CATEGORY_LABELS
from insatsportal.cases.models import Grant
from insatsportal.core.access import get_for_user
from insatsportal.interventions.models import Intervention, RevisedBudget


def _reported(user):
    """The interventions whose money (reports) the user may read."""
    return Intervention.objects.filter(policy.reports_intervention_scope(user))


def grant_get_for_user(*, user, intervention_pk, pk) -> Grant:
    """A grant of an intervention whose money the user may read: the one door (core.access).
    Roles without reports answer 404 here, as for an intervention outside their scope."""
    grants = (Grant.objects.filter(intervention_id=intervention_pk,
                                   intervention__in=_reported(user))
              .select_related("intervention", "decision__case__application"))
    return get_for_user(grants, pk, user=user)


def revision_get_for_user(*, user, pk) -> RevisedBudget:
    """A revised budget for the office to decide: the one door (core.access)."""
    revisions = (RevisedBudget.objects.filter(grant__intervention__in=_reported(user))
                 .select_related("grant__intervention"))
    return get_for_user(revisions, pk, user=user, section=policy.can_approve_revised_budgets)


def revisions_of(grant):
    return (grant.revised_budgets.select_related("submitted_by", "decided_by")
            .prefetch_related("lines").order_by("-version"))


def revision_changes(newer: RevisedBudget, older: RevisedBudget | None, names: dict) -> list:
    """The cells that differ between two versions: (owner, year, category, before, after)."""
    def cells(revision):
        return {} if revision is None else {
            (line.member_id, line.year, line.category): line.amount
            for line in revision.lines.all()}

    before, after = cells(older), cells(newer)
    return [
        (names.get(member_id, member_id), year, CATEGORY_LABELS.get(category, category),
         before.get(key), after.get(key))
        for key in sorted(set(before) | set(after))
        for member_id, year, category in [key]
        if before.get(key) != after.get(key)
    ]


def revisions_waiting():
    """Submitted revised budgets waiting for the office, oldest first."""
    return (RevisedBudget.objects.filter(status=RevisedBudget.Status.SUBMITTED)
            .select_related("grant__intervention").order_by("submitted_at"))
