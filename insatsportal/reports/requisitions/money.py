"""Granted, planned, claimed, paid and remaining money of an intervention.

`summarise` works on plain values; `money_summary` loads them in a fixed number of
queries. Money is Decimal in whole kronor throughout.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from insatsportal.applications import budget as b
from insatsportal.applications.models import BudgetLine, BudgetOwner
from insatsportal.cases.models import Grant
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


def planned_by_category(intervention_id, *, member_id=None) -> dict[str, Decimal]:
    """The approved applications' budget (from the förbund), per category (two queries)."""
    lines = BudgetLine.objects.filter(
        budget__application__intervention_id=intervention_id,
        budget__application__status="decided", funding=b.ASSOCIATION,
    )
    columns = None
    if member_id is not None:
        columns = {
            (budget_id, position)
            for budget_id, position in BudgetOwner.objects.filter(
                budget__application__intervention_id=intervention_id, member_id=member_id
            ).values_list("budget_id", "position")
        }
    planned: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for line in lines:
        key = b.SALARY if line.section == b.SALARY else (line.category or "other")
        for position, amount in enumerate(line.amounts):
            if columns is None or (line.budget_id, position) in columns:
                planned[key] += amount
    return dict(planned)


def requisitioned_by_category(intervention_id, *, member_id=None):
    """(claimed, paid) per category (one query)."""
    lines = RequisitionLine.objects.filter(requisition__intervention_id=intervention_id,
                                           requisition__status__in=RESERVING)
    if member_id is not None:
        lines = lines.filter(requisition__member_id=member_id)
    claimed: dict[str, Decimal] = defaultdict(lambda: ZERO)
    paid: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in lines.values("category", "requisition__status").annotate(total=Sum("amount")):
        target = paid if row["requisition__status"] == Requisition.Status.APPROVED else claimed
        target[row["category"]] += row["total"]
    return dict(claimed), dict(paid)


def money_summary(intervention, *, member_id=None) -> MoneySummary:
    """The intervention's money, or one owner's column of it (five queries at most)."""
    claimed, paid = requisitioned_by_category(intervention.pk, member_id=member_id)
    summary = summarise(granted=granted_totals([intervention.pk])[intervention.pk],
                        planned=planned_by_category(intervention.pk, member_id=member_id),
                        claimed=claimed, paid=paid)
    return summary


def remaining_of_grant(intervention_id) -> Decimal:
    """The grant total minus approved and pending claims (two queries)."""
    granted = granted_totals([intervention_id])[intervention_id]
    reserved = Requisition.objects.filter(
        intervention_id=intervention_id, status__in=RESERVING
    ).aggregate(total=Sum("total"))["total"] or ZERO
    return granted - reserved
