"""Each goal kind computed on hand-made facts (no database)."""

import datetime
from decimal import Decimal

from insatsportal.reports import goals
from insatsportal.reports.goals import GoalSpec, MeetingFacts, ParticipantFacts, RatingFacts

D = datetime.date
START, END = D(2024, 1, 1), D(2025, 12, 31)
FIRST_RATING = D(2024, 3, 1)


def person(started_on, sex="kvinna", **extra):
    return ParticipantFacts(sex=sex, started_on=started_on, **extra)


def facts(participants=(), meetings=(), start=START, end=END):
    return goals.Facts(period_start=start, period_end=end, participants=list(participants),
                       meetings=list(meetings))


def goal(kind, value, unit="", text="Mål"):
    return GoalSpec(text=text, target_kind=kind, target_value=Decimal(value), target_unit=unit)


def test_participants_per_year_counts_this_year_and_extrapolates_to_the_year_end():
    people = [person(D(2025, 1, 10))] * 6 + [person(D(2025, 2, 1), sex="man")] * 6 \
        + [person(D(2024, 5, 1))] * 40  # last year's do not count this year
    result = goals.evaluate(goal("participants_per_year", 60), facts(people),
                            today=D(2025, 3, 31))
    assert result.outcome == 12
    # 12 in the 90 days of 1 Jan–31 Mar; 365 days in the year: 12 * 365 / 90 = 48.7
    assert result.forecast == Decimal("48.7")
    assert result.status == goals.BEHIND
    assert result.by_sex == {"kvinna": 6, "man": 6, "annat": 0}


def test_participants_per_year_on_track_then_reached():
    people = [person(D(2025, 1, 2))] * 20
    on_track = goals.evaluate(goal("participants_per_year", 60), facts(people),
                              today=D(2025, 3, 31))
    assert on_track.status == goals.ON_TRACK  # 20 * 365 / 90 = 81.1 >= 60
    reached = goals.evaluate(goal("participants_per_year", 20), facts(people),
                             today=D(2025, 3, 31))
    assert reached.status == goals.REACHED


def test_small_groups_by_sex_are_hidden():
    people = [person(D(2025, 1, 2))] * 10 + [person(D(2025, 1, 2), sex="man")] * 3
    result = goals.evaluate(goal("participants_total", 100), facts(people), today=D(2025, 1, 31))
    assert result.by_sex["kvinna"] == 10
    assert result.by_sex["man"] is goals.HIDDEN


def test_participants_total_over_the_grant_period():
    people = [person(D(2024, 3, 1))] * 30 + [person(D(2023, 12, 1))] * 5  # before the period
    result = goals.evaluate(goal("participants_total", 120), facts(people),
                            today=D(2024, 12, 30))
    assert result.outcome == 30
    # 30 over 365 of 731 days: 30 * 731 / 365 = 60.1 < 120
    assert result.forecast == Decimal("60.1")
    assert result.status == goals.BEHIND


def test_share_with_an_anchored_action_plan():
    people = ([person(D(2024, 2, 1), plan_on=D(2024, 3, 1), plan_anchored=True)] * 6
              + [person(D(2024, 2, 1), plan_on=D(2024, 3, 1), plan_anchored=False)] * 2
              + [person(D(2024, 2, 1))] * 2)
    result = goals.evaluate(goal("share_with_action_plan", 80, "%"), facts(people),
                            today=D(2024, 6, 1))
    assert result.outcome == 60  # an unanchored plan does not count
    assert result.status == goals.BEHIND
    assert result.unit == "%"


def test_action_plan_within_weeks_judges_only_those_whose_weeks_have_run_out():
    enrolled = D(2024, 3, 1)
    people = ([person(enrolled, plan_on=enrolled + datetime.timedelta(weeks=5))] * 5
              + [person(enrolled, plan_on=enrolled + datetime.timedelta(weeks=8))] * 5
              + [person(D(2024, 4, 10))] * 7)  # still within their six weeks, no plan yet
    result = goals.evaluate(goal("action_plan_within_weeks", 6), facts(people),
                            today=D(2024, 5, 1))
    assert result.outcome == 50
    assert result.target == 100
    assert result.status == goals.BEHIND


def test_discharged_to_work_or_studies_counts_over_the_period():
    people = ([person(D(2024, 1, 5), discharged_on=D(2024, 6, 1), to_work_or_studies=True)] * 8
              + [person(D(2024, 1, 5), discharged_on=D(2024, 6, 1))] * 4)
    result = goals.evaluate(goal("discharged_to_work_or_studies", 15, "under insatsperioden"),
                            facts(people), today=D(2024, 12, 31))
    assert result.outcome == 8
    assert result.status == goals.ON_TRACK  # 8 in half the period -> 16


def test_discharged_to_work_or_studies_as_a_share():
    people = ([person(D(2024, 1, 5), discharged_on=D(2024, 6, 1), to_work_or_studies=True)] * 6
              + [person(D(2024, 1, 5), discharged_on=D(2024, 6, 1))] * 4)
    result = goals.evaluate(goal("discharged_to_work_or_studies", 50, "%"), facts(people),
                            today=D(2024, 12, 31))
    assert result.outcome == 60
    assert result.status == goals.REACHED


def test_meetings_per_year_counts_the_kind_named_in_the_goal():
    meetings = ([MeetingFacts(D(2025, 2, 1), "lokus_report")] * 2
                + [MeetingFacts(D(2025, 2, 1), "operative")] * 5
                + [MeetingFacts(D(2024, 11, 1), "lokus_report")] * 3)
    lokus = goals.evaluate(goal("meetings_per_year", 4, "per år",
                                "Återrapportering till LOKUS-grupp minst fyra gånger per år."),
                           facts(meetings=meetings), today=D(2025, 6, 30))
    assert lokus.outcome == 2
    assert lokus.status == goals.ON_TRACK  # 2 by mid-year -> 4.0
    every = goals.evaluate(goal("meetings_per_year", 6, "per år", "Samverkan med parterna."),
                           facts(meetings=meetings), today=D(2025, 6, 30))
    assert every.outcome == 7
    assert every.status == goals.REACHED


def rated(sex, *means, instrument=1, first=FIRST_RATING):
    """A participant started in 2024 with ratings of the given means, three months apart."""
    series = tuple(RatingFacts(rated_on=first + datetime.timedelta(days=91 * i),
                               mean=Decimal(str(m)), instrument=instrument)
                   for i, m in enumerate(means))
    return person(D(2024, 2, 1), sex=sex, ratings=series)


def test_progress_improved_is_the_share_of_those_rated_twice_whose_latest_mean_is_higher():
    people = ([rated("kvinna", 2, 3)] * 4  # improved
              + [rated("kvinna", 3, 2.5, 3.5)] * 2  # improved: latest 3.5 against first 3
              + [rated("kvinna", 3, 3)] * 2  # unchanged does not count
              + [rated("man", 4, 2)] * 6  # worse
              + [rated("man", 2)] * 9  # rated once: not in the share at all
              + [person(D(2024, 2, 1), sex="annat")] * 3)  # never rated
    result = goals.evaluate(goal("progress_improved", 50, "%"), facts(people),
                            today=D(2025, 6, 30))
    assert result.outcome == Decimal("42.9")  # 6 improved of 14 rated twice
    assert result.status == goals.BEHIND
    assert result.unit == "%"
    assert result.by_sex["kvinna"] == 75  # 6 of 8
    assert result.by_sex["man"] == 0
    assert "annat" not in result.by_sex


def test_progress_improved_hides_small_groups_by_sex_and_reaches_the_target():
    people = [rated("kvinna", 2, 4)] * 8 + [rated("man", 2, 4)] * 2 + [rated("man", 3, 2)]
    result = goals.evaluate(goal("progress_improved", 60, "%"), facts(people),
                            today=D(2025, 6, 30))
    assert result.outcome == Decimal("90.9")  # 10 of 11
    assert result.status == goals.REACHED
    assert result.by_sex["kvinna"] == 100
    assert result.by_sex["man"] is goals.HIDDEN  # three people


def test_progress_improved_ignores_later_ratings_and_other_instruments():
    later = rated("kvinna", 2, 4, first=D(2025, 5, 1))  # second rating after the day asked
    switched = person(D(2024, 2, 1), ratings=(
        RatingFacts(rated_on=D(2024, 3, 1), mean=Decimal(1), instrument=1),
        RatingFacts(rated_on=D(2024, 6, 1), mean=Decimal(3), instrument=2),
        RatingFacts(rated_on=D(2024, 9, 1), mean=Decimal(2), instrument=2),
    ))  # compared within instrument 2 only: 3 -> 2 is worse
    result = goals.evaluate(goal("progress_improved", 50, "%"),
                            facts([later] * 5 + [switched] * 5), today=D(2025, 6, 30))
    assert result.outcome == 0
    assert later.improved(D(2025, 8, 1)) is True


def test_progress_improved_without_anyone_rated_twice_says_why():
    result = goals.evaluate(goal("progress_improved", 60, "%"), facts([rated("man", 3)]),
                            today=D(2025, 1, 1))
    assert result.status == goals.NOT_COMPUTABLE
    assert result.reason


def test_followed_up_counts_follow_ups_with_contact_during_the_period():
    people = ([person(D(2024, 1, 5), discharged_on=D(2024, 3, 1),
                      followed_up_on=D(2024, 9, 1))] * 6
              + [person(D(2024, 1, 5), discharged_on=D(2024, 3, 1))] * 4
              + [person(D(2023, 1, 5), followed_up_on=D(2023, 12, 1))] * 3)  # before the period
    result = goals.evaluate(goal("followed_up", 15, "6 månader efter avslut"), facts(people),
                            today=D(2024, 12, 31))
    assert result.outcome == 6
    assert result.forecast == 12  # half the period gone: 6 -> 12
    assert result.status == goals.BEHIND


def test_a_goal_before_its_period_cannot_be_computed():
    result = goals.evaluate(goal("participants_per_year", 10), facts(start=D(2030, 1, 1),
                                                                      end=D(2031, 1, 1)),
                            today=D(2025, 1, 1))
    assert result.status == goals.NOT_COMPUTABLE
    assert result.reason


def test_a_share_without_participants_cannot_be_computed():
    result = goals.evaluate(goal("share_with_action_plan", 80, "%"), facts(),
                            today=D(2025, 1, 1))
    assert result.status == goals.NOT_COMPUTABLE
