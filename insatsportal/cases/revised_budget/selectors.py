"""Reads of a grant's revised budgets, scoped to the requesting user."""

from insatsportal.accounts import policy
from insatsportal.applications.budget import COST_CATEGORY_LABELS as CATEGORY_LABELS
from insatsportal.cases.models import Grant
from insatsportal.interventions.models import RevisedBudget


def grant_get(*, user, intervention_pk, pk) -> Grant | None:
    """A grant of an intervention whose money the user may read."""
    grant = (Grant.objects.select_related("intervention", "decision__case__application")
             .filter(pk=pk, intervention_id=intervention_pk).first())
    if grant is None or not policy.can_view_intervention_reports(user, grant.intervention):
        return None
    return grant


def revision_get(*, user, pk) -> RevisedBudget | None:
    revision = (RevisedBudget.objects.select_related("grant__intervention")
                .filter(pk=pk).first())
    if revision is None or not policy.can_view_intervention_reports(
            user, revision.grant.intervention):
        return None
    return revision


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
