"""The kept rows the reports count (ParticipantFacts with its known states, ItemChangeTotal)
stay what their one definition reads from the records after every service that changes those
records, and the migrations fill them the same way for the people already held."""

import datetime
import importlib
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.models import Count, Sum
from django.test import override_settings

from insatsportal.participants import facts
from insatsportal.participants.models import (
    ItemChange,
    ItemChangeTotal,
    Participant,
    ParticipantFacts,
)
from insatsportal.participants.services import registration
from insatsportal.participants.services.discharge import discharge_record
from insatsportal.participants.services.enrolment import enrolment_record
from insatsportal.participants.services.followup import follow_up_record
from insatsportal.participants.services.retention import retention_apply
from insatsportal.participants.tests import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date
COLUMNS = list(facts.DEFINITIONS)
ENROLLED, DISCHARGED = D(2024, 1, 15), D(2024, 9, 30)


def _kept() -> set:
    return set(ParticipantFacts.objects.values_list(*COLUMNS))


def _read() -> set:
    """Every person's facts read afresh from their records (DEFINITIONS)."""
    return set(facts.fact_rows(Participant.objects.all()))


def _totals() -> set:
    return set(ItemChangeTotal.objects.filter(people__gt=0).values_list(
        "intervention_id", "item_id", "total", "people"))


def _summed() -> set:
    return set(ItemChange.objects.order_by().values("intervention_id", "item_id").annotate(
        total=Sum("change"), people=Count("pk")).values_list(
        "intervention_id", "item_id", "total", "people"))


def _states() -> set:
    """The kept known states (ParticipantFacts.known_states), a row per code."""
    rows = set()
    for *key, day, states in ParticipantFacts.objects.exclude(known_states="").values_list(
            "participant_id", "intervention_id", "discharged_on", "known_states"):
        for phase, (income, occupation) in facts.known_states_read(states).items():
            rows |= {(*key, day, day.year, phase, "income", code) for code in income}
            if occupation is not None:
                rows.add((*key, day, day.year, phase, "occupation", occupation))
    return rows


def _codes(many) -> set:
    return {code.code for code in many.all()}


def _states_read() -> set:
    """Every person's state codes read from the records one by one in Python: the twin of
    facts.known_state_rows (support known before and after, wrong registrations left out;
    the follow-up only with contact made and a known support then)."""
    unknown = facts.UNKNOWN_SUPPORT_CODE
    rows = set()
    for person in Participant.objects.select_related(
            "enrolment__occupation_before", "discharge__occupation_after",
            "follow_up__occupation"):
        enrolment = getattr(person, "enrolment", None)
        discharge = getattr(person, "discharge", None)
        if enrolment is None or discharge is None or discharge.end_type == "wrong":
            continue
        before, after = _codes(enrolment.income_before), _codes(discharge.income_after)
        if not before or not after or unknown in before | after:
            continue
        states = [("before", before, enrolment.occupation_before),
                  ("after", after, discharge.occupation_after)]
        follow_up = getattr(person, "follow_up", None)
        if follow_up is not None and follow_up.contact_made:
            then = _codes(follow_up.income)
            if then and unknown not in then:
                states.append(("follow_up", then, follow_up.occupation))
        key = (person.pk, person.intervention_id, discharge.discharged_on,
               discharge.discharged_on.year)
        for phase, income, occupation in states:
            rows |= {(*key, phase, "income", code) for code in income}
            if occupation is not None:
                rows.add((*key, phase, "occupation", occupation.code))
    return rows


def _agree():
    assert _kept() == _read()
    assert _totals() == _summed()
    assert _states() == _states_read()


def test_every_service_that_changes_a_fact_keeps_the_counted_row(demo):
    anna, bo = f.identified(), f.identified(pnr=f.OTHER_PNR, name="Bo Bosson", sex="man")
    anonymous = f.anonymous(start_year=2023)
    assert {row[0] for row in _kept()} >= {anna.pk, bo.pk, anonymous.pk}
    f.enrol(anna, enrolled_on=D(2024, 2, 1))
    f.enrol(bo, enrolled_on=D(2024, 3, 1))
    _agree()
    f.plan(anna, established_on=D(2024, 2, 20))
    f.rate(anna, rated_on=D(2024, 2, 2), value=2)
    f.rate(anna, rated_on=D(2024, 6, 2), value=4)
    f.rate(bo, rated_on=D(2024, 3, 2), value=3)
    f.rate(bo, rated_on=D(2024, 5, 2), value=1)
    _agree()
    row = ParticipantFacts.objects.get(participant=anna)
    assert (row.started_on, row.plan_on, row.plan_anchored) == (D(2024, 2, 1), D(2024, 2, 20),
                                                                True)
    assert (row.latest_rated_on, row.latest_rating_improved) == (D(2024, 6, 2), True)
    assert _totals() and all(people == 2 for *_key, _total, people in _totals())
    f.discharge(anna, discharged_on=D(2024, 9, 30))
    f.follow_up(anna, followed_up_on=D(2025, 3, 30))
    row.refresh_from_db()
    assert (row.discharged_on, row.to_work, row.followed_up_on) == (D(2024, 9, 30), True,
                                                                    D(2025, 3, 30))
    assert {state[4] for state in _states()} == {"before", "after", "follow_up"}
    _agree()
    registration.participant_update(actor=f.staff(), participant=bo, name="Bo Bosson",
                                    sex="annat")
    assert ParticipantFacts.objects.get(participant=bo).sex == "annat"
    # A wrong registration counts nowhere: its row goes.
    f.discharge(bo, discharged_on=D(2024, 6, 1), end_type="wrong")
    assert not ParticipantFacts.objects.filter(participant=bo).exists()
    _agree()
    # Withdrawn consent: the ratings go, and with them the person's part of the sums.
    registration.consent_withdraw(actor=f.staff(), participant=anna)
    _agree()
    assert ParticipantFacts.objects.get(participant=anna).latest_rated_on is None


def test_retention_takes_the_removed_peoples_part_of_the_sums(demo, settings):
    anna = f.identified()
    f.enrol(anna, enrolled_on=D(2020, 2, 1))
    f.rate(anna, rated_on=D(2020, 2, 2), value=2)
    f.rate(anna, rated_on=D(2020, 6, 2), value=4)
    f.discharge(anna, discharged_on=D(2020, 9, 30))
    assert _totals()
    retention_apply(today=D(2040, 1, 1))
    assert not Participant.objects.filter(pk=anna.pk).exists()
    assert _totals() == set()
    _agree()


def test_the_migration_fills_the_rows_as_the_services_keep_them(demo):
    from insatsportal.demo.generate.services import demo_data_generate
    from insatsportal.participants.services.rating import item_changes_write

    with override_settings(DEMO_MODE=True):
        demo_data_generate(participants=60, seed=11, interventions_count=1,
                           ratings_per_participant=4, rating_months=1, today=D(2025, 6, 30))
    wrong = Participant.objects.filter(discharge__end_type="wrong").count()
    kept, totals = _kept(), _totals()
    assert len(kept) == Participant.objects.count() - wrong and totals
    assert kept == _read() and totals == _summed()
    ParticipantFacts.objects.all().delete()
    ItemChangeTotal.objects.all().delete()
    migration = importlib.import_module(
        "insatsportal.participants.migrations.0017_participant_facts")
    migration.fill(None, SimpleNamespace(connection=connection))  # it reads nothing else
    importlib.import_module("insatsportal.participants.migrations.0019_support_known").fill(
        None, SimpleNamespace(connection=connection))  # the column added after
    assert _kept() == kept
    assert _totals() == totals
    # The service writes the same sums again from nothing (the generator's path).
    ItemChangeTotal.objects.all().delete()
    ItemChange.objects.all().delete()
    item_changes_write(Participant.objects.values_list("pk", flat=True), new=True)
    assert _totals() == totals


def _enrol(person, *income, enrolled_on=ENROLLED):
    return enrolment_record(
        actor=f.staff(), participant=person, enrolled_on=enrolled_on,
        income_before=[f.code("income", c) for c in income],
        occupation_before=f.code("occupation", "arbetssokande"),
        support_time_before=f.code("support_time", "1-2"),
        education=f.code("education", "grundskola"))


def _discharge(person, *income, discharged_on=DISCHARGED, end_type="planned"):
    return discharge_record(
        actor=f.staff(), participant=person, discharged_on=discharged_on, end_type=end_type,
        income_after=[f.code("income", c) for c in income],
        occupation_after=f.code("occupation", "studier"))


def _follow_up(person, *income, contact_made=True):
    return follow_up_record(
        actor=f.staff(), participant=person, followed_up_on=D(2025, 3, 30),
        contact_made=contact_made, income=[f.code("income", c) for c in income],
        occupation=f.code("occupation", "arbetssokande") if contact_made else None)


def _of(person) -> set:
    return {state[4:] for state in _states() if state[0] == person.pk}


def test_the_kept_state_codes_follow_every_kind_of_change(demo):
    anna, bo = f.identified(), f.identified(pnr=f.OTHER_PNR, name="Bo Bosson", sex="man")
    _enrol(anna, "forsorjningsstod")
    _enrol(bo, "sjukpenning")
    assert _of(anna) == set()  # not discharged: nothing known after
    _discharge(anna, "ingen")
    _agree()
    assert _of(anna) == {("before", "income", "forsorjningsstod"),
                         ("before", "occupation", "arbetssokande"),
                         ("after", "income", "ingen"), ("after", "occupation", "studier")}
    # The enrolment edited: the codes before follow.
    _enrol(anna, "a-kassa", "sjukpenning")
    assert ("before", "income", "a-kassa") in _of(anna)
    assert ("before", "income", "forsorjningsstod") not in _of(anna)
    _agree()
    # The discharge edited: its date and codes follow; "okänd" after takes the person out.
    _discharge(anna, "ingen", discharged_on=D(2024, 10, 15))
    assert {state[2:4] for state in _states() if state[0] == anna.pk} == {(D(2024, 10, 15),
                                                                          2024)}
    _discharge(anna, "okand", discharged_on=D(2024, 10, 15))
    assert _of(anna) == set()
    _discharge(anna, "ingen", discharged_on=D(2024, 10, 15))
    _agree()
    # The follow-up: with contact and a known support only.
    _follow_up(anna, "okand")
    assert not {s for s in _of(anna) if s[0] == "follow_up"}
    _follow_up(anna, "forsorjningsstod")
    assert {s for s in _of(anna) if s[0] == "follow_up"} == {
        ("follow_up", "income", "forsorjningsstod"), ("follow_up", "occupation", "arbetssokande")}
    _agree()
    _follow_up(anna, contact_made=False)
    assert not {s for s in _of(anna) if s[0] == "follow_up"}
    _agree()
    # A discharge turned into a wrong registration counts nowhere.
    _discharge(bo, "ingen")
    assert _of(bo)
    _discharge(bo, end_type="wrong")
    assert _of(bo) == set()
    _agree()


def test_anonymising_takes_the_kept_state_codes_with_the_records(demo):
    anna, bo = f.identified(), f.identified(pnr=f.OTHER_PNR, name="Bo Bosson", sex="man")
    for person in (anna, bo):
        _enrol(person, "forsorjningsstod")
        _discharge(person, "ingen")
        _follow_up(person, "ingen")
    assert _of(anna) and _of(bo)
    registration.consent_withdraw(actor=f.staff(), participant=anna)  # the codes go
    assert _of(anna) == set() and _of(bo)
    registration.participant_mark_protected(actor=f.staff(), participant=bo)  # all but sex
    assert _states() == set()
    _agree()


def test_retention_anonymises_and_removes_the_kept_state_codes(demo):
    anna, bo = f.identified(), f.identified(pnr=f.OTHER_PNR, name="Bo Bosson", sex="man")
    for person, day in ((anna, D(2020, 9, 30)), (bo, D(2024, 9, 30))):
        _enrol(person, "forsorjningsstod", enrolled_on=day - datetime.timedelta(days=200))
        _discharge(person, "ingen", discharged_on=day)
    assert _of(anna) and _of(bo)
    # Anna's record is past its limit for removal, Bo's past the one for anonymising.
    days = _retention_days(record=D(2040, 1, 1) - D(2021, 1, 1),
                         identity=D(2040, 1, 1) - D(2025, 1, 1))
    with override_settings(PARTICIPANT_RETENTION_DAYS=days):
        protocol = retention_apply(today=D(2040, 1, 1))
    assert sum(protocol.removed.values()) == 1 and sum(protocol.anonymised.values()) == 1
    assert not Participant.objects.filter(pk=anna.pk).exists()
    assert Participant.objects.get(pk=bo.pk).is_anonymous
    assert _states() == set()
    _agree()


def _retention_days(*, record, identity) -> dict:
    from django.conf import settings

    return {**settings.PARTICIPANT_RETENTION_DAYS, "record": record.days,
            "identity": identity.days}


def _codes_present() -> None:
    """A transactional test may follow another's flush, which takes the seeded code lists
    with it: make the few codes used here when they are missing."""
    from insatsportal.participants.models import Code, CodeList

    for key, value in (("income", "forsorjningsstod"), ("income", "ingen"),
                       ("occupation", "arbetssokande"), ("occupation", "studier"),
                       ("support_time", "1-2"), ("education", "grundskola")):
        code_list, _created = CodeList.objects.get_or_create(key=key, defaults={"name": key})
        Code.objects.get_or_create(code_list=code_list, code=value, is_active=True,
                                   defaults={"label": value})


@pytest.mark.django_db(transaction=True)
def test_the_migrations_keep_the_known_states_of_the_people_held(demo):
    """0021 kept a row per code (KnownState); 0023 folds each person's rows into their facts
    row and drops the table."""
    from django.db.migrations.executor import MigrationExecutor

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)

    _codes_present()
    anna, bo = f.identified(), f.identified(pnr=f.OTHER_PNR, name="Bo Bosson", sex="man")
    _enrol(anna, "forsorjningsstod")
    _discharge(anna, "ingen")
    _follow_up(anna, "forsorjningsstod")
    _enrol(bo, "forsorjningsstod", enrolled_on=D(2023, 2, 1))
    _discharge(bo, "ingen", discharged_on=D(2023, 9, 30))
    kept = _states()
    assert {(state[0], state[3], state[4]) for state in kept} >= {
        (anna.pk, 2024, "follow_up"), (bo.pk, 2023, "before"), (bo.pk, 2023, "after")}
    migrate([("participants", "0020_plan_revision_due")])
    try:  # whatever happens, the schema goes forward again for the tests after this one
        assert "participants_knownstate" not in connection.introspection.table_names()
        migrate([("participants", "0021_known_states")])
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM participants_knownstate")
            assert cursor.fetchone()[0] == len(kept)
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert _states() == kept == _states_read()
