"""Reads of applications, scoped to the requesting user where the query is built."""

from django.db.models import Prefetch, Q

from insatsportal.accounts import policy
from insatsportal.applications import budget as b
from insatsportal.applications import checks
from insatsportal.applications.agreement import agreement_text_current
from insatsportal.applications.models import (
    Application,
    ApplicationVersion,
    BudgetLine,
    BudgetOwner,
    Goal,
    Signature,
    StaffingLine,
)
from insatsportal.applications.serialize import application_to_dict, budget_data_from_model
from insatsportal.core.access import get_for_user


def application_list(*, user, status: str = "", owner_id=None, year=None, search: str = ""):
    queryset = (Application.objects.filter(policy.applications_scope(user))
                .select_related("owner", "budget", "case"))
    if status:
        queryset = queryset.filter(Application.in_status(status))
    if owner_id:
        queryset = queryset.filter(owner_id=owner_id)
    if year:
        queryset = queryset.filter(Q(planned_start__year=year) | Q(planned_end__year=year)
                                   | Q(planned_start__year__lt=year, planned_end__year__gt=year))
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(case_number__icontains=search))
    return queryset.order_by("-planned_start", "name")


def _loaded():
    return Application.objects.select_related(
        "association", "owner", "owner_unit", "anchoring_group", "continues", "intervention",
        "budget", "case",
    ).prefetch_related(
        "partners__member",
        "parts",
        Prefetch("goals", queryset=Goal.objects.order_by("order", "pk")),
        "methods",
        Prefetch("staffing", queryset=StaffingLine.objects.select_related("employer")),
        Prefetch("signatures", queryset=Signature.objects.select_related("member")),
        Prefetch("budget__owners", queryset=BudgetOwner.objects.select_related("member")),
        Prefetch("budget__lines", queryset=BudgetLine.objects.order_by("order", "pk")),
        "budget__years",
    )


# action -> (the section's capability, a check on the application itself)
APPLICATION_ACTIONS = {
    "view": (policy.can_view_applications, None),
    "edit": (policy.can_prepare_applications, policy.can_edit_application),
    "review": (policy.can_review_applications, None),
}


def application_get_for_user(*, user, pk, action: str = "view") -> Application:
    """The application with every section loaded: the one door (core.access)."""
    section, check = APPLICATION_ACTIONS[action]
    return get_for_user(_loaded().filter(policy.applications_scope(user)), pk, user=user,
                        section=section, check=check)


def application_load(pk) -> Application:
    """For services: the application with every section, whoever asks."""
    return _loaded().get(pk=pk)


def budget_data(application) -> b.BudgetData | None:
    try:
        budget = application.budget
    except Application.budget.RelatedObjectDoesNotExist:
        return None
    return budget_data_from_model(budget)


def application_snapshot(application) -> dict:
    return application_to_dict(application, budget_data=budget_data(application))


def application_warnings(application, data: b.BudgetData | None = None,
                         canonical_agreement: str | None = None) -> list[checks.Warning]:
    association = application.association
    warnings = checks.age_warnings(application.age_min, application.age_max)
    warnings += checks.period_warnings(
        application.planned_start, application.planned_end, association.max_period_months
    )
    warnings += checks.staffing_warnings([s.percent for s in application.staffing.all()])
    if canonical_agreement is None:
        canonical_agreement = agreement_text_current(association)
    warnings += checks.agreement_warnings(application.agreement_text, canonical_agreement)
    if data is None:
        data = budget_data(application)
    if data is not None:
        warnings += checks.budget_warnings(
            data,
            planned_start=application.planned_start,
            planned_end=application.planned_end,
            requires_co_financing=association.requires_co_financing,
        )
    return warnings


def status_history(application):
    """The steps of its case (none while it is a draft)."""
    case = getattr(application, "case", None)
    return [] if case is None else case.status_changes.select_related("actor")


def application_versions(application):
    return ApplicationVersion.objects.filter(application=application).select_related(
        "created_by"
    ).defer("snapshot")


def version_pair(application, number: int):
    """The version and the one before it (None for the first)."""
    versions = list(
        ApplicationVersion.objects.filter(application=application, number__in=[number - 1, number])
        .order_by("number")
    )
    current = next((v for v in versions if v.number == number), None)
    previous = next((v for v in versions if v.number == number - 1), None)
    return current, previous
