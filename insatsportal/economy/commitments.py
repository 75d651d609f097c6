"""Where the förbund's money goes, year by year, read from the decisions and requisitions.

- committed: every grant's budget of record (the decision, not the application);
- prospective: applications whose case is still open, by their proposal or as applied;
- outcome: approved requisitions.
Each function returns rows per intervention or case so that the pages can drill down.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, Sum

from insatsportal.applications import budget as b
from insatsportal.applications.models import BudgetLine, BudgetOwner
from insatsportal.applications.serialize import budget_data_from_model
from insatsportal.cases.budget_of_record import budgets_of_record, year_table
from insatsportal.cases.models import Case, Grant
from insatsportal.economy.arithmetic import ZERO, YearAmounts, add_years, pro_rata_by_year
from insatsportal.reports.models import Requisition


@dataclass(frozen=True)
class Line:
    """One intervention's or case's amounts per year, for the drill-down."""

    label: str
    by_year: YearAmounts
    intervention_id: int | None = None
    case_id: int | None = None
    note: str = ""


def committed_lines() -> list[Line]:
    """Every grant's budget of record per year."""
    grants = Grant.objects.order_by("period_start", "pk").values_list("pk", flat=True)
    return [
        Line(label=record.grant.intervention.name, by_year=dict(record.by_year),
             intervention_id=record.grant.intervention_id,
             case_id=record.grant.decision.case_id, note=record.explanation)
        for record in budgets_of_record(list(grants))
    ]


def application_years(application, data: b.BudgetData | None, *, amount=None,
                      start: datetime.date | None = None,
                      end: datetime.date | None = None) -> YearAmounts:
    """An application's money per year: its own year table when the amount and period are
    as applied and the table adds up; otherwise the amount spread over the period by days
    (the rule the budget of record follows once the application is granted).
    """
    applied = b.compute(data).total_association if data is not None else ZERO
    amount = applied if amount is None else Decimal(amount)
    start = start or application.planned_start
    end = end or application.planned_end
    if start is None or end is None or amount <= 0:
        return {}
    as_applied = (amount == applied and start == application.planned_start
                  and end == application.planned_end)
    if as_applied and data is not None:
        table = year_table(data.years, first_year=start.year)
        if table and sum(table.values(), ZERO) == amount and (
                min(table) >= start.year and max(table) <= end.year):
            return table
    return pro_rata_by_year(amount, start, end)


def _open_cases():
    return (
        Case.objects.filter(status__in=Case.OPEN, application__isnull=False)
        .select_related("application__budget", "proposal", "intervention")
        .prefetch_related(
            Prefetch("application__budget__owners",
                     queryset=BudgetOwner.objects.select_related("member")),
            Prefetch("application__budget__lines", queryset=BudgetLine.objects.order_by("order")),
            "application__budget__years",
        )
        .order_by("number")
    )


def budget_data_of(application) -> b.BudgetData | None:
    try:
        return budget_data_from_model(application.budget)
    except type(application).budget.RelatedObjectDoesNotExist:
        return None


def case_years(case: Case) -> YearAmounts:
    """A case's money per year: by its proposal if drafted, else as applied."""
    application = case.application
    data = budget_data_of(application)
    proposal = getattr(case, "proposal", None)
    if proposal is not None:
        return application_years(application, data, amount=proposal.amount,
                                 start=proposal.period_start, end=proposal.period_end)
    return application_years(application, data)


def prospective_lines(*, exclude_case_id: int | None = None) -> list[Line]:
    """Applications whose case is open: not yet decided, shown as prospective."""
    return [
        Line(label=f"{case.number} {case.application.name}", by_year=case_years(case),
             intervention_id=case.intervention_id, case_id=case.pk,
             note=str(case.get_status_display()))
        for case in _open_cases()
        if case.pk != exclude_case_id
    ]


def outcome_lines() -> list[Line]:
    """Approved requisitions per intervention and year."""
    rows = (Requisition.objects.filter(status=Requisition.Status.APPROVED)
            .values("intervention_id", "intervention__name", "year")
            .annotate(total=Sum("total")).order_by("intervention__name", "year"))
    lines: dict[int, Line] = {}
    for row in rows:
        key = row["intervention_id"]
        line = lines.get(key) or Line(label=row["intervention__name"], by_year={},
                                      intervention_id=key)
        line.by_year[row["year"]] = line.by_year.get(row["year"], ZERO) + row["total"]
        lines[key] = line
    return list(lines.values())


def total_by_year(lines: list[Line]) -> YearAmounts:
    return add_years(*(line.by_year for line in lines))
