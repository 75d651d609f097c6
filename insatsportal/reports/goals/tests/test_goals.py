"""Each goal kind computed from hand-made participants and meetings.

The participants are written straight into the database (no services, no encryption:
only the facts a goal counts), counted by goal_data.window_counts and judged by
goals.evaluate, as the goal pages do.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.test import override_settings

from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.participants.models import (
    ActionPlan,
    Code,
    Discharge,
    Enrolment,
    FollowUp,
    Instrument,
    Participant,
    Rating,
)
from insatsportal.participants.services.rating import rating_series_update
from insatsportal.reports.goals import rules as goals
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.goals.rules import GoalSpec, MeetingFacts

pytestmark = pytest.mark.django_db
D = datetime.date
START, END = D(2024, 1, 1), D(2025, 12, 31)
FIRST_RATING = D(2024, 3, 1)


@dataclass(frozen=True)
class Person:
    started_on: datetime.date | None  # None: anonymous, started in `start_year`
    sex: str = "kvinna"
    plan_on: datetime.date | None = None
    plan_anchored: bool = False
    discharged_on: datetime.date | None = None
    to_work_or_studies: bool = False
    end_type: str = "planned"
    followed_up_on: datetime.date | None = None
    ratings: tuple = ()  # (rated_on, mean, instrument)
    start_year: int | None = None


def person(started_on, sex="kvinna", **extra):
    return Person(started_on=started_on, sex=sex, **extra)


def _code(key, value):
    return Code.objects.get(code_list__key=key, code=value, is_active=True)


def _write(people) -> Intervention:
    """A new intervention holding `people`."""
    intervention = Intervention.objects.create(
        name=f"Måltest {Intervention.objects.count()}",
        owner=Member.objects.get(name="Knivsta kommun"))
    codes = {"before": _code("occupation", "arbetssokande"),
             "support": _code("support_time", "1-2"), "education": _code("education", "grundskola"),
             "work": _code("occupation", "arbete-osubventionerat"),
             "other": _code("occupation", "arbetssokande")}
    instruments = {}
    for n, p in enumerate(people, 1):
        anonymous = p.started_on is None
        row = Participant.objects.create(
            intervention=intervention, number=n, sex=p.sex, is_anonymous=anonymous,
            start_year=p.start_year or p.started_on.year,
            **({} if anonymous else {"name_encrypted": "x", "personnummer_encrypted": "x",
                                     "personnummer_hash": f"test-{n}"}))
        if not anonymous:
            Enrolment.objects.create(participant=row, enrolled_on=p.started_on,
                                     occupation_before=codes["before"],
                                     support_time_before=codes["support"],
                                     education=codes["education"])
        if p.plan_on:
            ActionPlan.objects.create(participant=row, established_on=p.plan_on, goals="Arbete",
                                      anchored_with_participant=p.plan_anchored,
                                      next_revision_due=p.plan_on + datetime.timedelta(days=90))
        if p.discharged_on:
            Discharge.objects.create(
                participant=row, discharged_on=p.discharged_on, end_type=p.end_type,
                occupation_after=codes["work" if p.to_work_or_studies else "other"])
        if p.followed_up_on:
            FollowUp.objects.create(participant=row, months=6, followed_up_on=p.followed_up_on,
                                    contact_made=True)
        for rated_on, mean, instrument in p.ratings:
            if instrument not in instruments:
                instruments[instrument] = _instrument(instrument)
            Rating.objects.create(participant=row, instrument=instruments[instrument],
                                  occasion="quarterly", rated_on=rated_on,
                                  mean=Decimal(str(mean)))
        rating_series_update(row.pk)
    return intervention


def _instrument(n):
    """The shipped instrument (1) or a new version of it (2)."""
    tool = Instrument.objects.filter(is_active=True).order_by("name", "-version").first()
    if n == 2:
        tool.pk, tool.version = None, tool.version + 1
        tool.save()
    return tool


def evaluate(goal, people=(), meetings=(), *, today, start=START, end=END):
    """The goal's result for `people` and `meetings` over the period, counted in SQL."""
    intervention = _write(people)
    counted = goals.window(start, end, today)
    counts = {}
    if counted is not None:
        days = [goals.plan_days(goal)] if goal.target_kind == "action_plan_within_weeks" else []
        window = goal_data.CountWindow(intervention_id=intervention.pk, window=counted,
                                       rated=goal.target_kind == "progress_improved")
        counts = goal_data.window_counts([window], days)[0]
    facts = goals.Facts(period_start=start, period_end=end, counts=counts,
                        meetings=list(meetings))
    return goals.evaluate(goal, facts, today=today)


def goal(kind, value, unit="", text="Mål"):
    return GoalSpec(text=text, target_kind=kind, target_value=Decimal(value), target_unit=unit)


def test_participants_per_year_counts_this_year_and_extrapolates_to_the_year_end():
    people = [person(D(2025, 1, 10))] * 6 + [person(D(2025, 2, 1), sex="man")] * 6 \
        + [person(D(2024, 5, 1))] * 40  # last year's do not count this year
    result = evaluate(goal("participants_per_year", 60), people, today=D(2025, 3, 31))
    assert result.outcome == 12
    # 12 in the 90 days of 1 Jan–31 Mar; 365 days in the year: 12 * 365 / 90 = 48.7
    assert result.forecast == Decimal("48.7")
    assert result.status == goals.BEHIND
    assert result.by_sex == {"kvinna": 6, "man": 6, "annat": 0}


def test_participants_per_year_on_track_then_reached():
    people = [person(D(2025, 1, 2))] * 20
    on_track = evaluate(goal("participants_per_year", 60), people, today=D(2025, 3, 31))
    assert on_track.status == goals.ON_TRACK  # 20 * 365 / 90 = 81.1 >= 60
    reached = evaluate(goal("participants_per_year", 20), people, today=D(2025, 3, 31))
    assert reached.status == goals.REACHED


def test_small_groups_by_sex_are_hidden():
    people = [person(D(2025, 1, 2))] * 10 + [person(D(2025, 1, 2), sex="man")] * 3
    result = evaluate(goal("participants_total", 100), people, today=D(2025, 1, 31))
    assert result.by_sex["kvinna"] == 10
    assert result.by_sex["man"] is goals.HIDDEN


def test_participants_total_over_the_grant_period():
    people = [person(D(2024, 3, 1))] * 30 + [person(D(2023, 12, 1))] * 5  # before the period
    result = evaluate(goal("participants_total", 120), people, today=D(2024, 12, 30))
    assert result.outcome == 30
    # 30 over 365 of 731 days: 30 * 731 / 365 = 60.1 < 120
    assert result.forecast == Decimal("60.1")
    assert result.status == goals.BEHIND


def test_share_with_an_anchored_action_plan():
    people = ([person(D(2024, 2, 1), plan_on=D(2024, 3, 1), plan_anchored=True)] * 6
              + [person(D(2024, 2, 1), plan_on=D(2024, 3, 1), plan_anchored=False)] * 2
              + [person(D(2024, 2, 1))] * 2)
    result = evaluate(goal("share_with_action_plan", 80, "%"), people, today=D(2024, 6, 1))
    assert result.outcome == 60  # an unanchored plan does not count
    assert result.status == goals.BEHIND
    assert result.unit == "%"


def test_action_plan_within_weeks_judges_only_those_whose_weeks_have_run_out():
    enrolled = D(2024, 3, 1)
    people = ([person(enrolled, plan_on=enrolled + datetime.timedelta(weeks=5))] * 5
              + [person(enrolled, plan_on=enrolled + datetime.timedelta(weeks=8))] * 5
              + [person(D(2024, 4, 10))] * 7)  # still within their six weeks, no plan yet
    result = evaluate(goal("action_plan_within_weeks", 6), people, today=D(2024, 5, 1))
    assert result.outcome == 50
    assert result.target == 100
    assert result.status == goals.BEHIND


def test_discharged_to_work_or_studies_counts_over_the_period():
    people = ([person(D(2024, 1, 5), discharged_on=D(2024, 6, 1), to_work_or_studies=True)] * 8
              + [person(D(2024, 1, 5), discharged_on=D(2024, 6, 1))] * 4)
    result = evaluate(goal("discharged_to_work_or_studies", 15, "under insatsperioden"),
                      people, today=D(2024, 12, 31))
    assert result.outcome == 8
    assert result.status == goals.ON_TRACK  # 8 in half the period -> 16


def test_discharged_to_work_or_studies_as_a_share():
    people = ([person(D(2024, 1, 5), discharged_on=D(2024, 6, 1), to_work_or_studies=True)] * 6
              + [person(D(2024, 1, 5), discharged_on=D(2024, 6, 1))] * 4)
    result = evaluate(goal("discharged_to_work_or_studies", 50, "%"), people,
                            today=D(2024, 12, 31))
    assert result.outcome == 60
    assert result.status == goals.REACHED


def test_meetings_per_year_counts_the_kind_named_in_the_goal():
    meetings = ([MeetingFacts(D(2025, 2, 1), "lokus_report")] * 2
                + [MeetingFacts(D(2025, 2, 1), "operative")] * 5
                + [MeetingFacts(D(2024, 11, 1), "lokus_report")] * 3)
    lokus = evaluate(goal("meetings_per_year", 4, "per år",
                          "Återrapportering till LOKUS-grupp minst fyra gånger per år."),
                     meetings=meetings, today=D(2025, 6, 30))
    assert lokus.outcome == 2
    assert lokus.status == goals.ON_TRACK  # 2 by mid-year -> 4.0
    every = evaluate(goal("meetings_per_year", 6, "per år", "Samverkan med parterna."),
                     meetings=meetings, today=D(2025, 6, 30))
    assert every.outcome == 7
    assert every.status == goals.REACHED


def rated(sex, *means, instrument=1, first=FIRST_RATING):
    """A participant started in 2024 with ratings of the given means, three months apart."""
    series = tuple((first + datetime.timedelta(days=91 * i), m, instrument)
                   for i, m in enumerate(means))
    return person(D(2024, 2, 1), sex=sex, ratings=series)


def test_progress_improved_is_the_share_of_those_rated_twice_whose_latest_mean_is_higher():
    people = ([rated("kvinna", 2, 3)] * 4  # improved
              + [rated("kvinna", 3, 2.5, 3.5)] * 2  # improved: latest 3.5 against first 3
              + [rated("kvinna", 3, 3)] * 2  # unchanged does not count
              + [rated("man", 4, 2)] * 6  # worse
              + [rated("man", 2)] * 9  # rated once: not in the share at all
              + [person(D(2024, 2, 1), sex="annat")] * 3)  # never rated
    result = evaluate(goal("progress_improved", 50, "%"), people, today=D(2025, 6, 30))
    assert result.outcome == Decimal("42.9")  # 6 improved of 14 rated twice
    assert result.status == goals.BEHIND
    assert result.unit == "%"
    assert result.by_sex["kvinna"] == 75  # 6 of 8
    assert result.by_sex["man"] == 0
    assert "annat" not in result.by_sex


def test_progress_improved_hides_small_groups_by_sex_and_reaches_the_target():
    people = [rated("kvinna", 2, 4)] * 8 + [rated("man", 2, 4)] * 2 + [rated("man", 3, 2)]
    result = evaluate(goal("progress_improved", 60, "%"), people, today=D(2025, 6, 30))
    assert result.outcome == Decimal("90.9")  # 10 of 11
    assert result.status == goals.REACHED
    assert result.by_sex["kvinna"] == 100
    assert result.by_sex["man"] is goals.HIDDEN  # three people


def test_progress_improved_ignores_later_ratings_and_other_instruments():
    later = rated("kvinna", 2, 4, first=D(2025, 5, 1))  # second rating after the day asked
    switched = person(D(2024, 2, 1), ratings=(
        (D(2024, 3, 1), 1, 1), (D(2024, 6, 1), 3, 2), (D(2024, 9, 1), 2, 2),
    ))  # compared within instrument 2 only: 3 -> 2 is worse
    result = evaluate(goal("progress_improved", 50, "%"),
                      [later] * 5 + [switched] * 5, today=D(2025, 6, 30))
    assert result.outcome == 0
    counted_later = evaluate(goal("progress_improved", 50, "%"), [later] * 5, today=D(2025, 8, 1))
    assert counted_later.outcome == 100


def test_progress_improved_without_anyone_rated_twice_says_why():
    result = evaluate(goal("progress_improved", 60, "%"), [rated("man", 3)], today=D(2025, 1, 1))
    assert result.status == goals.NOT_COMPUTABLE
    assert result.reason


def test_followed_up_counts_follow_ups_with_contact_during_the_period():
    people = ([person(D(2024, 1, 5), discharged_on=D(2024, 3, 1),
                      followed_up_on=D(2024, 9, 1))] * 6
              + [person(D(2024, 1, 5), discharged_on=D(2024, 3, 1))] * 4
              + [person(D(2023, 1, 5), followed_up_on=D(2023, 12, 1))] * 3)  # before the period
    result = evaluate(goal("followed_up", 15, "6 månader efter avslut"), people,
                            today=D(2024, 12, 31))
    assert result.outcome == 6
    assert result.forecast == 12  # half the period gone: 6 -> 12
    assert result.status == goals.BEHIND


def test_a_goal_before_its_period_cannot_be_computed():
    result = evaluate(goal("participants_per_year", 10), start=D(2030, 1, 1),
                      end=D(2031, 1, 1), today=D(2025, 1, 1))
    assert result.status == goals.NOT_COMPUTABLE
    assert result.reason


def test_a_share_without_participants_cannot_be_computed():
    result = evaluate(goal("share_with_action_plan", 80, "%"), today=D(2025, 1, 1))
    assert result.status == goals.NOT_COMPUTABLE


def test_wrong_registrations_do_not_count_and_a_start_year_alone_counts_from_1_january():
    people = ([person(D(2024, 2, 1), discharged_on=D(2024, 2, 2), end_type="wrong")] * 4
              + [person(None, start_year=2024)] * 5 + [person(None, start_year=2023)] * 2)
    result = evaluate(goal("participants_total", 10), people, today=D(2024, 12, 31))
    assert result.outcome == 5  # the anonymous of 2024; 2023 is before the period


def test_the_goal_and_the_quarterly_report_judge_improvement_alike(demo):
    """The SQL of the goal and facts.improved_at (one person's reading) are one rule."""
    from insatsportal.demo.generate.services import demo_data_generate
    from insatsportal.participants import facts

    today = D(2025, 6, 30)
    with override_settings(DEMO_MODE=True):
        demo_data_generate(participants=150, seed=7, interventions_count=1,
                           ratings_per_participant=6, rating_months=1, today=today)
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    people = [p for p in Participant.objects.filter(intervention=intervention)
              .select_related("enrolment", "discharge") if facts.is_counted(p)]
    start = min(facts.started_on(p) for p in people)
    window = goal_data.CountWindow(intervention_id=intervention.pk, rated=True,
                                   window=goals.window(start, today, today))
    counts = goal_data.window_counts([window])[0]
    judged = [facts.improved_at(p, today) for p in people]
    assert sum(counts["rated_twice"].values()) == sum(j is not None for j in judged) > 20
    assert sum(counts["improved"].values()) == sum(j is True for j in judged) > 5


def test_an_ended_period_gets_a_final_status_reached_or_not():
    import datetime as _dt
    from decimal import Decimal as _D

    from insatsportal.reports.goals import rules

    goal = rules.GoalSpec(text="40 deltagare", target_kind="participants_total",
                          target_value=_D(40))
    facts = rules.Facts(period_start=_dt.date(2023, 1, 1), period_end=_dt.date(2024, 12, 31),
                        counts={"started": {"kvinna": 20, "man": 19, "annat": 0}})
    during = rules.evaluate(goal, facts, today=_dt.date(2023, 12, 31))
    after = rules.evaluate(goal, facts, today=_dt.date(2025, 1, 1))
    assert during.status in (rules.ON_TRACK, rules.BEHIND)
    assert (after.status, after.status_label) == (rules.NOT_REACHED, "Inte uppnått")
    reached = rules.Facts(period_start=facts.period_start, period_end=facts.period_end,
                          counts={"started": {"kvinna": 20, "man": 20, "annat": 0}})
    assert rules.evaluate(goal, reached, today=_dt.date(2025, 1, 1)).status == rules.REACHED
