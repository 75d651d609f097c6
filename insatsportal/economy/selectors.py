"""Reads of the förbund's economy. Only the office and the board see it (policy)."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from insatsportal.accounts import policy
from insatsportal.economy import commitments
from insatsportal.economy.arithmetic import (
    ZERO,
    YearAmounts,
    YearFigures,
    YearInput,
    project_years,
    years_made_negative,
)
from insatsportal.economy.models import (
    DEFAULT_EQUITY_CEILING_PERCENT,
    Contribution,
    EconomySettings,
    FiscalYear,
)
from insatsportal.organisations.selectors import association_current
from insatsportal.reports.models import AdministrativeCost

WINDOW = 4  # this year and the next three


def ceiling_percent(association) -> Decimal:
    settings = EconomySettings.objects.filter(association=association).first()
    return settings.equity_ceiling_percent if settings else DEFAULT_EQUITY_CEILING_PERCENT


def fiscal_years(association):
    return (FiscalYear.objects.filter(association=association)
            .prefetch_related(Prefetch("contributions",
                                       queryset=Contribution.objects.select_related("member")),
                              "planned_costs"))


def year_input(fiscal_year: FiscalYear) -> YearInput:
    contributions = list(fiscal_year.contributions.all())
    return YearInput(
        contributions=sum((c.amount for c in contributions), ZERO),
        contributions_decided=bool(contributions) and all(c.decided is not None
                                                          for c in contributions),
        opening_equity=fiscal_year.opening_equity,
        administration=fiscal_year.administration,
        other_costs=sum((c.amount for c in fiscal_year.planned_costs.all()), ZERO),
    )


def year_inputs(association) -> dict[int, YearInput]:
    return {fy.year: year_input(fy) for fy in fiscal_years(association)}


def decided_years(association, *, on: datetime.date) -> set[int]:
    """Years whose every contribution was decided on or before `on`."""
    years: dict[int, bool] = {}
    for c in Contribution.objects.filter(fiscal_year__association=association).values(
            "fiscal_year__year", "decided", "decided_on"):
        decided = c["decided"] is not None and c["decided_on"] <= on
        year = c["fiscal_year__year"]
        years[year] = years.get(year, True) and decided
    return {year for year, decided in years.items() if decided}


@dataclass(frozen=True)
class Overview:
    years: list[int]
    figures: list[YearFigures]
    committed: list[commitments.Line]
    prospective: list[commitments.Line]
    outcome: list[commitments.Line]
    ceiling_percent: Decimal


def economy_overview(*, user, first_year: int, count: int = WINDOW) -> Overview | None:
    if not policy.can_view_economy(user):
        return None
    association = association_current()
    committed = commitments.committed_lines()
    prospective = commitments.prospective_lines()
    outcome = commitments.outcome_lines()
    years = list(range(first_year, first_year + count))
    percent = ceiling_percent(association)
    figures = project_years(
        years, inputs=year_inputs(association),
        committed=commitments.total_by_year(committed),
        prospective=commitments.total_by_year(prospective),
        outcome=commitments.total_by_year(outcome), ceiling_percent=percent,
    )
    return Overview(years, figures, committed, prospective, outcome, percent)


@dataclass(frozen=True)
class YearDetail:
    year: int
    figures: YearFigures
    fiscal_year: FiscalYear | None
    contributions: list[Contribution]
    committed: list[tuple[commitments.Line, Decimal]]
    prospective: list[tuple[commitments.Line, Decimal]]
    outcome: list[tuple[commitments.Line, Decimal]]
    administration_outcome: Decimal | None


def _in_year(lines, year):
    return [(line, line.by_year[year]) for line in lines if line.by_year.get(year)]


def year_detail(*, user, year: int) -> YearDetail | None:
    """One year's figures and the interventions, cases and members behind each."""
    overview = economy_overview(user=user, first_year=year, count=1)
    if overview is None:
        return None
    fiscal_year = fiscal_years(association_current()).filter(year=year).first()
    cost = AdministrativeCost.objects.filter(year=year).first()
    return YearDetail(
        year=year, figures=overview.figures[0], fiscal_year=fiscal_year,
        contributions=list(fiscal_year.contributions.all()) if fiscal_year else [],
        committed=_in_year(overview.committed, year),
        prospective=_in_year(overview.prospective, year),
        outcome=_in_year(overview.outcome, year),
        administration_outcome=cost.amount if cost else None,
    )


@dataclass(frozen=True)
class RoomCheck:
    """Whether an amount per year fits in the förbund's budget, with the figures."""

    amounts: YearAmounts
    room_before: dict[int, Decimal]
    negative: list[YearFigures]
    undecided_years: list[int]
    unrecorded_years: list[int] = field(default_factory=list)

    @property
    def fits(self) -> bool:
        return bool(self.amounts) and not self.negative and not self.unrecorded_years


def room_check(amounts: YearAmounts, *, today: datetime.date) -> RoomCheck:
    """Would `amounts` per year (a new grant) fit beside what is already committed?"""
    association = association_current()
    inputs = year_inputs(association)
    committed = commitments.total_by_year(commitments.committed_lines())
    years = sorted(amounts)
    before = project_years(years, inputs=inputs, committed=committed, prospective={},
                           ceiling_percent=ZERO) if years else []
    decided = decided_years(association, on=today)
    return RoomCheck(
        amounts=amounts,
        room_before={f.year: f.room for f in before},
        negative=years_made_negative(inputs=inputs, committed=committed, extra=amounts),
        undecided_years=[y for y in years if y not in decided],
        unrecorded_years=[y for y in years if y not in inputs],
    )


def case_room(case, *, today: datetime.date, amount=None, start=None,
              end=None) -> RoomCheck | None:
    """The room check for a case's application: by the given amount and period, its
    proposal's, or as applied."""
    if case.application_id is None:
        return None
    if amount is None and start is None and end is None:
        amounts = commitments.case_years(case)
    else:
        application = case.application
        amounts = commitments.application_years(
            application, commitments.budget_data_of(application), amount=amount,
            start=start, end=end)
    return room_check(amounts, today=today)


def years_beyond_decided(start: datetime.date | None, end: datetime.date | None, *,
                         today: datetime.date) -> list[int]:
    """The years of a period whose contributions are not all decided as of `today`.

    A förbund that records no contributions has no decided year: every year counts, so
    the proposal keeps the conditional clause.
    """
    if start is None or end is None:
        return []
    decided = decided_years(association_current(), on=today)
    return [year for year in range(start.year, end.year + 1) if year not in decided]
