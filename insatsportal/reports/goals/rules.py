"""Goal attainment computed from plain values: no database, no clock.

`evaluate(goal, facts, today=)` answers, for one measurable goal of an application,
the target, the outcome so far, a forecast for the period (linear extrapolation over
the grant period) and a status, broken down by sex with small groups suppressed.
The facts are participant counts by sex over the application's window (the MEASURES
below) and its meetings; selectors.py counts them in SQL, in one query however many
interventions and participants there are.
"""

import datetime
import re
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.participants.aggregates import HIDDEN, suppress_value
from insatsportal.participants.facts import STUDIES_CODE, WORK_GROUP  # noqa: F401 (one definition)

REACHED = "reached"
ON_TRACK = "on_track"
BEHIND = "behind"
NOT_REACHED = "not_reached"  # the period has ended short of the target: final
NOT_COMPUTABLE = "not_computable"
STATUS_LABELS = {
    REACHED: pgettext_lazy("goal status", "Reached"),
    ON_TRACK: _("On track"),
    BEHIND: _("Behind"),
    NOT_REACHED: pgettext_lazy("goal status", "Not reached"),
    NOT_COMPUTABLE: _("Cannot be computed"),
}

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
class Window:
    """The part of a grant period that goals are counted over: `start` to `as_of`."""
    start: datetime.date
    end: datetime.date
    as_of: datetime.date  # today, or the period's end once it has passed

    @property
    def year_start(self) -> datetime.date:
        return max(self.start, datetime.date(self.as_of.year, 1, 1))

    @property
    def year_end(self) -> datetime.date:
        return min(self.end, datetime.date(self.as_of.year, 12, 31))


def window(start, end, today: datetime.date) -> Window | None:
    """None when the period is unknown or has not begun."""
    if start is None or end is None or today < start:
        return None
    return Window(start=start, end=end, as_of=min(today, end))


# What selectors.py counts, by sex, of an intervention's participants (wrong registrations
# left out) for each window. A participant starts on the enrolment date, or on 1 January of
# the year of start when it is not known.
MEASURES = (
    "started",  # started from the window's start to as_of
    "started_year",  # started from the year's start (year_start) to as_of
    "anchored_plan",  # started, with an action plan anchored with the participant
    "discharged",  # discharged from start to as_of
    "to_work",  # discharged, to work or studies
    "to_work_year",  # discharged from year_start to as_of, to work or studies
    "followed_up",  # followed up after discharge, contact made, from start to as_of
    "rated_twice",  # started, rated twice by as_of with the latest rating's instrument
    "improved",  # rated twice, the latest rating's mean above the first's
)


def plan_days(goal: GoalSpec) -> int:
    """The N weeks of an "action plan within N weeks" goal, in days."""
    return int(goal.target_value * 7)


def plan_measures(days: int) -> tuple[str, str]:
    """The measures of an "action plan within `days`" goal: the started who can be judged
    (their days have run out by as_of, or they have a plan) and those with a plan in time."""
    return f"plan_judged:{days}", f"plan_in_time:{days}"


@dataclass(frozen=True)
class Facts:
    period_start: datetime.date | None
    period_end: datetime.date | None
    counts: dict = field(default_factory=dict)  # measure -> {sex: n}
    meetings: list[MeetingFacts] = field(default_factory=list)

    def by_sex(self, measure: str) -> dict[str, int]:
        counts = self.counts.get(measure, {})
        return {sex: counts.get(sex, 0) for sex in SEXES}

    def total(self, measure: str) -> int:
        return sum(self.counts.get(measure, {}).values())


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


def _not_computable(goal, reason) -> GoalResult:
    return GoalResult(goal=goal, status=NOT_COMPUTABLE, target=goal.target_value,
                      reason=str(reason))


def _count_result(goal, outcome: int, *, start, end, as_of, unit="", by_sex=None):
    """A count against its target, extrapolated from `start`–`as_of` to `end`."""
    forecast = extrapolate(outcome, start=start, end=end, today=as_of)
    if outcome >= goal.target_value:
        status = REACHED
    else:
        status = ON_TRACK if forecast >= goal.target_value else BEHIND
    return GoalResult(goal=goal, status=status, unit=unit, target=goal.target_value,
                      outcome=Decimal(outcome), forecast=forecast,
                      by_sex={sex: suppress_value(n, n) if n else 0
                              for sex, n in (by_sex or {}).items()})


def _counted(goal, facts, measure, *, start, end, as_of, unit=""):
    return _count_result(goal, facts.total(measure), start=start, end=end, as_of=as_of,
                         unit=unit, by_sex=facts.by_sex(measure))


def _share_result(goal, facts, part, whole, *, target, reason_if_empty):
    if not facts.total(whole):
        return _not_computable(goal, reason_if_empty)
    outcome = share(facts.total(part), facts.total(whole))
    parts, wholes = facts.by_sex(part), facts.by_sex(whole)
    return GoalResult(goal=goal, status=REACHED if outcome >= target else BEHIND, unit="%",
                      target=target, outcome=outcome, forecast=outcome,
                      by_sex={sex: suppress_value(share(parts[sex], n), n)
                              for sex, n in wholes.items() if n})


def _participants_per_year(goal, facts, w):
    return _counted(goal, facts, "started_year", start=w.year_start, end=w.year_end,
                    as_of=w.as_of, unit="per year")


def _participants_total(goal, facts, w):
    return _counted(goal, facts, "started", start=w.start, end=w.end, as_of=w.as_of)


def _share_with_action_plan(goal, facts, w):
    return _share_result(goal, facts, "anchored_plan", "started", target=goal.target_value,
                         reason_if_empty=_("No participants are enrolled yet."))


def _action_plan_within_weeks(goal, facts, w):
    """Share of participants with a plan within N weeks of enrolment; the target is all."""
    judged, in_time = plan_measures(plan_days(goal))
    return _share_result(
        goal, facts, in_time, judged, target=Decimal(100),
        reason_if_empty=_("No participant has been enrolled for that many weeks yet."))


def _discharged_to_work_or_studies(goal, facts, w):
    if "%" in goal.target_unit:
        return _share_result(goal, facts, "to_work", "discharged", target=goal.target_value,
                             reason_if_empty=_("No participant has been discharged yet."))
    if re.search(r"\bår\b|year", goal.target_unit, re.IGNORECASE):
        return _counted(goal, facts, "to_work_year", start=w.year_start, end=w.year_end,
                        as_of=w.as_of, unit="per year")
    return _counted(goal, facts, "to_work", start=w.start, end=w.end, as_of=w.as_of)


def meeting_kind_of(goal: GoalSpec) -> str | None:
    """The kind of meeting a goal counts, from its words; None counts every kind."""
    words = f"{goal.text} {goal.target_unit}".lower()
    for word, kind in MEETING_WORDS:
        if word in words:
            return kind
    return None


def _meetings_per_year(goal, facts, w):
    kind = meeting_kind_of(goal)
    held = sum(1 for m in facts.meetings if w.year_start <= m.held_on <= w.as_of
               and (kind is None or m.kind == kind))
    return _count_result(goal, held, start=w.year_start, end=w.year_end, as_of=w.as_of,
                         unit="per year")


def _followed_up(goal, facts, w):
    """Participants followed up after discharge (contact made) during the period."""
    return _counted(goal, facts, "followed_up", start=w.start, end=w.end, as_of=w.as_of)


def _progress_improved(goal, facts, w):
    """Share of participants rated at least twice whose latest mean is above their first."""
    return _share_result(goal, facts, "improved", "rated_twice", target=goal.target_value,
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


def evaluate(goal: GoalSpec, facts: Facts, *, today: datetime.date) -> GoalResult:
    calculation = CALCULATIONS.get(goal.target_kind)
    if calculation is None:
        return _not_computable(goal, _("The system has no data for this kind of target."))
    if goal.target_value is None:
        return _not_computable(goal, _("The goal has no target value."))
    counted = window(facts.period_start, facts.period_end, today)
    if counted is None:
        return _not_computable(goal, _("The grant period has not begun or is not known."))
    result = calculation(goal, facts, counted)
    if today > facts.period_end and result.status in (ON_TRACK, BEHIND):
        # An ended period has a final status: reached or not, never "on track".
        return replace(result, status=NOT_REACHED)
    return result


def status_counts(results: list[GoalResult]) -> dict[str, int]:
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for result in results:
        counts[result.status] += 1
    return counts


__all__ = ["HIDDEN", "evaluate"]
