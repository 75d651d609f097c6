"""The dashboards' figures: every intervention in a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Min, Sum
from django.db.models.functions import TruncQuarter

from insatsportal.core.calendar import quarter_bounds
from insatsportal.participants import facts
from insatsportal.participants.aggregates import suppress_value
from insatsportal.reports.goals import rules
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.models import Requisition
from insatsportal.reports.quarterly import services as quarterly
from insatsportal.reports.requisitions.money import ZERO, granted_totals


class QuarterOf(TruncQuarter):
    """The first day of a date column's quarter. PostgreSQL's date_trunc takes no bare date:
    it would cast it to a timestamp with time zone and apply the zone's rules to every row,
    which made the overview's grouped count about a third slower than a cast without zone."""

    def as_postgresql(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"DATE_TRUNC('quarter', ({sql})::timestamp)::date", params


@dataclass(frozen=True)
class OverviewCounts:
    new: list  # per quarter
    ended: list  # per quarter
    to_work: dict  # sex -> discharged to work or studies
    other_outcome: dict  # sex -> discharged otherwise


def overview_counts(intervention, quarters) -> OverviewCounts:
    """The overview's participant charts: started and discharged per calendar quarter
    (first, last), and outcomes by sex. One query grouped by sex, outcome and the quarters
    started and discharged in (a few hundred rows), summed here: two filtered counts per
    quarter made the database test every condition on every person's row."""
    index = {}
    for n, (first, last) in enumerate(quarters):
        if (first, last) != quarter_bounds(first.year, (first.month - 1) // 3 + 1):
            raise ValueError("The overview counts calendar quarters.")
        index[first] = n
    new, ended = [0] * len(quarters), [0] * len(quarters)
    to_work, discharged = defaultdict(int), defaultdict(int)
    rows = facts.counted(intervention_id=intervention.pk).order_by().values_list(
        "sex", "to_work", QuarterOf("started_on"), QuarterOf("discharged_on")
    ).annotate(n=Count("pk"))
    for sex, went_to_work, started, left, n in rows:
        if started in index:
            new[index[started]] += n
        if went_to_work:  # only the discharged (facts.TO_WORK)
            to_work[sex] += n
        if left is not None:
            discharged[sex] += n
            if left in index:
                ended[index[left]] += n
    return OverviewCounts(new=new, ended=ended, to_work=dict(to_work),
                          other_outcome={sex: n - to_work.get(sex, 0)
                                         for sex, n in discharged.items()})


def first_start(intervention) -> datetime.date | None:
    """When the intervention's first counted participant started (one query): where its
    charts begin when the intervention has no start date."""
    return facts.counted(intervention_id=intervention.pk).aggregate(
        first=Min("started_on"))["first"]


@dataclass(frozen=True)
class DashboardRow:
    intervention: object
    granted: object
    paid: object
    awaiting: object
    participants: int | None  # None: hidden (small group)
    to_work_or_studies: int | None
    goal_counts: dict
    overdue_report: object  # DueReport or None
    requisitions_waiting: int


def participant_counts(intervention_ids) -> dict[int, dict]:
    """Participants and discharges to work or studies per intervention (one query, read
    from the index facts_by_intervention alone)."""
    rows = (facts.counted(intervention_id__in=intervention_ids)
            .order_by().values("intervention_id")
            .annotate(total=Count("*"), to_work=Count("to_work", filter=facts.TO_WORK)))
    return {r["intervention_id"]: r for r in rows}


def dashboard_rows(interventions, *, today: datetime.date) -> list[DashboardRow]:
    interventions = list(interventions)
    ids = [i.pk for i in interventions]
    granted = granted_totals(ids)
    money = defaultdict(lambda: {"approved": ZERO, "submitted": ZERO, "waiting": 0})
    for row in (Requisition.objects.filter(intervention_id__in=ids)
                .values("intervention_id", "status").annotate(total=Sum("total"), n=Count("pk"))):
        entry = money[row["intervention_id"]]
        if row["status"] == Requisition.Status.APPROVED:
            entry["approved"] = row["total"]
        elif row["status"] == Requisition.Status.SUBMITTED:
            entry["submitted"] = row["total"]
            entry["waiting"] = row["n"]
    counts = participant_counts(ids)
    goal_results = goal_data.goals_for_interventions(ids, today=today)
    overdue = {d.intervention.pk: d for d in quarterly.reports_due(interventions, today=today)
               if d.overdue}
    rows = []
    for intervention in interventions:
        c = counts.get(intervention.pk, {"total": 0, "to_work": 0})
        results = [r for item in goal_results[intervention.pk] for r in item.results]
        rows.append(DashboardRow(
            intervention=intervention, granted=granted[intervention.pk],
            paid=money[intervention.pk]["approved"],
            awaiting=money[intervention.pk]["submitted"],
            participants=suppress_value(c["total"], c["total"]) if c["total"] else 0,
            to_work_or_studies=suppress_value(c["to_work"], c["to_work"]) if c["to_work"]
            else 0,
            goal_counts=rules.status_counts(results),
            overdue_report=overdue.get(intervention.pk),
            requisitions_waiting=money[intervention.pk]["waiting"],
        ))
    return rows
