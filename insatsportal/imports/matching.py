"""Which application and intervention an imported decision answers (reads only)."""

from insatsportal.applications.budget import parse_date
from insatsportal.applications.models import Application
from insatsportal.imports.mapping import same_name
from insatsportal.interventions.models import Intervention


def application_answered(*, name: str, owner: str = "", period_start=None):
    """The application of that intervention name (fuzzy), not yet decided, by the owner.

    Among several, the latest one that starts no later than the decision's period.
    """
    start = parse_date(period_start) if period_start else None
    candidates = [
        a for a in Application.objects.select_related("owner", "case").exclude(
            Application.in_status(Application.Status.DECIDED)).order_by("-planned_start", "-pk")
        if same_name(a.name, name) and (not owner or a.owner.name == owner)
    ]
    for application in candidates:
        if start is None or application.planned_start is None or (
                application.planned_start <= start):
            return application
    return candidates[0] if candidates else None


def intervention_named(*, name: str, owner: str = "") -> Intervention | None:
    """The intervention of that name, or the one a later application says it continues.

    "En väg in – flera vägar ut Knivsta" goes on as "En väg in – steget vidare": the later
    application names it as predecessor.
    """
    for intervention in Intervention.objects.select_related("owner"):
        if same_name(intervention.name, name) and (not owner or intervention.owner.name == owner):
            return intervention
    for application in Application.objects.exclude(continues=None).select_related("continues"):
        if same_name(application.predecessor_name, name):
            return application.continues
    return None


def decision_answers(facts: dict) -> dict:
    """{"application": ..., "intervention": ...} that an imported decision answers."""
    application = application_answered(name=facts["intervention_name"], owner=facts["owner"],
                                       period_start=facts["period_start"])
    intervention = None if application else intervention_named(
        name=facts["intervention_name"], owner=facts["owner"])
    return {"application": application, "intervention": intervention}
