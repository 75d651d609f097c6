"""Quarterly reports: the figures the system knows for a quarter, the owner's narrative,
submission (which freezes the figures), the office's review, and what is due.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.applications.models import Application
from insatsportal.cases.models import Grant
from insatsportal.core import audit
from insatsportal.core.audit import log_action
from insatsportal.core.calendar import add_months, quarter_bounds, quarter_of
from insatsportal.core.changes import unchanged
from insatsportal.participants import facts
from insatsportal.participants.aggregates import suppress_row, suppress_value
from insatsportal.participants.models import Activity, Rating, Sex
from insatsportal.reports.errors import ReportError
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.goals.rules import share
from insatsportal.reports.models import Deviation, QuarterlyReport
from insatsportal.reports.requisitions.money import money_summary

NARRATIVE = ("went_well", "problems", "samverkan", "next_quarter")
SEXES = [value for value, _label in Sex.choices]


def _people_row(label, by_sex: dict) -> dict:
    row = suppress_row(label, [by_sex.get(sex, 0) for sex in SEXES])
    return {"label": label, "cells": row.cells, "total": row.total}


def _progress(intervention, first, last) -> dict:
    """The quarter's progress ratings: how many, and the share of those rated in the quarter
    (and at least twice by its end) whose latest mean is above their first; small groups
    hidden (two queries)."""
    people = facts.counted(intervention_id=intervention.pk)
    ratings = Rating.objects.filter(participant__in=people.values("participant_id"),
                                    rated_on__gte=first, rated_on__lte=last).count()
    rated = Rating.objects.filter(participant_id=OuterRef("participant_id"),
                                  rated_on__gte=first, rated_on__lte=last)
    counts = (people.filter(Exists(rated)).annotate(better=facts.improved_on(last))
              .aggregate(compared=Count("pk", filter=Q(better__isnull=False)),
                         improved=Count("pk", filter=Q(better=True))))
    compared = counts["compared"]
    percent = share(counts["improved"], compared)
    return {"ratings": ratings,
            "compared": suppress_value(compared, compared) if compared else 0,
            "improved_share": None if percent is None
            else _number(suppress_value(percent, compared))}


def _activities(intervention, first, last) -> list[dict]:
    """Activities of the quarter of the people who count, per kind (one query, read from the
    index on the day, kind and person)."""
    people = facts.counted(intervention_id=intervention.pk).values("participant_id")
    counts = dict(
        Activity.objects.filter(participant_id__in=people, occurred_on__gte=first,
                                occurred_on__lte=last)
        .order_by().values("kind").annotate(n=Count("kind")).values_list("kind", "n")
    )
    return [{"key": value, "kind": str(label), "count": counts.get(value, 0)}
            for value, label in Activity.Kind.choices]


def quarter_facts(intervention, year: int, quarter: int) -> dict:
    """Everything the system knows about the quarter, as JSON-ready plain values.

    Aggregates only: participants are counted by sex, small groups hidden (None).
    """
    first, last = quarter_bounds(year, quarter)
    people = facts.people_by_sex(
        facts.counted(intervention_id=intervention.pk),
        new=facts.started_between(first, last), ongoing=facts.active_on(last),
        discharged=facts.discharged_between(first, last),
        to_work=facts.to_work_between(first, last))
    plan_per_year = sum(a.participants_per_year or 0 for a in Application.objects.filter(
        Application.in_status(Application.Status.DECIDED), intervention=intervention,
        planned_start__lte=last, planned_end__gte=first))
    goals = [
        {"application": item.application.name, "goal": r.goal.text,
         "target": _number(r.target), "outcome": _number(r.outcome),
         "forecast": _number(r.forecast), "unit": r.unit, "status": r.status,
         "status_label": r.status_label, "reason": r.reason}
        for item in goal_data.intervention_goals(intervention, today=last)
        for r in item.results
    ]
    summary = money_summary(intervention)
    deviations = Deviation.objects.filter(intervention=intervention, reported_on__gte=first,
                                          reported_on__lte=last)
    return {
        "year": year, "quarter": quarter, "first": first.isoformat(), "last": last.isoformat(),
        "sexes": [str(label) for _value, label in Sex.choices],
        "participants": [
            _people_row(_("New"), people["new"]),
            _people_row(_("Ongoing at the end of the quarter"), people["ongoing"]),
            _people_row(_("Discharged"), people["discharged"]),
            _people_row(_("Discharged to work or studies"), people["to_work"]),
        ],
        "planned_per_quarter": round(plan_per_year / 4, 1) if plan_per_year else None,
        "goals": goals,
        "progress": _progress(intervention, first, last),
        "activities": _activities(intervention, first, last),
        "money": {
            "granted": int(summary.granted), "paid": int(summary.paid),
            "claimed": int(summary.claimed), "remaining": int(summary.remaining),
            "rows": [{"label": r.label, "planned": int(r.planned), "paid": int(r.paid),
                      "claimed": int(r.claimed)} for r in summary.rows
                     if r.planned or r.paid or r.claimed],
        },
        "deviations": [{"kind": d.get_kind_display(), "description": d.description,
                        "decision_needed": d.decision_needed,
                        "reported_on": d.reported_on.isoformat()} for d in deviations],
    }


def _number(value):
    return None if value is None else float(value)


def report_facts(report: QuarterlyReport) -> dict:
    """The frozen figures of a submitted report, or today's figures of a draft."""
    if report.snapshot is not None:
        return report.snapshot
    return quarter_facts(report.intervention, report.year, report.quarter)


@transaction.atomic
def report_open(*, intervention, year: int, quarter: int, actor) -> QuarterlyReport:
    report, created = QuarterlyReport.objects.get_or_create(
        intervention=intervention, year=year, quarter=quarter)
    if created:
        log_action(actor=actor, obj=report, action="quarterly_report.opened")
    return report


def _locked(report) -> QuarterlyReport:
    return QuarterlyReport.objects.select_for_update().select_related("intervention").get(
        pk=report.pk)


@transaction.atomic
def report_save(*, report: QuarterlyReport, actor, **narrative) -> QuarterlyReport:
    report = _locked(report)
    if report.is_frozen:
        raise ReportError(_("A submitted report cannot be changed."))
    values = {name: narrative.get(name, "") for name in NARRATIVE}
    if unchanged(report, values):
        return report
    before = {name: getattr(report, name) for name in NARRATIVE}
    for name, value in values.items():
        setattr(report, name, value)
    report.save(update_fields=list(NARRATIVE))
    log_action(actor=actor, obj=report, action="quarterly_report.saved",
               data=audit.changes(before, values))
    return report


@transaction.atomic
def report_submit(*, report: QuarterlyReport, actor, today: datetime.date) -> QuarterlyReport:
    report = _locked(report)
    if report.is_frozen:
        raise ReportError(_("The report has already been submitted."))
    if today < quarter_bounds(report.year, report.quarter)[1]:
        raise ReportError(_("A quarterly report is submitted after the quarter has ended."))
    if not all(getattr(report, name).strip() for name in NARRATIVE):
        raise ReportError(_("Fill in every part of the narrative before submitting."))
    report.snapshot = quarter_facts(report.intervention, report.year, report.quarter)
    report.status = QuarterlyReport.Status.SUBMITTED
    report.submitted_by = actor
    report.submitted_at = timezone.now()
    report.save(update_fields=["snapshot", "status", "submitted_by", "submitted_at"])
    log_action(actor=actor, obj=report, action="quarterly_report.submitted")
    return report


@transaction.atomic
def report_review(*, report: QuarterlyReport, actor, decision: str,
                  comment: str = "") -> QuarterlyReport:
    """The office accepts the report or returns it for completion, with a comment."""
    if decision not in ("accept", "return"):
        raise ReportError(_("Choose to accept or return the report."))
    report = _locked(report)
    if report.status != QuarterlyReport.Status.SUBMITTED:
        raise ReportError(_("Only a submitted report can be reviewed."))
    if decision == "return" and not comment.strip():
        raise ReportError(_("Say what should be completed."))
    report.status = (QuarterlyReport.Status.ACCEPTED if decision == "accept"
                     else QuarterlyReport.Status.RETURNED)
    if decision == "return":
        report.snapshot = None  # the figures are taken again at the next submission
    report.office_comment = comment
    report.reviewed_by = actor
    report.reviewed_at = timezone.now()
    report.save(update_fields=["status", "snapshot", "office_comment", "reviewed_by",
                               "reviewed_at"])
    log_action(actor=actor, obj=report, action="quarterly_report.accepted"
               if decision == "accept" else "quarterly_report.returned")
    return report


# --- What is due -------------------------------------------------------------------

@dataclass(frozen=True)
class DueReport:
    intervention: object
    year: int
    quarter: int
    due_on: datetime.date
    overdue: bool


def previous_quarter(today: datetime.date) -> tuple[int, int]:
    return quarter_of(add_months(today, -3))


def reports_due(interventions, *, today: datetime.date) -> list[DueReport]:
    """The last ended quarter's report of each intervention with a grant covering it,
    unless submitted. Three queries whatever the number of interventions."""
    year, quarter = previous_quarter(today)
    first, last = quarter_bounds(year, quarter)
    interventions = list(interventions)
    ids = [i.pk for i in interventions]
    granted = set(Grant.objects.filter(intervention_id__in=ids, period_start__lte=last,
                                       period_end__gte=first)
                  .values_list("intervention_id", flat=True))
    done = set(QuarterlyReport.objects.filter(
        intervention_id__in=ids, year=year, quarter=quarter,
        status__in=[QuarterlyReport.Status.SUBMITTED, QuarterlyReport.Status.ACCEPTED],
    ).values_list("intervention_id", flat=True))
    due_on = last + datetime.timedelta(days=settings.QUARTERLY_REPORT_DAYS)
    return [DueReport(i, year, quarter, due_on, today > due_on) for i in interventions
            if i.pk in granted and i.pk not in done]
