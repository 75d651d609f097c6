"""Counts what rules.py needs for any number of interventions in a fixed number of queries.

The participant measures (rules.MEASURES) are counted in the database, by sex, for each
application's window in one statement, so that the förbund's dashboard does not read a
row per participant. Each person's facts are the kept rows of participants/facts.py
(ParticipantFacts), and progress is facts.improved_on with the window's day as a column,
compiled by the ORM (_progress_sql); the windows around them are
hand-written SQL that runs on PostgreSQL and SQLite alike but for DAYS_BETWEEN.
"""

import datetime
from dataclasses import dataclass

from django.db import connection
from django.db.models import DateField, Prefetch
from django.db.models.expressions import RawSQL

from insatsportal.applications.models import Application, Goal
from insatsportal.cases.models import Grant
from insatsportal.participants import facts
from insatsportal.participants.models import ParticipantFacts
from insatsportal.reports.goals import rules
from insatsportal.reports.models import InterventionMeeting


@dataclass(frozen=True)
class ApplicationGoals:
    application: Application
    period_start: datetime.date | None
    period_end: datetime.date | None
    results: list


# The days from one date to a later one.
DAYS_BETWEEN = {
    "postgresql": "({later} - {earlier})",
    "sqlite": "CAST(julianday({later}) - julianday({earlier}) AS INTEGER)",
}

# The people's facts are their kept rows ({p}, participants/facts.py); only the windows'
# bounds are compared here. WHERE is the union of the FILTERs' date conditions: it changes
# no count, but only the people of the window reach the aggregate.
COUNTS_SQL = """
WITH windows (key, intervention_id, start_on, year_start, as_of, rated{cutoff_names}) AS (
    VALUES {values}
)
SELECT w.key, {p}.sex,
    COUNT(*) FILTER (WHERE {started}),
    COUNT(*) FILTER (WHERE {p}.started_on BETWEEN w.year_start AND w.as_of),
    COUNT(*) FILTER (WHERE {started} AND {p}.plan_on IS NOT NULL AND {p}.plan_anchored),
    COUNT(*) FILTER (WHERE {discharged}),
    COUNT(*) FILTER (WHERE {discharged} AND {p}.to_work),
    COUNT(*) FILTER (WHERE {p}.discharged_on BETWEEN w.year_start AND w.as_of AND {p}.to_work),
    COUNT(*) FILTER (WHERE {p}.followed_up_on BETWEEN w.start_on AND w.as_of),
    COUNT(*) FILTER (WHERE {started} AND {progress} IS NOT NULL),
    COUNT(*) FILTER (WHERE {started} AND {progress}){plan_counts}
FROM {p}
JOIN windows w ON w.intervention_id = {p}.intervention_id
WHERE {started} OR {p}.started_on BETWEEN w.year_start AND w.as_of
    OR {discharged} OR {p}.discharged_on BETWEEN w.year_start AND w.as_of
    OR {p}.followed_up_on BETWEEN w.start_on AND w.as_of
GROUP BY w.key, {p}.sex
"""

# Rating.improved of the person's latest rating on as_of (facts.improved_on); NULL when not
# rated twice, or when the window counts no progress.
PROGRESS_SQL = "CASE WHEN w.rated = 0 THEN NULL ELSE ({improved}) END"

PLAN_COUNTS_SQL = """,
    COUNT(*) FILTER (WHERE {started} AND {judged}),
    COUNT(*) FILTER (WHERE {started} AND {judged} AND {p}.plan_on IS NOT NULL
                     AND {delay} <= {days})"""


@dataclass(frozen=True)
class CountWindow:
    intervention_id: int
    window: rules.Window
    rated: bool  # whether "progress ratings improved" is counted for the window


def _progress_sql() -> tuple[str, list]:
    """facts.improved_on with the window's as_of for its day, as SQL on the people's rows."""
    query = facts.counted().annotate(
        improved=facts.improved_on(RawSQL("w.as_of", (), output_field=DateField()))).query
    compiler = query.get_compiler(connection=connection)
    sql, params = compiler.compile(query.annotations["improved"])
    return sql, list(params)


def window_counts(windows: list[CountWindow], plan_days=()) -> list[dict]:
    """For each window, rules.MEASURES (and rules.plan_measures of each of `plan_days`)
    -> {sex: n}, in one query."""
    result = [{} for _ in windows]
    if not windows:
        return result
    plan_days = sorted(set(plan_days))
    days_between = DAYS_BETWEEN[connection.vendor]
    p = connection.ops.quote_name(ParticipantFacts._meta.db_table)
    started = f"{p}.started_on BETWEEN w.start_on AND w.as_of"
    plan_counts = "".join(
        PLAN_COUNTS_SQL.format(
            p=p, started=started,
            judged=f"({p}.started_on <= w.cutoff{n} OR {p}.plan_on IS NOT NULL)",
            delay=days_between.format(later=f"{p}.plan_on", earlier=f"{p}.started_on"),
            days=int(days))
        for n, days in enumerate(plan_days))
    row = "(" + ", ".join(["%s"] * (6 + len(plan_days))) + ")"
    improved, improved_params = _progress_sql()
    sql = COUNTS_SQL.format(
        p=p, cutoff_names="".join(f", cutoff{n}" for n in range(len(plan_days))),
        values=", ".join([row] * len(windows)),
        started=started, discharged=f"{p}.discharged_on BETWEEN w.start_on AND w.as_of",
        plan_counts=plan_counts, progress=PROGRESS_SQL.format(improved=improved),
    )
    params = []
    for key, item in enumerate(windows):
        w = item.window
        params += [key, item.intervention_id, w.start, w.year_start, w.as_of, int(item.rated)]
        params += [w.as_of - datetime.timedelta(days=days) for days in plan_days]
    params += improved_params * 2  # {progress} is written twice
    measures = list(rules.MEASURES) + [m for days in plan_days for m in rules.plan_measures(days)]
    # Only table names and whole numbers are formatted into the statement; values are params.
    with connection.cursor() as cursor:
        cursor.execute(sql, params)  # nosec B608
        for key, sex, *numbers in cursor.fetchall():
            for measure, n in zip(measures, numbers, strict=True):
                result[key].setdefault(measure, {})[sex] = n
    return result


def meeting_facts(intervention_ids) -> dict[int, list[rules.MeetingFacts]]:
    facts: dict[int, list] = {pk: [] for pk in intervention_ids}
    rows = InterventionMeeting.objects.filter(intervention_id__in=intervention_ids)
    for intervention_id, held_on, kind in rows.values_list("intervention_id", "held_on", "kind"):
        facts[intervention_id].append(rules.MeetingFacts(held_on=held_on, kind=kind))
    return facts


def _granted_periods(intervention_ids) -> dict[int, tuple]:
    """application id -> (start, end) of the grant its decision made."""
    grants = Grant.objects.filter(intervention_id__in=intervention_ids).values_list(
        "decision__case__application_id", "period_start", "period_end")
    return {app_id: (start, end) for app_id, start, end in grants if app_id is not None}


def _spec(goal: Goal) -> rules.GoalSpec:
    return rules.GoalSpec(pk=goal.pk, text=goal.text, target_kind=goal.target_kind,
                          target_value=goal.target_value, target_unit=goal.target_unit)


def goals_for_interventions(intervention_ids, *, today: datetime.date) -> dict[int, list]:
    """intervention id -> [ApplicationGoals] for its applications' measurable rules.

    Five queries whatever the number of interventions, participants, ratings or meetings.
    """
    intervention_ids = list(intervention_ids)
    applications = list(
        Application.objects.filter(intervention_id__in=intervention_ids)
        .select_related("intervention")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.exclude(target_kind="")))
        .order_by("planned_start", "pk")
    )
    periods = _granted_periods(intervention_ids)
    entries = []  # (application, period start, period end, goal specs)
    for application in applications:
        specs = [_spec(g) for g in application.goals.all()]
        if specs:
            intervention = application.intervention
            start, end = periods.get(application.pk, (
                application.planned_start or intervention.start_date,
                application.planned_end or intervention.end_date,
            ))
            entries.append((application, start, end, specs))
    windows = {}  # entry index -> CountWindow, for the periods that have begun
    for n, (application, start, end, specs) in enumerate(entries):
        counted = rules.window(start, end, today)
        if counted is not None:
            windows[n] = CountWindow(
                intervention_id=application.intervention_id, window=counted,
                rated=any(s.target_kind == Goal.TargetKind.PROGRESS_IMPROVED for s in specs))
    plan_days = [rules.plan_days(s) for n in windows for s in entries[n][3]
                 if s.target_kind == Goal.TargetKind.ACTION_PLAN_WITHIN_WEEKS
                 and s.target_value is not None]
    counts = dict(zip(windows, window_counts(list(windows.values()), plan_days),
                      strict=True))
    meetings = meeting_facts(intervention_ids)
    result: dict[int, list] = {pk: [] for pk in intervention_ids}
    for n, (application, start, end, specs) in enumerate(entries):
        facts = rules.Facts(period_start=start, period_end=end, counts=counts.get(n, {}),
                            meetings=meetings[application.intervention_id])
        result[application.intervention_id].append(ApplicationGoals(
            application=application, period_start=start, period_end=end,
            results=[rules.evaluate(spec, facts, today=today) for spec in specs],
        ))
    return result


def intervention_goals(intervention, *, today: datetime.date) -> list[ApplicationGoals]:
    return goals_for_interventions([intervention.pk], today=today)[intervention.pk]
