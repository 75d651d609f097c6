"""What is due or overdue for participant staff: plan revisions, first plans, ratings and
follow-ups.

Each kind is a filter "due on or before a day" on a date column, so that the start page
counts in the database and the due list reads one page: a due date that is months after
a stored date (the next rating, a follow-up) is turned into the latest stored date whose
due date falls on or before the day (`latest_for`), exact however months end.

Every kind but the follow-up concerns people under way (facts.UNDER_WAY, a column kept on the
person, with the enrolment date and the plan's next revision date copied beside it): they are
read through partial indexes on the person's own row (Participant.Meta.indexes), never everyone
who has ever taken part, nor every plan; the follow-up reads the discharged people of the
intervention's sample when it has one. The counts are one grouped query per population
(`_by_population`), a page one query per kind that stops after the page's rows (its columns
only), then one for the page's people.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insatsportal.accounts import policy
from insatsportal.core.calendar import add_months
from insatsportal.core.selectors import WaitingItem
from insatsportal.interventions.models import Intervention
from insatsportal.participants.facts import UNDER_WAY, WRONG_REGISTRATION
from insatsportal.participants.models import FollowUpPolicy, FollowUpSample, Participant


@dataclass(frozen=True)
class DueRow:
    participant: Participant
    what: str
    due_on: datetime.date
    overdue: bool


def latest_for(day: datetime.date, months: int) -> datetime.date:
    """The latest date whose `months` later falls on or before `day` (add_months is
    monotonic but clips month ends, so a few days' search)."""
    candidate = add_months(day, -months) + datetime.timedelta(days=3)
    while add_months(candidate, months) > day:
        candidate -= datetime.timedelta(days=1)
    return candidate


def _identified(intervention_ids):
    return Participant.objects.filter(intervention_id__in=intervention_ids, is_anonymous=False)


def _follow_up_policies(intervention_ids) -> dict:
    """intervention id -> (months, sampled ids or None for everyone); two queries."""
    policies = {p.intervention_id: p for p in FollowUpPolicy.objects.filter(
        intervention_id__in=intervention_ids)}
    samples: dict = {}
    for intervention_id, selected in FollowUpSample.objects.filter(
            intervention_id__in=intervention_ids).values_list("intervention_id",
                                                              "selected_ids"):
        samples.setdefault(intervention_id, set()).update(selected)
    result = {}
    for intervention_id in intervention_ids:
        stored = policies.get(intervention_id) or FollowUpPolicy()
        result[intervention_id] = (stored.months, samples.get(intervention_id, set())
                                   if stored.sample_only else None)
    return result


@dataclass(frozen=True)
class Kind:
    key: str
    label: object  # callable -> translated text
    column: str  # the stored date the due date follows, for ordering
    months: int = 0  # due that many months after `column` (0: `days` after it)
    days: int = 0

    def due_on(self, stored: datetime.date, months: int | None = None) -> datetime.date:
        months = self.months if months is None else months
        if months:
            return add_months(stored, months)
        return stored + datetime.timedelta(days=self.days)

    def bound(self, day: datetime.date, months: int | None = None) -> datetime.date:
        """The latest stored date that is due on or before `day`."""
        months = self.months if months is None else months
        if months:
            return latest_for(day, months)
        return day - datetime.timedelta(days=self.days)

    @property
    def condition(self) -> Q:
        """Which people of the kind's population (below) have a step of this kind at all."""
        if self.key == "revision":
            return Q(plan_revision_due__isnull=False)
        if self.key == "first_plan":
            return Q(plan_revision_due__isnull=True, enrolled_on__isnull=False)
        if self.key == "rating":
            return Q(latest_rated_on__isnull=False)
        if self.key == "first_rating":
            return Q(latest_rated_on__isnull=True, enrolled_on__isnull=False)
        return Q(follow_up__isnull=True) & ~WRONG_REGISTRATION

    def population(self, policies) -> Q:
        """Whom the kind concerns: the people under way (read through their partial indexes),
        or for the follow-up the discharged ones each intervention follows up (its sample's
        primary keys, or all of them). Kept apart from `condition` so that the counts filter
        on it and PostgreSQL answers them from the covering index alone."""
        if self.key != "follow_up":
            return UNDER_WAY
        population = Q(pk__in=[])
        for intervention_id, (_months, sample) in policies.items():
            population |= Q(intervention_id=intervention_id) & (
                Q(pk__in=list(sample)) if sample is not None else Q())
        return ~UNDER_WAY & population

    def base(self, intervention_ids, policies):
        return _identified(intervention_ids).filter(self.population(policies), self.condition)

    def due_by(self, day: datetime.date, policies=None) -> Q:
        """Due on or before `day` (follow-ups: after each intervention's months; whom it
        samples is in `population`)."""
        if self.key != "follow_up":
            return Q(**{f"{self.column}__lte": self.bound(day)})
        condition = Q(pk__in=[])
        for intervention_id, (months, _sample) in policies.items():
            condition |= Q(intervention_id=intervention_id,
                           **{f"{self.column}__lte": self.bound(day, months)})
        return condition


def _settings_kinds():
    return [
        Kind("revision", lambda: _("Action plan to revise"), "plan_revision_due"),
        Kind("first_plan", lambda: _("Action plan to establish"), "enrolled_on",
             days=settings.PLAN_FIRST_DAYS),
        Kind("rating", lambda: _("Progress rating"), "latest_rated_on",
             months=settings.RATING_INTERVAL_MONTHS),
        Kind("first_rating", lambda: _("Progress rating"), "enrolled_on"),
        Kind("follow_up", lambda: _("Follow-up after discharge"),
             "discharge__discharged_on", months=6),
    ]


# The kinds a user can filter the due list by: key -> the kinds' keys.
FILTERS = {"revision": ("revision",), "first_plan": ("first_plan",),
           "rating": ("rating", "first_rating"), "follow_up": ("follow_up",)}


def filter_choices():
    labels = {kind.key: kind.label for kind in _settings_kinds()}
    return [(key, labels[key]()) for key in FILTERS]


def _horizon(today):
    return today + datetime.timedelta(days=settings.DUE_SOON_DAYS)


@dataclass(frozen=True)
class DueCount:
    intervention_id: int
    due: int
    overdue: int
    became_due_on: datetime.date | None  # the latest due date on or before today


def _by_population(kinds: list[Kind]) -> list[list[Kind]]:
    """The kinds in groups that read the same people (Kind.population): each group is one
    grouped query."""
    groups = ([k for k in kinds if k.key != "follow_up"],
              [k for k in kinds if k.key == "follow_up"])
    return [group for group in groups if group]


def due_counts(intervention_ids, *, today: datetime.date) -> dict[int, DueCount]:
    """Due and overdue steps per intervention: the kinds of the people under way counted in
    one grouped query, the follow-ups in another (after two for the follow-up policies)."""
    intervention_ids = list(intervention_ids)
    policies = _follow_up_policies(intervention_ids)
    horizon, yesterday = _horizon(today), today - datetime.timedelta(days=1)
    due: dict = {}
    overdue: dict = {}
    fallen: dict = {}
    for kinds in _by_population(_settings_kinds()):
        aggregates = {}
        for k in kinds:
            aggregates[f"{k.key}_due"] = Count("pk", filter=k.condition
                                               & k.due_by(horizon, policies))
            aggregates[f"{k.key}_over"] = Count("pk", filter=k.condition
                                                & k.due_by(yesterday, policies))
            aggregates[f"{k.key}_fallen"] = Max(k.column, filter=k.condition
                                                & k.due_by(today, policies))
        for row in (_identified(intervention_ids).filter(kinds[0].population(policies))
                    .order_by().values("intervention_id").annotate(**aggregates)):
            pk = row["intervention_id"]
            for k in kinds:
                due[pk] = due.get(pk, 0) + row[f"{k.key}_due"]
                overdue[pk] = overdue.get(pk, 0) + row[f"{k.key}_over"]
                if row[f"{k.key}_fallen"] is not None:
                    fallen.setdefault(pk, []).append(k.due_on(
                        row[f"{k.key}_fallen"],
                        policies[pk][0] if k.key == "follow_up" else None))
    return {pk: DueCount(pk, count, overdue[pk], max(fallen.get(pk, []), default=None))
            for pk, count in due.items() if count}


def due_total(intervention_id, *, today: datetime.date, kind: str = "", policies=None) -> int:
    """How many steps of the kind (every kind: "") are due: a query per population
    (_by_population) after the policies."""
    policies = policies or _follow_up_policies([intervention_id])
    horizon = _horizon(today)
    total = 0
    for kinds in _by_population(_kinds_of(kind)):
        counts = _identified([intervention_id]).filter(kinds[0].population(policies)).aggregate(
            **{k.key: Count("pk", filter=k.condition & k.due_by(horizon, policies))
               for k in kinds})
        total += sum(counts.values())
    return total


def due_page(intervention_id, *, today: datetime.date, kind: str = "", offset: int = 0,
             size: int = 50, count: bool = True,
             policies=None) -> tuple[list[DueRow], int | None]:
    """One page of the due list of an intervention, soonest first, and the number of rows
    in all (None unless `count`): each kind read in due order up to the page's end and
    merged."""
    policies = policies or _follow_up_policies([intervention_id])
    months = policies[intervention_id][0]
    horizon = _horizon(today)
    streams = []
    for k in _kinds_of(kind):
        due = k.base([intervention_id], policies).filter(k.due_by(horizon, policies))
        label, kind_months = k.label(), months if k.key == "follow_up" else None
        streams.append([(k.due_on(stored, kind_months), number, pk, label)
                        for pk, number, stored in due.order_by(k.column, "number")
                        .values_list("pk", "number", k.column)[:offset + size]])
    # Merged by date on the bare columns; only the page's people are then read whole.
    page = sorted((row for stream in streams for row in stream),
                  key=lambda row: (row[0], row[1]))[offset:offset + size]
    people = Participant.objects.in_bulk({pk for _day, _number, pk, _label in page})
    rows = [DueRow(people[pk], label, due_on, due_on < today)
            for due_on, _number, pk, label in page if pk in people]
    total = due_total(intervention_id, today=today, kind=kind,
                      policies=policies) if count else None
    return rows, total


class DueList:
    """The due list of one intervention as a sequence a Paginator can page: it counts and
    reads only the page asked for."""

    def __init__(self, intervention_id, *, today: datetime.date, kind: str = ""):
        self.intervention_id, self.today, self.kind = intervention_id, today, kind
        self._total = None
        self._policies = None

    @property
    def policies(self) -> dict:
        if self._policies is None:
            self._policies = _follow_up_policies([self.intervention_id])
        return self._policies

    def count(self) -> int:
        if self._total is None:
            self._total = due_total(self.intervention_id, today=self.today, kind=self.kind,
                                    policies=self.policies)
        return self._total

    def __getitem__(self, window: slice) -> list[DueRow]:
        return due_page(self.intervention_id, today=self.today, kind=self.kind,
                        offset=window.start or 0, size=window.stop - (window.start or 0),
                        count=False, policies=self.policies)[0]


def _kinds_of(kind: str) -> list[Kind]:
    return [k for k in _settings_kinds() if not kind or k.key in FILTERS.get(kind, ())]


def due_rows(intervention_ids, *, today: datetime.date) -> list[DueRow]:
    """Every due row of the interventions, soonest first (for tests and small lists)."""
    rows = []
    for intervention_id in intervention_ids:
        rows += due_page(intervention_id, today=today, size=10 ** 9)[0]
    return sorted(rows, key=lambda row: (row.due_on, row.participant.number))


def waiting_items(user) -> list[WaitingItem]:
    """For the start page: counts per intervention, never a name."""
    ids = policy.managed_intervention_ids(user)
    if not ids:
        return []
    counts = due_counts(ids, today=timezone.localdate())
    items = []
    for intervention in Intervention.objects.filter(pk__in=counts).order_by("name"):
        count = counts[intervention.pk]
        detail = ngettext("%(count)d overdue", "%(count)d overdue", count.overdue) % {
            "count": count.overdue} if count.overdue else ""
        items.append(WaitingItem(
            title=ngettext(
                "%(intervention)s: %(count)d participant step due",
                "%(intervention)s: %(count)d participant steps due", count.due,
            ) % {"intervention": intervention.name, "count": count.due},
            url=reverse("participants:due", args=[intervention.pk]),
            detail=detail,
            overdue=bool(count.overdue),
            became_due_on=count.became_due_on,
        ))
    return items
