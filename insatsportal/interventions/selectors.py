"""Reads of interventions, scoped to the requesting user."""

from django.db.models import Sum

from insatsportal.accounts import policy
from insatsportal.interventions.models import Intervention


def intervention_list(*, user):
    if not policy.can_view_interventions(user):
        return Intervention.objects.none()
    return Intervention.objects.select_related("owner").order_by("name")


def intervention_get(*, user, pk) -> Intervention | None:
    return intervention_list(user=user).filter(pk=pk).first()


def intervention_chain(intervention) -> dict:
    """The applications and decisions of an intervention, oldest first, and the total granted.

    Seed example: 004 (the predecessor's decision) → application 000 → decision 003.
    Read through the relations the applications and cases apps point at this one, so that
    interventions imports neither.
    """
    cases = intervention.cases.prefetch_related("decisions__agenda_item__meeting",
                                                "decisions__case__application")
    decisions = [d for case in cases for d in case.decisions.all()]
    applications = {a.pk: a for related in (intervention.applications, intervention.continuations)
                    for a in related.select_related("case")}
    events = [(a.created_at.date() if a.planned_start is None else a.planned_start, 0, a.pk, a)
              for a in applications.values()]
    events += [(d.decided_on, 1, d.pk, d) for d in decisions]
    total = intervention.grants.aggregate(total=Sum("amount"))
    return {
        "chain": [e[-1] for e in sorted(events, key=lambda e: e[:3])],
        "total_granted": total["total"] or 0,
    }
