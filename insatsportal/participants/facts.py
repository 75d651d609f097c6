"""The participant facts, defined once: each as a database expression for counting many
people, with a Python reading of the same rule for one person shown on a page.

Goals (reports/goals/selectors.py), the dashboard, the quarterly report, the overview's
charts and the national export all count through `counted()` and the expressions below;
participants/tests/test_facts.py proves the expressions and the Python readings agree on
generated data.

- started on: the enrolment date, or 1 January of the year of start when it is not known
- discharged: has a discharge in the period; wrong registrations are never counted at all
- to work or studies: the occupation after discharge is in the group "arbete" or is "studier"
- active on a day: started by then and not discharged by then
- under way: not discharged (today); kept on the person as `under_way` by the services
- followed up: a follow-up after discharge with contact made
- plan anchored: an action plan anchored with the participant
- plan within N days: the plan established at most N days after the start
- support known: some support (försörjning) recorded both at enrolment and at discharge, and
  "okänd" in neither (the people the socio-economic estimate can count)
- improved on a day: Rating.improved of the person's latest rating on that day (None when it
  is the first with its instrument, or there is none); rated twice: improved is not None

Each fact is read from the person's records once, by the expressions of DEFINITIONS, into a
ParticipantFacts row that services.facts keeps after every change to those records; the
conditions below count those rows (`counted()`), one narrow table whatever is counted. The
codes of the states of the people whose support is known (before, after and at a follow-up
with contact and a known support) are kept the same way, read by `known_state_rows()`, on
the facts row as one text (`known_states_key()`): the socio-economic estimate groups people
by it.
"""

import datetime
import operator
from functools import reduce

from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from insatsportal.participants.models import (
    Discharge,
    Enrolment,
    FollowUp,
    ParticipantFacts,
    Rating,
)
from insatsportal.participants.services.enrolment import WORK_GROUP

# Sysselsättning after discharge that counts as work or studies (code list "occupation"):
# the group "arbete" (WORK_GROUP) or this code.
STUDIES_CODE = "studier"


class FirstOfYear(Func):
    """1 January of a year given as a number."""

    output_field = DateField()

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="make_date(%(expressions)s, 1, 1)",
                           **extra)

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection,
                           template="printf('%%%%04d-01-01', %(expressions)s)", **extra)


STARTED_ON = Coalesce(F("enrolment__enrolled_on"), FirstOfYear(F("start_year")),
                      output_field=DateField())
TO_WORK_OR_STUDIES = (Q(discharge__occupation_after__group=WORK_GROUP)
                      | Q(discharge__occupation_after__code=STUDIES_CODE))
WRONG_REGISTRATION = Q(discharge__end_type=Discharge.EndType.WRONG_REGISTRATION)


# Försörjning recorded as this code is not a known support (socioeconomics/estimate.py).
UNKNOWN_SUPPORT_CODE = "okand"


def _support(through, owner: str) -> tuple[Exists, Exists]:
    rows = through.objects.filter(**{owner: OuterRef("pk")})
    return Exists(rows), Exists(rows.filter(code__code=UNKNOWN_SUPPORT_CODE))


_BEFORE, _BEFORE_UNKNOWN = _support(Enrolment.income_before.through,
                                    "enrolment__participant_id")
_AFTER, _AFTER_UNKNOWN = _support(Discharge.income_after.through, "discharge__participant_id")
SUPPORT_KNOWN = Q(_BEFORE) & Q(_AFTER) & ~Q(_BEFORE_UNKNOWN) & ~Q(_AFTER_UNKNOWN)


PLAN_ANCHORED_WITH_PARTICIPANT = Q(plan__isnull=False, plan__anchored_with_participant=True)


def _flag(condition: Q) -> ExpressionWrapper:
    return ExpressionWrapper(Case(When(condition, then=True), default=False),
                             output_field=BooleanField())


# Each column of ParticipantFacts as read from a Participant's records: the one definition.
DEFINITIONS = {
    "participant_id": F("pk"),
    "intervention_id": F("intervention_id"),
    "sex": F("sex"),
    "started_on": STARTED_ON,
    "discharged_on": F("discharge__discharged_on"),
    "to_work": _flag(Q(discharge__isnull=False) & TO_WORK_OR_STUDIES),
    "followed_up_on": Case(When(follow_up__contact_made=True,
                                then=F("follow_up__followed_up_on")),
                           output_field=DateField(null=True)),
    "plan_on": F("plan__established_on"),
    "plan_anchored": _flag(PLAN_ANCHORED_WITH_PARTICIPANT),
    "support_known": _flag(SUPPORT_KNOWN),
    "latest_rated_on": F("latest_rated_on"),
    "latest_rating_improved": F("latest_rating_improved"),
}


def fact_rows(participants):
    """SELECT of the ParticipantFacts columns (DEFINITIONS, in that order) of those of
    `participants` who count: what services.facts writes."""
    names = {column: f"fact_{column}" for column in DEFINITIONS}
    return (participants.exclude(WRONG_REGISTRATION).order_by()
            .annotate(**{names[column]: expression
                         for column, expression in DEFINITIONS.items()})
            .values_list(*names.values()))


# The state codes of the people whose support is known: (phase, code list, the code's path
# from the person) — before at enrolment, after at discharge, and at a follow-up with contact
# made where the support then is known too.
BEFORE, AFTER, FOLLOW_UP = "before", "after", "follow_up"
STATE_CODES = [
    (BEFORE, "income", "enrolment__income_before__code"),
    (BEFORE, "occupation", "enrolment__occupation_before__code"),
    (AFTER, "income", "discharge__income_after__code"),
    (AFTER, "occupation", "discharge__occupation_after__code"),
    (FOLLOW_UP, "income", "follow_up__income__code"),
    (FOLLOW_UP, "occupation", "follow_up__occupation__code"),
]
_THEN, _THEN_UNKNOWN = _support(FollowUp.income.through, "followup__participant_id")
FOLLOW_UP_KNOWN = Q(follow_up__contact_made=True) & Q(_THEN) & ~Q(_THEN_UNKNOWN)


def known_state_rows(participants):
    """SELECT of (participant id, phase, code list, code) of the state codes of those of
    `participants` whose kept facts say their support is known: what services.facts keeps,
    as known_states_key, after their ParticipantFacts row."""
    known = participants.filter(facts__support_known=True).order_by()
    parts = []
    for phase, code_list, path in STATE_CODES:
        rows = known.filter(FOLLOW_UP_KNOWN) if phase == FOLLOW_UP else known
        parts.append(rows.filter(**{f"{path}__isnull": False}).annotate(
            state_phase=Value(phase, output_field=CharField()),
            state_code_list=Value(code_list, output_field=CharField()),
            state_code=F(path)).values_list("pk", "state_phase", "state_code_list",
                                            "state_code"))
    return parts[0].union(*parts[1:], all=True)


# ParticipantFacts.known_states: "before|after|follow-up", each state "income codes joined by
# +/occupation code" ("" for no follow-up). Codes are slugs, so the separators are free.
def known_states_key(codes) -> str:
    """The key of one person's (phase, code list, code) rows."""
    income, occupation = {}, {}
    for phase, code_list, code in codes:
        if code_list == "income":
            income.setdefault(phase, set()).add(code)
        else:
            occupation[phase] = code
    return "|".join(f"{'+'.join(sorted(income[phase]))}/{occupation.get(phase, '')}"
                    if phase in income else "" for phase in (BEFORE, AFTER, FOLLOW_UP))


def known_states_read(key: str) -> dict[str, tuple[frozenset, str | None]]:
    """{phase: (income codes, occupation code or None)} of a key ("": support not known); a
    phase without codes is left out."""
    states = {}
    for phase, state in zip((BEFORE, AFTER, FOLLOW_UP), (key or "||").split("|"),
                            strict=True):
        if state:
            income, occupation = state.split("/")
            states[phase] = (frozenset(income.split("+")), occupation or None)
    return states


def counted(**filters):
    """The facts of the participants that count in any figure (every record but the wrong
    registrations): ParticipantFacts rows, filtered by `filters`."""
    return ParticipantFacts.objects.filter(**filters)


def participants(*conditions, **filters):
    """The Participant rows of `counted(**filters)` meeting `conditions`: for reading
    their other records (codes, age) by fact."""
    from insatsportal.participants.models import Participant

    return Participant.objects.filter(
        pk__in=counted(**filters).filter(*conditions).values("participant_id"))


# Conditions on `counted()` rows, for filter() or Count(filter=...).

def started_between(first: datetime.date, last: datetime.date) -> Q:
    return Q(started_on__gte=first, started_on__lte=last)


def discharged_between(first: datetime.date, last: datetime.date) -> Q:
    return Q(discharged_on__gte=first, discharged_on__lte=last)


DISCHARGED = Q(discharged_on__isnull=False)
TO_WORK = Q(to_work=True)  # discharged, to work or studies
# Not discharged, read from the person's own row (not the facts row) through a partial index.
UNDER_WAY = Q(under_way=True)


def active_on(day: datetime.date) -> Q:
    return Q(started_on__lte=day) & (Q(discharged_on__isnull=True)
                                     | Q(discharged_on__gt=day))


def to_work_between(first: datetime.date, last: datetime.date) -> Q:
    return discharged_between(first, last) & TO_WORK


def followed_up_between(first: datetime.date, last: datetime.date) -> Q:
    return Q(followed_up_on__gte=first, followed_up_on__lte=last)


PLAN_ANCHORED = Q(plan_anchored=True)


def improved_on(day):
    """Rating.improved of the latest rating on `day` (a date or an expression): kept on the
    person for their latest rating of all, looked up among their ratings only for a day
    before it."""
    at_day = (Rating.objects.filter(participant_id=OuterRef("participant_id"),
                                    rated_on__lte=day)
              .filter(Q(next_rated_on__isnull=True) | Q(next_rated_on__gt=day))
              .order_by().values("improved")[:1])
    return Case(
        When(Q(latest_rated_on__isnull=True) | Q(latest_rated_on__lte=day),
             then=F("latest_rating_improved")),
        default=Subquery(at_day), output_field=BooleanField(null=True))


def people_by_sex(queryset, **conditions) -> dict[str, dict[str, int]]:
    """{name: {sex: n}} for each named condition (Q) over `counted()` rows: one query. Only
    the rows meeting a condition are grouped; a sex none of them has is left out (read it as
    0 with .get)."""
    rows = queryset.filter(reduce(operator.or_, conditions.values())).order_by().values(
        "sex").annotate(
        **{name: Count("pk", filter=condition) for name, condition in conditions.items()})
    result = {name: {} for name in conditions}
    for row in rows:
        for name in conditions:
            result[name][row["sex"]] = row[name]
    return result


# --- One person: the same rules read in Python --------------------------------------

def started_on(participant) -> datetime.date:
    enrolment = getattr(participant, "enrolment", None)
    if enrolment is not None and enrolment.enrolled_on:
        return enrolment.enrolled_on
    return datetime.date(participant.start_year, 1, 1)


def _discharge(participant):
    return getattr(participant, "discharge", None)


def is_counted(participant) -> bool:
    discharge = _discharge(participant)
    return discharge is None or discharge.end_type != Discharge.EndType.WRONG_REGISTRATION


def discharged_on(participant) -> datetime.date | None:
    discharge = _discharge(participant)
    return discharge.discharged_on if discharge is not None else None


def is_under_way(participant) -> bool:
    return _discharge(participant) is None


def is_active_on(participant, day: datetime.date) -> bool:
    ended = discharged_on(participant)
    return started_on(participant) <= day and (ended is None or ended > day)


def went_to_work_or_studies(participant) -> bool:
    discharge = _discharge(participant)
    code = discharge.occupation_after if discharge is not None else None
    return code is not None and (code.group == WORK_GROUP or code.code == STUDIES_CODE)


def followed_up_on(participant) -> datetime.date | None:
    follow_up = getattr(participant, "follow_up", None)
    return follow_up.followed_up_on if follow_up is not None and follow_up.contact_made else None


def plan_anchored(participant) -> bool:
    plan = getattr(participant, "plan", None)
    return plan is not None and plan.anchored_with_participant


def plan_within(participant, days: int) -> bool:
    plan = getattr(participant, "plan", None)
    return plan is not None and (plan.established_on - started_on(participant)).days <= days


def improved_at(participant, day: datetime.date) -> bool | None:
    """The person's latest rating on `day` (by date, then as recorded): its `improved`."""
    return (Rating.objects.filter(participant=participant, rated_on__lte=day)
            .order_by("-rated_on", "-pk").values_list("improved", flat=True).first())

