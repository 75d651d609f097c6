"""Generate fictional participants for the demo and for load tests.

`demo_data_generate` plans every person from the seed and their index (people.py), then
writes them in chunks of CHUNK people, each committed on its own (write.py; COPY on
PostgreSQL), and finally the follow-ups, which depend on the random samples drawn over
the whole intervention. A run that stops keeps its committed chunks and the same call
later goes on from there; a seed that has been generated to its end is not generated again.
"""

import datetime
import random
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections, transaction
from django.db.models import Max
from django.utils import timezone

from insatsportal.accounts.models import User
from insatsportal.core.audit import log_action
from insatsportal.core.calendar import add_months
from insatsportal.core.models import AuditEntry
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.participants import crypto
from insatsportal.participants.models import (
    Code,
    Discharge,
    FollowUp,
    FollowUpSample,
    Instrument,
    Participant,
)
from insatsportal.participants.services.facts import facts_keep
from insatsportal.participants.services.followup import (
    follow_up_sample_draw,
    policy_for,
    sampled_ids,
)

from . import fiction, interventions, people, write

CHUNK = 1000
SAMPLE_SIZE = 15
NAME_ATTEMPTS = 5  # two people of one intervention rarely share a name, as in life


class DemoDataError(Exception):
    """The generator refuses to run; the message says why."""


@dataclass
class GenerationResult:
    seed: int
    created: bool
    counts: dict = field(default_factory=dict)
    seconds: float = 0.0
    people_seconds: float = 0.0  # writing the people, without interventions and follow-ups
    interventions: list = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def demo_data_refusal(*, force: bool) -> str:
    """Why the generator may not run here, or "" when it may."""
    if settings.PRODUCTION:
        return "Fictional participants are never generated with APP_ENV=production."
    if not settings.DEMO_MODE and not force:
        return "Fictional participants are generated only with DEMO_MODE=1 (or --force)."
    return ""


def _sites(targets: list[Intervention], today: datetime.date) -> list[people.Site]:
    kommuner = tuple(Member.objects.filter(kind=Member.Kind.KOMMUN).order_by("name")
                     .values_list("pk", flat=True))
    sites = []
    for intervention in targets:
        grants = list(intervention.grants.order_by("period_start")
                      .values_list("period_start", "period_end"))
        periods = tuple(grants) or ((intervention.start_date or add_months(today, -24),
                                     intervention.end_date or today),)
        partners = tuple(intervention.partners.order_by("name").values_list("pk", flat=True))
        owner = intervention.owner
        sites.append(people.Site(
            pk=intervention.pk, name=intervention.name, periods=periods,
            owner_kommun=owner.pk if owner.kind == Member.Kind.KOMMUN else None,
            kommuner=kommuner, partners=partners or (owner.pk,)))
    return [s for s in sites if any(start <= today for start, _end in s.periods)]


def _allocation(count: int, sites: list[people.Site], seed: int) -> list[people.Site]:
    """Which site each person belongs to: the demo intervention twice the others' share."""
    weights = [2] + [1] * (len(sites) - 1)
    exact = [count * w / sum(weights) for w in weights]
    shares = [int(x) for x in exact]
    for i in sorted(range(len(sites)), key=lambda i: shares[i] - exact[i])[:count - sum(shares)]:
        shares[i] += 1
    order = [site for site, n in zip(sites, shares, strict=True) for _ in range(n)]
    random.Random(f"{seed}:allocation").shuffle(order)  # noqa: S311  # nosec B311
    return order


def _activity_counts(count: int, average: int, seed: int) -> list[int]:
    """Between half and one and a half times `average` each, exactly `average` on the whole."""
    result = []
    for pair in range(0, count, 2):
        rng = random.Random(f"{seed}:activities:{pair}")  # noqa: S311  # nosec B311
        spread = rng.randint(-(average // 2), average // 2)
        result += [average + spread, average - spread]
    if count % 2:
        result[-1] = average
    return result[:count]


def _setup(today, activities: int, ratings: int,
           rating_months: int) -> tuple[people.Setup, Instrument]:
    instrument = Instrument.objects.filter(is_active=True).order_by("name", "-version").first()
    if instrument is None:
        raise DemoDataError("No active rating instrument: run the migrations first.")
    codes = {(key, code): pk for pk, key, code in Code.objects.filter(is_active=True)
             .values_list("pk", "code_list__key", "code")}
    items = tuple(instrument.items.order_by("order", "pk").values_list("pk", flat=True))
    return people.Setup(
        today=today, codes=codes, items=items, scale=(instrument.scale_min, instrument.scale_max),
        activities=activities, ratings=ratings, plan_months=settings.PLAN_REVISION_MONTHS,
        rating_months=rating_months), instrument


def _unique_identity(person: people.Person, used: set, names: set, seed: int,
                     index: int) -> None:
    """Draw again while the number (always) or the name (a few times) is taken in the site.
    `names` holds name indexes, which a resumed run reads back from the people it kept."""
    digest = crypto.keyed_hash(person.identity)
    attempt = 0
    while digest in used or (write.name_index(person.name) in names
                             and attempt < NAME_ATTEMPTS):
        attempt += 1
        rng = random.Random(f"{seed}:{index}:again:{attempt}")  # noqa: S311  # nosec B311
        if write.name_index(person.name) in names:
            person.name = fiction.name_for(rng, person.sex)
        if digest in used:
            person.identity = fiction.coordination_number(rng, person.birth, person.sex)
            digest = crypto.keyed_hash(person.identity)
    used.add(digest)
    names.add(write.name_index(person.name))


def _complete(seed: int) -> bool:
    """Whether a generation with this seed ran to its end (its closing audit entries)."""
    return AuditEntry.objects.filter(action="demo.participants_generated",
                                     data__seed=seed).exists()


def demo_data_generate(
    *,
    participants: int,
    seed: int,
    interventions_count: int = 0,
    activities_per_participant: int = 10,
    ratings_per_participant: int = 3,
    rating_months: int | None = None,
    today: datetime.date | None = None,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    copy: bool | None = None,
) -> GenerationResult:
    """Each chunk of CHUNK people is committed on its own, so that a stopped run keeps what
    it wrote and the same call later goes on from there (the people are planned from the
    seed and their index alone). `copy`: write with COPY (default on PostgreSQL, which
    alone has it) or through the models."""
    postgresql = connection.vendor == "postgresql"
    if copy is None:
        copy = postgresql
    if copy and not postgresql:
        raise DemoDataError("COPY is PostgreSQL's: write through the models elsewhere.")
    refusal = demo_data_refusal(force=force)
    if refusal:
        raise DemoDataError(refusal)
    if participants < 1 or activities_per_participant < 0 or ratings_per_participant < 0:
        raise DemoDataError("Give at least one participant, and no negative counts.")
    if rating_months is not None and rating_months < 1:
        raise DemoDataError("Ratings are at least one month apart.")
    if today is not None and today > timezone.localdate():
        raise DemoDataError("The data cannot be generated as of a day in the future.")
    today = today or timezone.localdate()
    result = GenerationResult(seed=seed, created=False)
    with transaction.atomic():
        demo = Intervention.objects.filter(name=interventions.DEMO_INTERVENTION).first()
        if demo is None:
            raise DemoDataError("Load the demo first (manage.py load_demo).")
        Intervention.objects.select_for_update().filter(pk=demo.pk).first()
        written = Participant.objects.filter(demo_seed=seed).count()
        if written and _complete(seed):
            result.counts = {"participants": written}
            return result
        if written % CHUNK and written < participants:
            raise DemoDataError("A stopped generation of this seed had another size.")
        started = time.perf_counter()
        generated = interventions.generated_interventions_ensure(count=interventions_count,
                                                                 today=today)
        interventions.demo_follow_up_policy_ensure(demo)
    sites = _sites([demo, *generated], today)
    if not sites:
        raise DemoDataError("No intervention had started by that day.")
    result.interventions = [s.name for s in sites]
    setup, instrument = _setup(today, activities_per_participant, ratings_per_participant,
                               rating_months or settings.RATING_INTERVAL_MONTHS)
    actor = User.objects.filter(username=interventions.PERSONA).first()
    actor_id = actor.pk if actor else None
    numbers = {s.pk: Intervention.objects.get(pk=s.pk).participants.aggregate(
        top=Max("number"))["top"] or 0 for s in sites}
    used = {s.pk: set(Participant.objects.filter(intervention_id=s.pk).exclude(
        personnummer_hash=None).values_list("personnummer_hash", flat=True)) for s in sites}
    # The names this seed gave so far, so that a resumed run draws as an uninterrupted one.
    names = {s.pk: set(Participant.objects.filter(intervention_id=s.pk, demo_seed=seed)
                       .exclude(name_index="").values_list("name_index", flat=True)
                       .distinct()) for s in sites}
    counts = write.Counts()
    allocation = _allocation(participants, sites, seed)
    activity_counts = _activity_counts(participants, activities_per_participant, seed)
    people_started = time.perf_counter()

    def planned(begin: int):
        """The chunk from `begin`: planned people, made rows for COPY."""
        chunk = []
        for index in range(begin, min(begin + CHUNK, participants)):
            person = people.plan_person(seed=seed, index=index, site=allocation[index],
                                        setup=setup, activity_count=activity_counts[index])
            if not person.anonymous:
                _unique_identity(person, used[person.site.pk], names[person.site.pk], seed,
                                 index)
            chunk.append(person)
        if not copy:
            return chunk, len(chunk)
        from . import bulk  # imports psycopg

        return bulk.prepare(chunk, numbers=numbers, seed=seed, actor_id=actor_id,
                            instrument_id=instrument.pk, items=setup.items,
                            content_type=content_type), len(chunk)

    content_type = ContentType.objects.get_for_model(Participant).pk
    # The next chunk is planned in a second thread while this one waits for the database
    # to store the last; chunks are still planned and written one after another, in order.
    with ThreadPoolExecutor(max_workers=1) as planner:
        try:
            upcoming = planner.submit(planned, written)
            for begin in range(written, participants, CHUNK):
                chunk, size = upcoming.result()
                if begin + CHUNK < participants:
                    upcoming = planner.submit(planned, begin + CHUNK)
                with transaction.atomic():
                    if postgresql:
                        # A chunk lost to a crash is written again by the next run (it
                        # counts the people kept): no need to wait for the disk at commit.
                        with connection.cursor() as cursor:
                            cursor.execute("SET LOCAL synchronous_commit TO OFF")
                    write.write_people(chunk, copy=copy, numbers=numbers, seed=seed,
                                       actor_id=actor_id, instrument_id=instrument.pk,
                                       items=setup.items, counts=counts)
                if progress:
                    done = begin + size - written
                    progress(f"{begin + size} of {participants} participants written "
                             f"({done / (time.perf_counter() - people_started):.0f} "
                             f"people/s)")
        finally:
            planner.submit(connections.close_all)  # the planner's own connection, if any
    result.people_seconds = time.perf_counter() - people_started
    with transaction.atomic():
        _follow_ups(sites, seed=seed, today=today, actor=actor, codes=setup.codes,
                    counts=counts)
        # The reports count the kept facts (participants/facts.py): one INSERT … SELECT.
        facts_keep(Participant.objects.filter(demo_seed=seed))
        for site in sites:
            log_action(actor=None, obj=Intervention.objects.get(pk=site.pk),
                       action="demo.participants_generated",
                       data={"seed": seed, "participants": allocation.count(site)})
    result.created = True
    result.counts = dict(counts)
    result.seconds = time.perf_counter() - started
    return result


def _follow_ups(sites, *, seed: int, today: datetime.date, actor, codes, counts) -> None:
    """Samples for the interventions that follow up a sample, then the follow-ups made."""
    occupations = {pk: code for (key, code), pk in codes.items() if key == "occupation"}
    for site in sites:
        policy = policy_for(site.pk)
        if policy.sample_only:
            _draw_samples(site, seed=seed, today=today, actor=actor, months=policy.months)
        chosen = sampled_ids(site.pk) if policy.sample_only else None
        rows = (Participant.objects.filter(demo_seed=seed, intervention_id=site.pk,
                                           is_anonymous=False, discharge__isnull=False)
                .exclude(discharge__end_type=Discharge.EndType.WRONG_REGISTRATION)
                .order_by("number")
                .values_list("pk", "discharge__discharged_on", "discharge__occupation_after"))
        follow_ups, incomes = [], []
        for pk, discharged_on, occupation in rows:
            if chosen is not None and str(pk) not in chosen:
                continue
            planned = _follow_up(pk, discharged_on, occupations.get(occupation),
                                 months=policy.months, today=today, seed=seed, codes=codes,
                                 actor_id=actor.pk if actor else None)
            if planned is not None:
                follow_ups.append(planned[0])
                incomes.append(planned[1])
        made = FollowUp.objects.bulk_create(follow_ups, batch_size=write.BATCH)
        write.insert_links(FollowUp.income, [
            (f.pk, income) for f, income in zip(made, incomes, strict=True)])
        counts.add("follow-ups", len(made))


def _draw_samples(site, *, seed, today, actor, months) -> None:
    """One sample a calendar year of discharges, once the year is over; never redrawn."""
    years = sorted({d.year for d in Discharge.objects.filter(
        participant__intervention_id=site.pk).values_list("discharged_on", flat=True)})
    for year in years:
        first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        if last >= today or FollowUpSample.objects.filter(
                intervention_id=site.pk, discharged_from=first, discharged_to=last).exists():
            continue
        if not Participant.objects.filter(intervention_id=site.pk, is_anonymous=False,
                                          discharge__discharged_on__range=(first, last)).exclude(
                discharge__end_type=Discharge.EndType.WRONG_REGISTRATION).exists():
            continue
        draw_seed = random.Random(f"{seed}:sample:{site.name}:{year}").randrange(2**31)  # noqa: S311  # nosec B311
        follow_up_sample_draw(actor=actor, intervention=Intervention.objects.get(pk=site.pk),
                              discharged_from=first, discharged_to=last, size=SAMPLE_SIZE,
                              stratified_by_sex=year % 2 == 0, seed=draw_seed)


def _follow_up(pk, discharged_on, occupation: str | None, *, months, today, seed, codes,
               actor_id):
    """Older follow-ups are all made; of those due lately about half are still to do."""
    due = add_months(discharged_on, months)
    if due > today:
        return None
    rng = random.Random(f"{seed}:follow-up:{pk}")  # noqa: S311  # nosec B311
    if (today - due).days < 60 and rng.random() < 0.5:
        return None
    row = FollowUp(participant_id=pk, months=months, recorded_by_id=actor_id,
                   followed_up_on=min(today, due + datetime.timedelta(days=rng.randrange(30))),
                   contact_made=rng.random() < 0.85)
    if not row.contact_made:
        return row, []
    if occupation is None or rng.random() < 0.3:
        occupation = people.pick(rng, people.OCCUPATION_AFTER["planned"])
    row.occupation_id = codes[("occupation", occupation)]
    row.occupation_percent = rng.choice([50, 75, 100]) if occupation in people.WORK else None
    row.note = rng.choice(fiction.FOLLOW_UP_NOTES)
    return row, [codes[("income", rng.choice(people.INCOME_AFTER[occupation]))]]
