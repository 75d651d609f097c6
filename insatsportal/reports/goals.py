"""Goal attainment computed from plain values: no database, no clock.

`evaluate(goal, facts, today=)` answers, for one measurable goal of an application,
the target, the outcome so far, a forecast for the period (linear extrapolation over
the grant period) and a status, broken down by sex with small groups suppressed.
The selector in goal_data.py loads the facts in a fixed number of queries.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.participants.aggregates import HIDDEN, suppress_value

REACHED = "reached"
ON_TRACK = "on_track"
BEHIND = "behind"
NOT_COMPUTABLE = "not_computable"
STATUS_LABELS = {
    REACHED: pgettext_lazy("goal status", "Reached"),
    ON_TRACK: _("On track"),
    BEHIND: _("Behind"),
    NOT_COMPUTABLE: _("Cannot be computed"),
}

# Sysselsättning after discharge that counts as work or studies (code list "occupation").
WORK_GROUP = "arbete"
STUDIES_CODE = "studier"
SEXES = ("kvinna", "man", "annat")

# Which meetings a meetings goal counts, recognised from the goal's own words.
MEETING_WORDS = (
    ("lokus", "lokus_report"),
    ("styrgrupp", "steering_group"),
    ("steering", "steering_group"),
    ("operativ", "operative"),
    ("avstämning", "operative"),
)


@dataclass(frozen=True)
class RatingFacts:
    rated_on: datetime.date
    mean: Decimal | None  # mean of the rating's answers; None when nothing was answered
    instrument: int | None = None


@dataclass(frozen=True)
class ParticipantFacts:
    sex: str
    started_on: datetime.date  # enrolment date, or 1 January of the year of start
    plan_on: datetime.date | None = None
    plan_anchored: bool = False
    discharged_on: datetime.date | None = None
    to_work_or_studies: bool = False
    followed_up_on: datetime.date | None = None  # a follow-up after discharge, contact made
    ratings: tuple = ()  # RatingFacts, oldest first

    def improved(self, as_of: datetime.date) -> bool | None:
        """Whether the latest rating's mean is above the first's (same instrument as the
        latest); None with fewer than two ratings up to `as_of`."""
        rated = [r for r in self.ratings if r.rated_on <= as_of and r.mean is not None]
        if len(rated) < 2:
            return None
        latest = rated[-1]
        same = [r for r in rated if r.instrument == latest.instrument]
        if len(same) < 2:
            return None
        return latest.mean > same[0].mean


@dataclass(frozen=True)
class MeetingFacts:
    held_on: datetime.date
    kind: str


@dataclass(frozen=True)
class GoalSpec:
    text: str
    target_kind: str
    target_value: Decimal | None
    target_unit: str = ""
    pk: int | None = None


@dataclass(frozen=True)
class Facts:
    period_start: datetime.date | None
    period_end: datetime.date | None
    participants: list[ParticipantFacts] = field(default_factory=list)
    meetings: list[MeetingFacts] = field(default_factory=list)


@dataclass(frozen=True)
class GoalResult:
    goal: GoalSpec
    status: str
    unit: str = ""  # "", "%" or "per year"
    target: Decimal | None = None
    outcome: Decimal | None = None
    forecast: Decimal | None = None
    reason: str = ""
    by_sex: dict = field(default_factory=dict)  # sex -> value or HIDDEN

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.status])


def _round(value) -> Decimal:
    return Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP).normalize() + 0


def share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else _round(Decimal(100 * part) / whole)


def extrapolate(value: int, *, start: datetime.date, end: datetime.date,
                today: datetime.date) -> Decimal:
    """The value at `end` if it keeps growing as from `start` to `today` (linear)."""
    if today >= end:
        return Decimal(value)
    elapsed = (today - start).days + 1
    total = (end - start).days + 1
    return _round(Decimal(value) * total / max(elapsed, 1))


def _count_status(outcome, forecast, target) -> str:
    if outcome >= target:
        return REACHED
    return ON_TRACK if forecast >= target else BEHIND


def _not_computable(goal, reason) -> GoalResult:
    return GoalResult(goal=goal, status=NOT_COMPUTABLE, target=goal.target_value,
                      reason=str(reason))


def _counts_by_sex(people) -> dict:
    counts = {sex: sum(1 for p in people if p.sex == sex) for sex in SEXES}
    return {sex: suppress_value(n, n) if n else 0 for sex, n in counts.items()}


def _shares_by_sex(people, test) -> dict:
    result = {}
    for sex in SEXES:
        group = [p for p in people if p.sex == sex]
        if group:
            result[sex] = suppress_value(share(sum(1 for p in group if test(p)), len(group)),
                                         len(group))
    return result


def _window(facts: Facts, today: datetime.date):
    """(start, end, as_of) of the period, or None when it is unknown or has not begun."""
    if facts.period_start is None or facts.period_end is None or today < facts.period_start:
        return None
    return facts.period_start, facts.period_end, min(today, facts.period_end)


def _year_window(start, end, as_of):
    year_start = max(start, datetime.date(as_of.year, 1, 1))
    year_end = min(end, datetime.date(as_of.year, 12, 31))
    return year_start, year_end


def _started(facts: Facts, start, as_of):
    return [p for p in facts.participants if start <= p.started_on <= as_of]


def _participants_per_year(goal, facts, window, today):
    start, end, as_of = window
    year_start, year_end = _year_window(start, end, as_of)
    people = _started(facts, year_start, as_of)
    outcome = len(people)
    forecast = extrapolate(outcome, start=year_start, end=year_end, today=as_of)
    return GoalResult(goal=goal, status=_count_status(outcome, forecast, goal.target_value),
                      unit="per year", target=goal.target_value, outcome=Decimal(outcome),
                      forecast=forecast, by_sex=_counts_by_sex(people))


def _participants_total(goal, facts, window, today):
    start, end, as_of = window
    people = _started(facts, start, as_of)
    forecast = extrapolate(len(people), start=start, end=end, today=as_of)
    return GoalResult(goal=goal, status=_count_status(len(people), forecast, goal.target_value),
                      target=goal.target_value, outcome=Decimal(len(people)), forecast=forecast,
                      by_sex=_counts_by_sex(people))


def _share_result(goal, people, test, *, target, reason_if_empty):
    if not people:
        return _not_computable(goal, reason_if_empty)
    outcome = share(sum(1 for p in people if test(p)), len(people))
    return GoalResult(goal=goal, status=REACHED if outcome >= target else BEHIND, unit="%",
                      target=target, outcome=outcome, forecast=outcome,
                      by_sex=_shares_by_sex(people, test))


def _share_with_action_plan(goal, facts, window, today):
    people = _started(facts, window[0], window[2])
    return _share_result(goal, people, lambda p: p.plan_on is not None and p.plan_anchored,
                         target=goal.target_value,
                         reason_if_empty=_("No participants are enrolled yet."))


def _action_plan_within_weeks(goal, facts, window, today):
    """Share of participants with a plan within N weeks of enrolment; the target is all."""
    days = datetime.timedelta(weeks=float(goal.target_value))
    as_of = window[2]
    # Only those whose N weeks have run out, or who already have a plan, can be judged.
    people = [p for p in _started(facts, window[0], as_of)
              if p.started_on + days <= as_of or p.plan_on is not None]
    return _share_result(
        goal, people, lambda p: p.plan_on is not None and p.plan_on <= p.started_on + days,
        target=Decimal(100),
        reason_if_empty=_("No participant has been enrolled for that many weeks yet."),
    )


def _discharged_to_work_or_studies(goal, facts, window, today):
    start, end, as_of = window
    discharged = [p for p in facts.participants
                  if p.discharged_on is not None and start <= p.discharged_on <= as_of]
    if "%" in goal.target_unit:
        return _share_result(goal, discharged, lambda p: p.to_work_or_studies,
                             target=goal.target_value,
                             reason_if_empty=_("No participant has been discharged yet."))
    per_year = bool(re.search(r"\bår\b|year", goal.target_unit, re.IGNORECASE))
    if per_year:
        start, end = _year_window(start, end, as_of)
        discharged = [p for p in discharged if p.discharged_on >= start]
    people = [p for p in discharged if p.to_work_or_studies]
    forecast = extrapolate(len(people), start=start, end=end, today=as_of)
    return GoalResult(goal=goal, status=_count_status(len(people), forecast, goal.target_value),
                      unit="per year" if per_year else "", target=goal.target_value,
                      outcome=Decimal(len(people)), forecast=forecast,
                      by_sex=_counts_by_sex(people))


def meeting_kind_of(goal: GoalSpec) -> str | None:
    """The kind of meeting a goal counts, from its words; None counts every kind."""
    words = f"{goal.text} {goal.target_unit}".lower()
    for word, kind in MEETING_WORDS:
        if word in words:
            return kind
    return None


def _meetings_per_year(goal, facts, window, today):
    start, end, as_of = window
    year_start, year_end = _year_window(start, end, as_of)
    kind = meeting_kind_of(goal)
    held = [m for m in facts.meetings if year_start <= m.held_on <= as_of
            and (kind is None or m.kind == kind)]
    forecast = extrapolate(len(held), start=year_start, end=year_end, today=as_of)
    return GoalResult(goal=goal, status=_count_status(len(held), forecast, goal.target_value),
                      unit="per year", target=goal.target_value, outcome=Decimal(len(held)),
                      forecast=forecast)


def _followed_up(goal, facts, window, today):
    """Participants followed up after discharge (contact made) during the period."""
    start, end, as_of = window
    people = [p for p in facts.participants
              if p.followed_up_on is not None and start <= p.followed_up_on <= as_of]
    forecast = extrapolate(len(people), start=start, end=end, today=as_of)
    return GoalResult(goal=goal, status=_count_status(len(people), forecast, goal.target_value),
                      target=goal.target_value, outcome=Decimal(len(people)), forecast=forecast,
                      by_sex=_counts_by_sex(people))


def _progress_improved(goal, facts, window, today):
    """Share of participants rated at least twice whose latest mean is above their first."""
    start, end, as_of = window
    people = [p for p in _started(facts, start, as_of) if p.improved(as_of) is not None]
    return _share_result(goal, people, lambda p: p.improved(as_of), target=goal.target_value,
                         reason_if_empty=_("No participant has been rated twice yet."))


CALCULATIONS = {
    "participants_per_year": _participants_per_year,
    "participants_total": _participants_total,
    "share_with_action_plan": _share_with_action_plan,
    "action_plan_within_weeks": _action_plan_within_weeks,
    "discharged_to_work_or_studies": _discharged_to_work_or_studies,
    "meetings_per_year": _meetings_per_year,
    "followed_up": _followed_up,
    "progress_improved": _progress_improved,
}


def is_measurable(goal: GoalSpec) -> bool:
    return bool(goal.target_kind) and goal.target_value is not None


def evaluate(goal: GoalSpec, facts: Facts, *, today: datetime.date) -> GoalResult:
    calculation = CALCULATIONS.get(goal.target_kind)
    if calculation is None:
        return _not_computable(goal, _("The system has no data for this kind of target."))
    if goal.target_value is None:
        return _not_computable(goal, _("The goal has no target value."))
    window = _window(facts, today)
    if window is None:
        return _not_computable(goal, _("The grant period has not begun or is not known."))
    return calculation(goal, facts, window, today)


def status_counts(results: list[GoalResult]) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for result in results:
        counts[result.status] += 1
    return counts


__all__ = ["HIDDEN", "evaluate"]
