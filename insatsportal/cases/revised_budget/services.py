"""Writes of a grant's revised budget (the model lives with the intervention)."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.applications.budget import COST_CATEGORY_LABELS as CATEGORY_LABELS
from insatsportal.cases.models import Grant
from insatsportal.core.audit import log_action
from insatsportal.core.money import format_kr, to_kronor
from insatsportal.interventions.models import RevisedBudget, RevisedBudgetLine
from insatsportal.interventions.services import InterventionError

ZERO = Decimal(0)


def revision_columns(grant: Grant) -> set[int]:
    """Members that may carry a column of the revised budget: the application's owner
    columns (and the lead owner)."""
    columns = {grant.intervention.owner_id}
    application = grant.decision.case.application
    budget = getattr(application, "budget", None) if application else None
    if budget is not None:
        columns |= {owner.member_id for owner in budget.owners.all()}
    return columns


def _check_cells(grant: Grant, cells: dict) -> Decimal:
    columns = revision_columns(grant)
    years = range(grant.period_start.year, grant.period_end.year + 1)
    for (member_id, year, category), amount in cells.items():
        if member_id not in columns:
            raise InterventionError(_("Only organisations with a budget column of the grant "
                                      "can have a column in the revised budget."))
        if year not in years:
            raise InterventionError(
                _("The revised budget covers the granted period, %(first)s–%(last)s only.")
                % {"first": years[0], "last": years[-1]})
        if category not in CATEGORY_LABELS:
            raise InterventionError(_("Unknown budget category."))
        if amount < 0:
            raise InterventionError(_("Amounts cannot be negative."))
    total = sum(cells.values(), ZERO)
    if total <= 0:
        raise InterventionError(_("Enter the revised budget."))
    if total > grant.amount:
        raise InterventionError(
            _("The revised budget of %(total)s is more than the grant, %(grant)s.")
            % {"total": format_kr(total), "grant": format_kr(grant.amount)})
    return total


@transaction.atomic
def revised_budget_submit(*, grant: Grant, cells: dict[tuple[int, int, str], Decimal],
                          note: str = "", actor) -> RevisedBudget:
    """A new version of the revised budget: cells are (member pk, year, category) -> kronor."""
    grant = Grant.objects.select_for_update().select_related(
        "intervention", "decision__case__application").get(pk=grant.pk)
    cells = {key: to_kronor(value) for key, value in cells.items() if value}
    total = _check_cells(grant, cells)
    if grant.revised_budgets.filter(status=RevisedBudget.Status.SUBMITTED).exists():
        raise InterventionError(_("A revised budget is already waiting for the office's "
                                  "approval."))
    version = (grant.revised_budgets.aggregate(last=Max("version"))["last"] or 0) + 1
    revision = RevisedBudget.objects.create(grant=grant, version=version, total=total,
                                            owner_note=note, submitted_by=actor)
    RevisedBudgetLine.objects.bulk_create(
        RevisedBudgetLine(revision=revision, member_id=member_id, year=year, category=category,
                          amount=amount)
        for (member_id, year, category), amount in sorted(cells.items())
    )
    log_action(actor=actor, obj=grant.intervention, action="revised_budget.submitted",
               data={"grant": grant.pk, "version": version, "total": str(total)})
    return revision


def _decide(revision: RevisedBudget, *, status: str, note: str, actor,
            today: datetime.date | None) -> RevisedBudget:
    revision = RevisedBudget.objects.select_for_update().select_related(
        "grant__intervention").get(pk=revision.pk)
    if revision.status != RevisedBudget.Status.SUBMITTED:
        raise InterventionError(_("This version has already been decided (%(status)s).")
                                % {"status": revision.get_status_display()})
    revision.status = status
    revision.office_note = note
    revision.decided_by = actor
    revision.decided_on = today or timezone.localdate()
    revision.save(update_fields=["status", "office_note", "decided_by", "decided_on"])
    return revision


@transaction.atomic
def revised_budget_approve(*, revision: RevisedBudget, actor, note: str = "",
                           today: datetime.date | None = None) -> RevisedBudget:
    """The approved version becomes the grant's budget of record."""
    revision = _decide(revision, status=RevisedBudget.Status.APPROVED, note=note, actor=actor,
                       today=today)
    log_action(actor=actor, obj=revision.grant.intervention, action="revised_budget.approved",
               data={"grant": revision.grant_id, "version": revision.version,
                     "total": str(revision.total)})
    return revision


@transaction.atomic
def revised_budget_return(*, revision: RevisedBudget, actor, note: str,
                          today: datetime.date | None = None) -> RevisedBudget:
    if not note.strip():
        raise InterventionError(_("Say why the revised budget is returned."))
    revision = _decide(revision, status=RevisedBudget.Status.RETURNED, note=note, actor=actor,
                       today=today)
    log_action(actor=actor, obj=revision.grant.intervention, action="revised_budget.returned",
               data={"grant": revision.grant_id, "version": revision.version})
    return revision


def revision_needed(record) -> bool:
    """The grant differs from its application and no revised budget is approved yet."""
    return record.differs and record.source != "revised"
