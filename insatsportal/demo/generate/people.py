"""One invented participant's whole story, planned without the database.

`plan_person` draws everything from a random generator seeded with the run's seed
and the person's index, so the same seed gives the same people.
"""

import datetime
import random
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from django.conf import settings

from insatsportal.core.calendar import add_months
from insatsportal.demo.generate import fiction

DAY = datetime.timedelta(days=1)
GROUP_WEEKDAY = 2  # group activities meet on Wednesdays

# (code, weight). Shares are invented but in the range the förbund's reports show.
TARGET_GROUPS = [("forsorjningsstod", 25), ("langtidssjuka", 15), ("unga-uva", 25),
                 ("nyanlanda", 10), ("psykisk-ohalsa", 12), ("funktionsnedsattning", 8),
                 ("ovriga", 5)]
INCOME_BY_GROUP = {
    "forsorjningsstod": ["forsorjningsstod"],
    "langtidssjuka": ["sjukpenning", "sjukersattning"],
    "unga-uva": ["forsorjningsstod", "aktivitetsersattning", "ingen"],
    "nyanlanda": ["etableringsersattning", "forsorjningsstod"],
    "psykisk-ohalsa": ["sjukpenning", "aktivitetsersattning", "forsorjningsstod"],
    "funktionsnedsattning": ["aktivitetsersattning", "sjukersattning"],
    "ovriga": ["a-kassa", "aktivitetsstod", "okand"],
}
SECOND_INCOME = ["a-kassa", "aktivitetsstod", "forsorjningsstod"]
OCCUPATION_BEFORE = [("arbetssokande", 45), ("ingen", 43), ("arbete-subventionerat", 6),
                     ("studier", 6)]
SUPPORT_TIME = [("ingen", 4), ("under-1", 18), ("1-2", 24), ("2-4", 24), ("4-8", 15),
                ("over-8", 9), ("okand", 6)]
EDUCATION = [("forgymnasial-under-9", 14), ("grundskola", 30), ("gymnasial-2", 14),
             ("gymnasial-3", 26), ("eftergymnasial-under-3", 7), ("eftergymnasial-3", 4),
             ("okand", 5)]
END_TYPES = [("planned", 68), ("interrupted", 29), ("wrong", 3)]
# After a planned end about 45 % go to work or studies, after an interruption about 20 %.
OCCUPATION_AFTER = {
    "planned": [("arbete-osubventionerat", 18), ("arbete-subventionerat", 12), ("studier", 15),
                ("arbetssokande", 35), ("ingen", 20)],
    "interrupted": [("arbete-osubventionerat", 7), ("arbete-subventionerat", 5), ("studier", 8),
                    ("arbetssokande", 40), ("ingen", 40)],
}
INCOME_AFTER = {
    "arbete-osubventionerat": ["ingen"], "arbete-subventionerat": ["ingen"],
    "studier": ["ingen"],
    "arbetssokande": ["a-kassa", "aktivitetsstod", "forsorjningsstod"],
    "ingen": ["sjukpenning", "sjukersattning", "forsorjningsstod", "okand"],
}
WORK = {"arbete-osubventionerat", "arbete-subventionerat"}
# kind: (weight, shortest and longest duration in quarters of an hour)
ACTIVITY_KINDS = {"coaching": (50, 2, 6), "group": (25, 6, 12), "sip": (8, 4, 8),
                  "practice": (10, 16, 32), "other": (7, 2, 8)}
SEXES = [("kvinna", 49), ("man", 49), ("annat", 2)]
KINDS = [(kind, weight) for kind, (weight, _low, _high) in ACTIVITY_KINDS.items()]


_CUMULATIVE: dict[int, tuple] = {}


def pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    """A value by weight. The same draw as rng.choices(values, weights=...), with the
    running totals worked out once per list instead of at every draw."""
    known = _CUMULATIVE.get(id(weighted))
    if known is None or known[0] is not weighted:
        values, weights = zip(*weighted, strict=True)
        known = _CUMULATIVE[id(weighted)] = (weighted, values, list(accumulate(weights)))
    return rng.choices(known[1], cum_weights=known[2])[0]


@dataclass(frozen=True)
class Site:
    """An intervention as the planner sees it."""

    pk: int
    name: str
    periods: tuple[tuple[datetime.date, datetime.date], ...]  # when people may be enrolled
    owner_kommun: int | None
    kommuner: tuple[int, ...]
    partners: tuple[int, ...]


@dataclass(frozen=True)
class Setup:
    today: datetime.date
    codes: dict[tuple[str, str], int]  # (code list key, code) -> pk
    items: tuple[int, ...]
    scale: tuple[int, int]
    activities: int
    ratings: int
    plan_months: int
    rating_months: int


@dataclass
class Person:
    pk: uuid.UUID
    site: Site
    sex: str
    anonymous: bool
    enrolled_on: datetime.date
    today: datetime.date
    name: str = ""
    identity: str = ""
    birth: datetime.date | None = None
    home_kommun: int | None = None
    consent: dict = field(default_factory=dict)
    enrolment: dict = field(default_factory=dict)
    income_before: list[int] = field(default_factory=list)
    plan: dict | None = None
    anchored: list[int] = field(default_factory=list)
    revisions: list[tuple[datetime.date, str]] = field(default_factory=list)
    ratings: list[tuple[str, datetime.date, list[int]]] = field(default_factory=list)
    activities: list[tuple[str, datetime.date, int, str, uuid.UUID]] = field(default_factory=list)
    discharge: dict | None = None
    income_after: list[int] = field(default_factory=list)

    @property
    def ends_on(self) -> datetime.date:
        """The last day of the participation so far."""
        return self.discharge["discharged_on"] if self.discharge else self.today


def _enrolment_day(rng: random.Random, site: Site, today: datetime.date):
    """A day in one of the site's periods (weighted by length) and that period's end."""
    usable = [(start, min(end, today)) for start, end in site.periods if start <= today]
    weights = [max((end - start).days, 1) for start, end in usable]
    start, end = rng.choices(usable, weights=weights)[0]
    last_intake = max(start, end - datetime.timedelta(days=30))
    day = start + DAY * rng.randrange((last_intake - start).days + 1)
    period_end = next(e for s, e in site.periods if s == start)
    return day, period_end


def _anonymous(rng) -> bool:
    """About 8 % register anonymously; everyone does in an aggregates-only installation."""
    drawn = rng.random() < 0.08  # drawn either way, so the other draws stay the same
    return drawn or settings.PARTICIPANTS_AGGREGATES_ONLY


def plan_person(*, seed: int, index: int, site: Site, setup: Setup,
                activity_count: int) -> Person:
    # Reproducible demo data, not secrets: a seeded generator on purpose.
    rng = random.Random(f"{seed}:{index}")  # noqa: S311  # nosec B311
    today = setup.today
    enrolled_on, period_end = _enrolment_day(rng, site, today)
    person = Person(pk=uuid.UUID(int=rng.getrandbits(128), version=4), site=site,
                    sex=pick(rng, SEXES), anonymous=_anonymous(rng), enrolled_on=enrolled_on,
                    today=today)
    end_type = pick(rng, END_TYPES)
    days = {"planned": rng.triangular(90, 540, 240), "interrupted": rng.triangular(14, 300, 90),
            "wrong": rng.triangular(1, 30, 7)}[end_type]
    ends = min(enrolled_on + DAY * int(days), period_end)
    if ends <= today:
        person.discharge = {"discharged_on": ends, "end_type": end_type}
    if not person.anonymous:
        _identity(rng, person, setup)
        _enrolment(rng, person, setup)
        _plan(rng, person, setup)
        _ratings(rng, person, setup)
        if person.discharge:
            _discharge(rng, person, setup)
    _activities(rng, person, setup, activity_count, seed)
    return person


def _identity(rng, person: Person, setup: Setup) -> None:
    birth = fiction.birth_date_for(rng, person.enrolled_on)
    person.name = fiction.name_for(rng, person.sex)
    person.identity = fiction.coordination_number(rng, birth, person.sex)
    person.birth = birth
    site = person.site
    if site.owner_kommun and rng.random() < 0.75:
        person.home_kommun = site.owner_kommun
    else:
        person.home_kommun = rng.choice(site.kommuner)
    partners = [p for p in site.partners if rng.random() < 0.7] or [site.partners[0]]
    given_on = person.enrolled_on - DAY * rng.randrange(8)
    person.consent = {"given_on": given_on, "form_version": "Demo 1 (påhittad)",
                      "valid_until": add_months(given_on, 24) if rng.random() < 0.3 else None,
                      "partners": partners}


def _code(setup: Setup, key: str, code: str) -> int:
    return setup.codes[(key, code)]


def _enrolment(rng, person: Person, setup: Setup) -> None:
    group = pick(rng, TARGET_GROUPS)
    income = [rng.choice(INCOME_BY_GROUP[group])]
    if rng.random() < 0.2:
        income.append(rng.choice(SECOND_INCOME))
    occupation = pick(rng, OCCUPATION_BEFORE)
    site = person.site
    person.enrolment = {
        "enrolled_on": person.enrolled_on,
        "referrer_id": rng.choice(site.partners + ((site.owner_kommun,)
                                                   if site.owner_kommun else ())),
        "referral_text": rng.choice(fiction.REFERRALS),
        "target_group_id": _code(setup, "target_group", group),
        "occupation_before_id": _code(setup, "occupation", occupation),
        "occupation_before_percent": rng.choice([25, 50]) if occupation in WORK else None,
        "support_time_before_id": _code(setup, "support_time", pick(rng, SUPPORT_TIME)),
        "education_id": _code(setup, "education", pick(rng, EDUCATION)),
    }
    person.income_before = sorted({_code(setup, "income", c) for c in income})


def _plan(rng, person: Person, setup: Setup) -> None:
    """Most get a plan within six weeks; a few active plans are left overdue for revision."""
    if rng.random() < 0.08:
        return
    established = person.enrolled_on + DAY * int(rng.triangular(5, 70, 25))
    if established > person.ends_on:
        return
    revisions = []
    n = 1
    while True:
        day = add_months(established, setup.plan_months * n) + DAY * rng.randrange(-7, 15)
        if day > person.ends_on or n > 12:
            break
        revisions.append((day, rng.choice(fiction.REVISION_NOTES)))
        n += 1
    if revisions and not person.discharge and rng.random() < 0.2:
        revisions.pop()
    latest = max([established] + [day for day, _ in revisions])
    person.plan = {"established_on": established, "goals": rng.choice(fiction.GOALS),
                   "steps": rng.choice(fiction.STEPS),
                   "anchored_with_participant": rng.random() < 0.9,
                   "next_revision_due": add_months(latest, setup.plan_months)}
    person.anchored = [p for p in person.site.partners if rng.random() < 0.6]
    person.revisions = revisions


def _ratings(rng, person: Person, setup: Setup) -> None:
    """At start, every few months and at exit, at most `setup.ratings`, slowly rising."""
    if setup.ratings < 1:
        return
    first = person.enrolled_on + DAY * rng.randrange(15)
    if first > person.ends_on:
        return
    dates = [("start", first)]
    exit_day = None
    if person.discharge and person.discharge["end_type"] != "wrong":
        exit_day = person.discharge["discharged_on"]
    n = 1
    room = setup.ratings - 1 - (1 if exit_day else 0)
    while n <= room:
        day = add_months(first, setup.rating_months * n)
        if day >= (exit_day or person.ends_on + DAY):
            break
        dates.append(("quarterly", day))
        n += 1
    if exit_day and setup.ratings > 1 and exit_day > first:
        dates.append(("exit", exit_day))
    low, high = setup.scale
    values = [rng.randint(low, min(high, low + 2)) for _ in setup.items]
    for occasion, day in dates:
        person.ratings.append((occasion, day, list(values)))
        values = [min(high, max(low, v + rng.choice((-1, 0, 0, 1, 1)))) for v in values]


def _discharge(rng, person: Person, setup: Setup) -> None:
    discharge = person.discharge
    end_type = discharge["end_type"]
    if end_type == "wrong":
        return
    occupation = pick(rng, OCCUPATION_AFTER[end_type])
    held = rng.random() < (0.85 if end_type == "planned" else 0.4)
    site = person.site
    discharge.update({
        "occupation_after_id": _code(setup, "occupation", occupation),
        "occupation_after_percent": rng.choice([50, 75, 100]) if occupation in WORK else None,
        "exit_conversation_held": held,
        "exit_conversation_on": discharge["discharged_on"] if held else None,
        "next_step": rng.choice(fiction.NEXT_STEPS),
        "next_step_party_id": rng.choice(site.partners) if rng.random() < 0.6 else None,
    })
    person.income_after = [_code(setup, "income", rng.choice(INCOME_AFTER[occupation]))]


@lru_cache(maxsize=4096)
def _group_batch(seed: int, site: str, day: datetime.date) -> uuid.UUID:
    """Everyone at the same group session shares one batch, as when logged together."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"insatsportal-demo:{seed}:{site}:{day.isoformat()}")


def _activities(rng, person: Person, setup: Setup, count: int, seed: int) -> None:
    start, end = person.enrolled_on, person.ends_on
    span = (end - start).days + 1
    for _ in range(count):
        kind = pick(rng, KINDS)
        day = start + DAY * rng.randrange(span)
        _weight, low, high = ACTIVITY_KINDS[kind]
        minutes = 15 * rng.randint(low, high)
        note = "" if person.anonymous else rng.choice(fiction.ACTIVITY_NOTES)
        batch = uuid.UUID(int=rng.getrandbits(128), version=4)
        if kind == "group":
            wednesday = day - DAY * day.weekday() + DAY * GROUP_WEEKDAY
            if start <= wednesday <= end:
                day = wednesday
            batch = _group_batch(seed, person.site.name, day)
            note = ""
        person.activities.append((kind, day, minutes, note, batch))
