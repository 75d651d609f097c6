"""Granted, planned, claimed, paid and remaining money of one period of an intervention.

Every figure follows the budget of record of the period in question (the grant's
approved revised budget, or the application's budget when the grant is what was
applied for, or the grant pro rata): `summarise` works on plain values; `money_summary`
loads them in a fixed number of queries. Money is Decimal in whole kronor throughout.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone

from insatsportal.cases.budget_of_record import (
    BudgetOfRecord,
    budgets_of_record,
    current_of,
)
from insatsportal.cases.models import Grant
from insatsportal.core.calendar import quarter_bounds
from insatsportal.reports.requisitions.models import CATEGORIES, Requisition, RequisitionLine

ZERO = Decimal(0)
RESERVING = (Requisition.Status.SUBMITTED, Requisition.Status.APPROVED)


@dataclass(frozen=True)
class CategoryRow:
    category: str
    label: str
    planned: Decimal
    claimed: Decimal  # awaiting approval
    paid: Decimal  # approved
    remaining: Decimal  # planned - claimed - paid


@dataclass(frozen=True)
class MoneySummary:
    granted: Decimal
    claimed: Decimal
    paid: Decimal
    rows: list[CategoryRow]
    record: BudgetOfRecord | None = None  # the period's budget of record the figures follow

    @property
    def remaining(self) -> Decimal:
        """What can still be claimed: the grant minus approved and pending claims."""
        return self.granted - self.claimed - self.paid

    @property
    def planned(self) -> Decimal:
        return sum((row.planned for row in self.rows), ZERO)

    @property
    def planned_remaining(self) -> Decimal:
        return self.planned - self.claimed - self.paid


def summarise(*, granted: Decimal, planned: dict, claimed: dict, paid: dict) -> MoneySummary:
    rows = [
        CategoryRow(key, str(label), planned.get(key, ZERO), claimed.get(key, ZERO),
                    paid.get(key, ZERO),
                    planned.get(key, ZERO) - claimed.get(key, ZERO) - paid.get(key, ZERO))
        for key, label in CATEGORIES
    ]
    return MoneySummary(granted=granted, claimed=sum(claimed.values(), ZERO),
                        paid=sum(paid.values(), ZERO), rows=rows)


def granted_totals(intervention_ids) -> dict[int, Decimal]:
    rows = (Grant.objects.filter(intervention_id__in=intervention_ids)
            .values("intervention_id").annotate(total=Sum("amount")))
    return defaultdict(lambda: ZERO, {r["intervention_id"]: r["total"] for r in rows})


def quarters_of(grant) -> Q:
    """Requisitions whose quarter overlaps the grant's period."""
    first = (grant.period_start.month - 1) // 3 + 1
    last = (grant.period_end.month - 1) // 3 + 1
    return ((Q(requisition__year__gt=grant.period_start.year)
             | Q(requisition__year=grant.period_start.year, requisition__quarter__gte=first))
            & (Q(requisition__year__lt=grant.period_end.year)
               | Q(requisition__year=grant.period_end.year, requisition__quarter__lte=last)))


def period_records(intervention_id) -> list[BudgetOfRecord]:
    return budgets_of_record(Grant.objects.filter(intervention_id=intervention_id)
                             .order_by("period_start"))


def record_for_quarter(records, year: int, quarter: int) -> BudgetOfRecord | None:
    """The period whose grant covers the quarter (the later one where two meet)."""
    first, last = quarter_bounds(year, quarter)
    covering = [r for r in records if r.grant.period_start <= last
                and r.grant.period_end >= first]
    return max(covering, key=lambda r: r.grant.period_start, default=None)


def requisitioned_by_category(intervention_id, *, member_id=None, grant=None):
    """(claimed, paid) per category, within the grant's quarters when given (one query)."""
    lines = RequisitionLine.objects.filter(requisition__intervention_id=intervention_id,
                                           requisition__status__in=RESERVING)
    if grant is not None:
        lines = lines.filter(quarters_of(grant))
    if member_id is not None:
        lines = lines.filter(requisition__member_id=member_id)
    claimed: dict[str, Decimal] = defaultdict(lambda: ZERO)
    paid: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in lines.values("category", "requisition__status").annotate(total=Sum("amount")):
        target = paid if row["requisition__status"] == Requisition.Status.APPROVED else claimed
        target[row["category"]] += row["total"]
    return dict(claimed), dict(paid)


def money_summary(intervention, *, member_id=None, record: BudgetOfRecord | None = None,
                  today: datetime.date | None = None) -> MoneySummary:
    """One period's money (the current period unless `record` names one), for all owners
    or one owner's column (seven queries at most)."""
    if record is None:
        record = current_of(period_records(intervention.pk),
                            today=today or timezone.localdate())
    if record is None:
        return summarise(granted=ZERO, planned={}, claimed={}, paid={})
    claimed, paid = requisitioned_by_category(intervention.pk, member_id=member_id,
                                              grant=record.grant)
    if member_id is None:
        granted, planned = record.total, record.by_category
    else:
        granted = record.by_owner.get(member_id, ZERO)
        planned = record.by_owner_category.get(member_id, {})
    summary = summarise(granted=granted, planned=planned, claimed=claimed, paid=paid)
    return MoneySummary(granted=summary.granted, claimed=summary.claimed, paid=summary.paid,
                        rows=summary.rows, record=record)


def remaining_of_period(record: BudgetOfRecord) -> Decimal:
    """The period's budget of record minus approved and pending claims in its quarters."""
    reserved = Requisition.objects.filter(
        pk__in=RequisitionLine.objects.filter(quarters_of(record.grant))
        .values("requisition_id"),
        intervention_id=record.grant.intervention_id, status__in=RESERVING,
    ).aggregate(total=Sum("total"))["total"] or ZERO
    return record.total - reserved


def remaining_of_grant(intervention_id, *, year: int | None = None,
                       quarter: int | None = None) -> Decimal:
    """What remains of the period covering the quarter (the current period without one)."""
    records = period_records(intervention_id)
    if year is None:
        record = current_of(records, today=timezone.localdate())
    else:
        record = record_for_quarter(records, year, quarter)
    return remaining_of_period(record) if record else ZERO


def claimants(intervention, record: BudgetOfRecord | None) -> dict:
    """Who may claim in the period and who may not (a partner without a budget column)."""
    if record is None:
        return {"may": [], "may_not": []}
    members = {intervention.owner_id: intervention.owner,
               **{m.pk: m for m in intervention.partners.all()}}
    return {"may": [m for pk, m in members.items() if record.by_owner.get(pk)],
            "may_not": [m for pk, m in members.items() if not record.by_owner.get(pk)]}
