"""The budget of record of a grant: the one budget every money page, requisition and
national figure after the decision follows.

The decision, not the application, is the record. The application's budget is used
as it stands only when the grant is exactly what was applied for (amount and period);
otherwise the office's approved revised budget is used, and until one exists the
granted amount is spread over the granted period by days (flagged as pro rata).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from insatsportal.applications import budget as b
from insatsportal.applications.models import BudgetLine, BudgetOwner, BudgetYear
from insatsportal.cases.models import Grant
from insatsportal.core.money import format_kr
from insatsportal.interventions.models import RevisedBudget

ZERO = Decimal(0)

REVISED = "revised"
APPLIED = "applied"
PRO_RATA = "pro_rata"


@dataclass(frozen=True)
class BudgetOfRecord:
    grant: Grant
    source: str  # REVISED, APPLIED or PRO_RATA
    explanation: str  # one sentence: which budget is used and why
    by_year: dict[int, Decimal]  # kronor per calendar year inside the granted period
    by_owner: dict[int, Decimal]  # kronor per member pk with a budget column
    total: Decimal  # grant.amount, or the approved revised budget's total (never above it)
    # kronor per member pk and requisition category (salary or a template cost row)
    by_owner_category: dict[int, dict[str, Decimal]] = field(default_factory=dict)
    revision: object = None  # the approved RevisedBudget when source is REVISED
    differs: bool = False  # the grant differs from its application in amount or period

    @property
    def name(self) -> str:
        """The period's own name: its application's, or the case's heading."""
        case = self.grant.decision.case
        return case.application.name if case.application_id else case.title

    @property
    def by_category(self) -> dict[str, Decimal]:
        totals: dict[str, Decimal] = defaultdict(lambda: ZERO)
        for cells in self.by_owner_category.values():
            for category, amount in cells.items():
                totals[category] += amount
        return dict(totals)

    @property
    def is_pro_rata(self) -> bool:
        return self.source == PRO_RATA

    def year(self, year: int) -> Decimal | None:
        """The budget for a calendar year; None outside the granted period (not 0)."""
        return self.by_year.get(year)


def spread(total: Decimal, weights: dict) -> dict:
    """Share whole kronor by weight so that the parts sum to `total` exactly.

    Largest remainder: each key gets the floor of its share, then the kronor left go to
    the largest remainders (ties to the earlier key), so no rounding drift.
    """
    keys = [k for k, w in weights.items() if w > 0]
    whole = int(total)
    weight_sum = sum((Decimal(weights[k]) for k in keys), ZERO)
    if not keys or weight_sum <= 0:
        return {}
    shares = {k: Decimal(whole) * Decimal(weights[k]) / weight_sum for k in keys}
    floors = {k: int(shares[k]) for k in keys}
    left = whole - sum(floors.values())
    for k in sorted(keys, key=lambda k: shares[k] - floors[k], reverse=True)[:left]:
        floors[k] += 1
    return {k: Decimal(v) for k, v in floors.items()}


def days_per_year(start: datetime.date, end: datetime.date) -> dict[int, int]:
    """Days of each calendar year inside [start, end], both ends included."""
    return {
        year: (min(end, datetime.date(year, 12, 31))
               - max(start, datetime.date(year, 1, 1))).days + 1
        for year in range(start.year, end.year + 1)
    }


def pro_rata_by_year(total: Decimal, start: datetime.date, end: datetime.date) -> dict:
    return spread(total, days_per_year(start, end))


# --- The application's budget as plain values --------------------------------

def category_of(line) -> str:
    """The requisition category of an application budget line."""
    return b.SALARY if line.section == b.SALARY else (line.category or "other")


@dataclass(frozen=True)
class _Applied:
    total: Decimal  # from the förbund
    cells: dict[tuple[int, str], Decimal]  # (member pk, category) -> kronor
    years: list  # BudgetYear rows
    planned_start: datetime.date | None
    planned_end: datetime.date | None


def _applied(application) -> _Applied | None:
    budget = getattr(application, "budget", None) if application else None
    if budget is None:
        return None
    member_at = {owner.position: owner.member_id for owner in budget.owners.all()}
    cells: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for line in budget.lines.all():
        if line.funding != b.ASSOCIATION:
            continue
        for position, amount in enumerate(line.amounts):
            if amount and position in member_at:
                cells[(member_at[position], category_of(line))] += amount
    return _Applied(total=sum(cells.values(), ZERO), cells=dict(cells),
                    years=list(budget.years.all()), planned_start=application.planned_start,
                    planned_end=application.planned_end)


def year_table(years, *, first_year: int | None) -> dict[int, Decimal] | None:
    """The year table by calendar year; År n without a year counts from `first_year`."""
    table: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for row in years:
        year = row.year or (first_year + row.index - 1 if first_year else None)
        if year is None:
            return None
        table[year] += row.salary + row.premises + row.other
    return {year: amount for year, amount in sorted(table.items()) if amount} or None


def _usable_years(table, *, total, start, end) -> bool:
    return (table is not None and sum(table.values(), ZERO) == total
            and all(start.year <= year <= end.year for year in table))


def nest(cells: dict[tuple[int, str], Decimal]) -> dict[int, dict[str, Decimal]]:
    nested: dict[int, dict[str, Decimal]] = defaultdict(dict)
    for (member_id, category), amount in cells.items():
        if amount:
            nested[member_id][category] = nested[member_id].get(category, ZERO) + amount
    return dict(nested)


def _owner_cells(total: Decimal, cells: dict, lead_id: int) -> dict[int, dict[str, Decimal]]:
    """The application's columns and categories scaled to `total` (whole kronor)."""
    return nest(spread(total, cells) or {(lead_id, "other"): total})


def _sums(nested: dict[int, dict[str, Decimal]]) -> dict[int, Decimal]:
    return {member_id: sum(cells.values(), ZERO) for member_id, cells in nested.items()}


def _record(grant: Grant, revision) -> BudgetOfRecord:
    case = grant.decision.case
    application = case.application if case.application_id else None
    applied = _applied(application)
    amount, start, end = grant.amount, grant.period_start, grant.period_end
    same = applied is not None and (applied.total == amount and applied.planned_start == start
                                    and applied.planned_end == end)
    if revision is not None:
        return _revised(grant, revision, differs=applied is not None and not same)
    lead_id = grant.intervention.owner_id
    period = f"{start.isoformat()}–{end.isoformat()}"
    if applied is None:
        return BudgetOfRecord(
            grant=grant, source=PRO_RATA,
            explanation=_("There is no application budget for this grant, so the granted "
                          "%(amount)s is spread by days over %(period)s.")
            % {"amount": format_kr(amount), "period": period},
            by_year=pro_rata_by_year(amount, start, end),
            by_owner={lead_id: amount}, total=amount,
            by_owner_category={lead_id: {"other": amount}} if amount else {},
        )
    cells = _owner_cells(amount, applied.cells, lead_id)
    owners = _sums(cells)
    if not same:
        return BudgetOfRecord(
            grant=grant, source=PRO_RATA,
            explanation=_("The grant (%(amount)s for %(period)s) differs from the application "
                          "and no revised budget is approved yet, so the grant is spread by "
                          "days over the granted period and by the application's owner "
                          "columns.") % {"amount": format_kr(amount), "period": period},
            by_year=pro_rata_by_year(amount, start, end), by_owner=owners, total=amount,
            by_owner_category=cells, differs=True,
        )
    table = year_table(applied.years, first_year=start.year)
    if not _usable_years(table, total=amount, start=start, end=end):
        return BudgetOfRecord(
            grant=grant, source=PRO_RATA,
            explanation=_("The grant is what was applied for, but the application's year "
                          "table does not add up to it within the granted period, so the "
                          "grant is spread by days over %(period)s.") % {"period": period},
            by_year=pro_rata_by_year(amount, start, end), by_owner=owners, total=amount,
            by_owner_category=cells,
        )
    return BudgetOfRecord(
        grant=grant, source=APPLIED,
        explanation=_("The application's budget is used: the grant is the amount and period "
                      "that were applied for."),
        by_year=table, by_owner=owners, total=amount, by_owner_category=cells,
    )


def _revised(grant: Grant, revision, *, differs: bool) -> BudgetOfRecord:
    by_year: dict[int, Decimal] = defaultdict(lambda: ZERO)
    cells: dict[tuple[int, str], Decimal] = defaultdict(lambda: ZERO)
    for line in revision.lines.all():
        by_year[line.year] += line.amount
        cells[(line.member_id, line.category)] += line.amount
    nested = nest(cells)
    return BudgetOfRecord(
        grant=grant, source=REVISED,
        explanation=_("The revised budget approved on %(date)s (version %(version)s) is used, "
                      "since the grant differs from the application.")
        % {"date": revision.decided_on.isoformat() if revision.decided_on else "",
           "version": revision.version},
        by_year=dict(sorted(by_year.items())), by_owner=_sums(nested),
        total=sum(by_year.values(), ZERO), by_owner_category=nested, revision=revision,
        differs=differs,
    )


# --- Loading -------------------------------------------------------------------

def _grants_loaded(pks):
    return (
        Grant.objects.filter(pk__in=pks)
        .select_related("intervention", "decision__case__application__budget")
        .prefetch_related(
            Prefetch("decision__case__application__budget__lines",
                     queryset=BudgetLine.objects.only(
                         "budget_id", "funding", "section", "category",
                         *[f"amount_{i}" for i in range(b.OWNER_COLUMNS)])),
            Prefetch("decision__case__application__budget__owners",
                     queryset=BudgetOwner.objects.all()),
            Prefetch("decision__case__application__budget__years",
                     queryset=BudgetYear.objects.all()),
        )
    )


def _approved_revisions(grant_ids) -> dict:
    """The latest approved revised budget per grant, its lines prefetched (two queries)."""
    latest = {}
    for revision in (RevisedBudget.objects.filter(grant_id__in=grant_ids,
                                                  status=RevisedBudget.Status.APPROVED)
                     .order_by("grant_id", "version").prefetch_related("lines")):
        latest[revision.grant_id] = revision
    return latest


def budgets_of_record(grants) -> list[BudgetOfRecord]:
    """The budget of record of each grant, in the order given, in a constant number of
    queries whatever the number of grants."""
    pks = [g.pk if isinstance(g, Grant) else int(g) for g in grants]
    if not pks:
        return []
    loaded = {g.pk: g for g in _grants_loaded(pks)}
    revisions = _approved_revisions(list(loaded))
    return [_record(loaded[pk], revisions.get(pk)) for pk in pks if pk in loaded]


def budget_of_record(grant) -> BudgetOfRecord:
    return budgets_of_record([grant])[0]


def current_of(records: list[BudgetOfRecord], *, today: datetime.date):
    """The period in force today: the latest that has begun, else the first to come."""
    begun = [r for r in records if r.grant.period_start <= today]
    if begun:
        return max(begun, key=lambda r: r.grant.period_start)
    return min(records, key=lambda r: r.grant.period_start, default=None)
