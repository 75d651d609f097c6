"""Loads what goals.py needs for one intervention, in a fixed number of queries."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Avg, Prefetch

from insatsportal.applications.models import Application, Goal
from insatsportal.cases.models import Grant
from insatsportal.participants.models import Discharge, Participant, Rating
from insatsportal.reports import goals
from insatsportal.reports.models import InterventionMeeting


@dataclass(frozen=True)
class ApplicationGoals:
    application: Application
    period_start: datetime.date | None
    period_end: datetime.date | None
    results: list


def rating_facts(intervention_ids) -> dict[int, tuple]:
    """participant id -> (RatingFacts, oldest first) with each rating's mean (one query)."""
    rows = (
        Rating.objects.filter(participant__intervention_id__in=intervention_ids)
        .annotate(mean=Avg("answers__value"))
        .order_by("participant_id", "rated_on", "pk")
        .values_list("participant_id", "rated_on", "instrument_id", "mean")
    )
    ratings: dict[int, list] = defaultdict(list)
    for participant_id, rated_on, instrument_id, mean in rows:
        ratings[participant_id].append(goals.RatingFacts(
            rated_on=rated_on, mean=None if mean is None else Decimal(str(mean)),
            instrument=instrument_id))
    return {pk: tuple(series) for pk, series in ratings.items()}


def participant_facts(intervention_ids, *, rated=None) -> dict[int, list[goals.ParticipantFacts]]:
    """Plain facts per intervention: no names, no identity numbers (two queries; one when
    `rated`, the interventions whose ratings are wanted (default all), is empty)."""
    rated = intervention_ids if rated is None else list(rated)
    ratings = rating_facts(rated) if rated else {}
    rows = (
        Participant.objects.filter(intervention_id__in=intervention_ids)
        .exclude(discharge__end_type=Discharge.EndType.WRONG_REGISTRATION)
        .values_list("pk", "intervention_id", "sex", "start_year", "enrolment__enrolled_on",
                     "plan__established_on", "plan__anchored_with_participant",
                     "discharge__discharged_on", "discharge__occupation_after__group",
                     "discharge__occupation_after__code", "follow_up__followed_up_on",
                     "follow_up__contact_made")
    )
    facts: dict[int, list] = {pk: [] for pk in intervention_ids}
    for (pk, intervention_id, sex, start_year, enrolled_on, plan_on, anchored, discharged_on,
         group, code, followed_up_on, contact_made) in rows:
        facts[intervention_id].append(goals.ParticipantFacts(
            sex=sex, started_on=enrolled_on or datetime.date(start_year, 1, 1),
            plan_on=plan_on, plan_anchored=bool(anchored), discharged_on=discharged_on,
            to_work_or_studies=group == goals.WORK_GROUP or code == goals.STUDIES_CODE,
            followed_up_on=followed_up_on if contact_made else None,
            ratings=ratings.get(pk, ()),
        ))
    return facts


def meeting_facts(intervention_ids) -> dict[int, list[goals.MeetingFacts]]:
    facts: dict[int, list] = {pk: [] for pk in intervention_ids}
    rows = InterventionMeeting.objects.filter(intervention_id__in=intervention_ids)
    for intervention_id, held_on, kind in rows.values_list("intervention_id", "held_on", "kind"):
        facts[intervention_id].append(goals.MeetingFacts(held_on=held_on, kind=kind))
    return facts


def _granted_periods(intervention_ids) -> dict[int, tuple]:
    """application id -> (start, end) of the grant its decision made."""
    grants = Grant.objects.filter(intervention_id__in=intervention_ids).values_list(
        "decision__case__application_id", "period_start", "period_end")
    return {app_id: (start, end) for app_id, start, end in grants if app_id is not None}


def _spec(goal: Goal) -> goals.GoalSpec:
    return goals.GoalSpec(pk=goal.pk, text=goal.text, target_kind=goal.target_kind,
                          target_value=goal.target_value, target_unit=goal.target_unit)


def goals_for_interventions(intervention_ids, *, today: datetime.date) -> dict[int, list]:
    """intervention id -> [ApplicationGoals] for its applications' measurable goals.

    Five queries whatever the number of interventions, participants or meetings, and a
    sixth (the ratings) when some goal counts improved progress ratings.
    """
    intervention_ids = list(intervention_ids)
    applications = list(
        Application.objects.filter(intervention_id__in=intervention_ids)
        .select_related("intervention")
        .prefetch_related(Prefetch("goals", queryset=Goal.objects.exclude(target_kind="")))
        .order_by("planned_start", "pk")
    )
    rated = {a.intervention_id for a in applications for g in a.goals.all()
             if g.target_kind == Goal.TargetKind.PROGRESS_IMPROVED}
    periods = _granted_periods(intervention_ids)
    people = participant_facts(intervention_ids, rated=rated)
    meetings = meeting_facts(intervention_ids)
    result: dict[int, list] = {pk: [] for pk in intervention_ids}
    for application in applications:
        measurable = [g for g in application.goals.all() if g.target_kind]
        if not measurable:
            continue
        intervention = application.intervention
        start, end = periods.get(application.pk, (
            application.planned_start or intervention.start_date,
            application.planned_end or intervention.end_date,
        ))
        facts = goals.Facts(period_start=start, period_end=end,
                            participants=people[intervention.pk],
                            meetings=meetings[intervention.pk])
        result[intervention.pk].append(ApplicationGoals(
            application=application, period_start=start, period_end=end,
            results=[goals.evaluate(_spec(g), facts, today=today) for g in measurable],
        ))
    return result


def intervention_goals(intervention, *, today: datetime.date) -> list[ApplicationGoals]:
    return goals_for_interventions([intervention.pk], today=today)[intervention.pk]
