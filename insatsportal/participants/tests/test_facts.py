"""Each participant fact counted in the database (participants/facts.py, the goals' SQL,
the quarterly report, the overview) agrees with its Python reading for one person, on
generated demo data."""

import datetime
from collections import defaultdict

import pytest
from django.db.models import BooleanField, Case, ExpressionWrapper, Value, When
from django.test import override_settings

from insatsportal.interventions.models import Intervention
from insatsportal.participants import facts
from insatsportal.participants.models import Answer, Participant, Rating
from insatsportal.participants.progress import intervention_change
from insatsportal.reports.dashboards import selectors as dashboard
from insatsportal.reports.goals import rules
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.quarterly import services as quarterly

pytestmark = pytest.mark.django_db
D = datetime.date
TODAY = D(2025, 6, 30)
DAYS = (D(2020, 3, 31), D(2022, 12, 31), D(2024, 9, 1), TODAY)


@pytest.fixture
def generated(demo):
    from insatsportal.demo.generate.services import demo_data_generate

    with override_settings(DEMO_MODE=True):
        demo_data_generate(participants=150, seed=7, interventions_count=1,
                           ratings_per_participant=6, rating_months=1, today=TODAY)
    return Intervention.objects.get(name="En väg in – steget vidare")


def _people(intervention):
    return list(Participant.objects.filter(intervention=intervention).select_related(
        "enrolment", "discharge__occupation_after", "plan", "follow_up"))


def _flag(condition):
    return ExpressionWrapper(Case(When(condition, then=Value(True)), default=Value(False)),
                             output_field=BooleanField())


def test_every_fact_in_sql_is_the_python_reading_of_each_person(generated):
    people = _people(generated)
    assert len(people) > 90
    first, last = D(2020, 1, 1), D(2021, 12, 31)
    conditions = {
        "started": facts.started_between(first, last), "active": facts.active_on(DAYS[2]),
        "discharged": facts.discharged_between(first, last),
        "to_work": facts.to_work_between(first, last),
        "followed_up": facts.followed_up_between(first, TODAY),
        "anchored": facts.PLAN_ANCHORED,
    }
    rows = facts.counted(intervention_id=generated.pk).annotate(
        **{f"is_{name}": _flag(q) for name, q in conditions.items()},
        **{f"improved{n}": facts.improved_on(day) for n, day in enumerate(DAYS)})
    in_sql = {row["participant_id"]: row for row in rows.values(
        "participant_id", "started_on", *(f"is_{name}" for name in conditions),
        *(f"improved{n}" for n in range(len(DAYS))))}

    counted = [p for p in people if facts.is_counted(p)]
    assert {p.pk for p in counted} == set(in_sql)
    seen = defaultdict(int)
    for p in counted:
        row = in_sql[p.pk]
        ended = facts.discharged_on(p)
        python = {
            "started": first <= facts.started_on(p) <= last,
            "active": facts.is_active_on(p, DAYS[2]),
            "discharged": ended is not None and first <= ended <= last,
            "to_work": ended is not None and first <= ended <= last
            and facts.went_to_work_or_studies(p),
            "followed_up": facts.followed_up_on(p) is not None
            and first <= facts.followed_up_on(p) <= TODAY,
            "anchored": facts.plan_anchored(p),
        }
        assert row["started_on"] == facts.started_on(p)
        for name, value in python.items():
            assert bool(row[f"is_{name}"]) == value, (name, p.number)
            seen[name] += value
        for n, day in enumerate(DAYS):
            assert row[f"improved{n}"] == facts.improved_at(p, day), (day, p.number)
            seen[f"improved{n}"] += row[f"improved{n}"] is not None
    # The data exercises every fact, both ways.
    assert all(0 < n < len(counted) for n in seen.values()), dict(seen)


def test_the_goals_count_each_fact_as_the_python_reading(generated):
    people = [p for p in _people(generated) if facts.is_counted(p)]
    start = D(2018, 1, 1)
    window = rules.window(start, TODAY, D(2025, 3, 1))
    days = 28
    [counts] = goal_data.window_counts(
        [goal_data.CountWindow(intervention_id=generated.pk, window=window, rated=True)], [days])
    total = {measure: sum(by_sex.values()) for measure, by_sex in counts.items()}
    as_of = window.as_of
    started = [p for p in people if start <= facts.started_on(p) <= as_of]
    discharged = [p for p in people if facts.discharged_on(p)
                  and start <= facts.discharged_on(p) <= as_of]
    judged, in_time = rules.plan_measures(days)
    judged_people = [p for p in started if facts.started_on(p) <= as_of - datetime.timedelta(
        days=days) or getattr(p, "plan", None) is not None]
    improved = [facts.improved_at(p, as_of) for p in started]
    expected = {
        "started": len(started),
        "anchored_plan": sum(facts.plan_anchored(p) for p in started),
        "discharged": len(discharged),
        "to_work": sum(facts.went_to_work_or_studies(p) for p in discharged),
        "followed_up": sum(1 for p in people if facts.followed_up_on(p)
                           and start <= facts.followed_up_on(p) <= as_of),
        "rated_twice": sum(i is not None for i in improved),
        "improved": sum(i is True for i in improved),
        judged: len(judged_people),
        in_time: sum(facts.plan_within(p, days) for p in judged_people),
    }
    assert {m: total.get(m, 0) for m in expected} == expected
    assert expected["rated_twice"] > 20 and expected["improved"] > 5


def test_the_quarterly_figures_and_the_overview_count_as_the_python_reading(generated):
    people = [p for p in _people(generated) if facts.is_counted(p)]
    first, last = D(2020, 10, 1), D(2020, 12, 31)
    figures = quarterly.quarter_facts(generated, 2020, 4)
    totals = {row["label"]: row["total"] for row in figures["participants"]}
    new = sum(first <= facts.started_on(p) <= last for p in people)
    ongoing = sum(facts.is_active_on(p, last) for p in people)
    assert list(totals.values())[:2] == [new, ongoing]
    overview = dashboard.overview_counts(generated, [(first, last)])
    assert overview.new == [new]
    assert overview.ended == [sum(1 for p in people if facts.discharged_on(p)
                                  and first <= facts.discharged_on(p) <= last)]
    assert sum(overview.to_work.values()) == sum(
        facts.went_to_work_or_studies(p) for p in people if facts.discharged_on(p))


def test_the_change_per_item_in_sql_is_the_average_over_each_persons_first_and_latest(
        generated):
    ratings = defaultdict(list)
    for rating in Rating.objects.filter(participant__intervention=generated).order_by(
            "rated_on", "pk"):
        ratings[(rating.participant_id, rating.instrument_id)].append(rating.pk)
    answers = {(a.rating_id, a.item_id): a.value for a in Answer.objects.filter(
        rating__participant__intervention=generated)}
    deltas = defaultdict(list)
    for series in ratings.values():
        if len(series) > 1:
            for (rating_id, item_id), value in answers.items():
                if rating_id == series[0] and (series[-1], item_id) in answers:
                    deltas[item_id].append(answers[(series[-1], item_id)] - value)
    [(instrument, changes)] = intervention_change(generated.pk)
    items = list(instrument.items.all())
    assert [c.people for c in changes] == [len(deltas[item.pk]) for item in items]
    assert all(c.people > 20 for c in changes)
    for change, item in zip(changes, items, strict=True):
        average = sum(deltas[item.pk]) / len(deltas[item.pk])
        assert abs(float(change.change) - average) <= 0.05
