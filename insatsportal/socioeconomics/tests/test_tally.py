"""The database's grouped counts (selectors) agree with the rules' tally over the same people
read one by one: the per-person reading below is the twin the SQL is checked against."""

import datetime
import importlib
from collections import defaultdict
from decimal import Decimal

import pytest
from django.db import connection
from stdnum import luhn

from insatsportal.participants.facts import UNKNOWN_SUPPORT_CODE
from insatsportal.participants.models import Discharge, Enrolment, FollowUp, ParticipantFacts
from insatsportal.participants.services.discharge import discharge_record
from insatsportal.participants.services.enrolment import enrolment_record
from insatsportal.participants.services.followup import follow_up_record
from insatsportal.participants.services.registration import consent_withdraw
from insatsportal.participants.tests import factories as f
from insatsportal.socioeconomics import estimate as rules
from insatsportal.socioeconomics import selectors
from insatsportal.socioeconomics.models import CostParameter

pytestmark = pytest.mark.django_db
D = datetime.date
ENROLLED, DISCHARGED = D(2024, 1, 15), D(2024, 9, 30)


def _person(serial, *, before=("forsorjningsstod",), enrolled=ENROLLED,
            discharged=DISCHARGED, after=("ingen",), occupation="arbete-osubventionerat",
            end_type="planned", follow_up=None):
    digits = f"900101{serial:03d}"
    person = f.identified(pnr=f"19900101-{serial:03d}{luhn.calc_check_digit(digits)}",
                          name="Test Person")
    enrolment_record(actor=f.staff(), participant=person, enrolled_on=enrolled,
                     income_before=[f.code("income", c) for c in before],
                     occupation_before=f.code("occupation", "arbetssokande"),
                     support_time_before=f.code("support_time", "1-2"),
                     education=f.code("education", "grundskola"))
    discharge_record(actor=f.staff(), participant=person, discharged_on=discharged,
                     end_type=end_type, income_after=[f.code("income", c) for c in after],
                     occupation_after=occupation and f.code("occupation", occupation),
                     occupation_after_percent=100 if occupation else None)
    if follow_up is not None:
        months = 6
        follow_up_record(actor=f.staff(), participant=person, contact_made=True,
                         followed_up_on=discharged + datetime.timedelta(days=months * 30),
                         income=[f.code("income", c) for c in follow_up],
                         occupation=f.code("occupation", "studier"))
    return person


def _codes_by(through, owner_field, owner_ids):
    found = defaultdict(set)
    for owner_id, code in through.objects.filter(**{f"{owner_field}__in": owner_ids}) \
            .values_list(owner_field, "code__code"):
        found[owner_id].add(code)
    return {owner_id: frozenset(codes) for owner_id, codes in found.items()}


def people_one_by_one(intervention_ids) -> dict[int, list]:
    """{intervention id: [(discharged_on, Person)]}: every discharge but wrong registrations,
    each person's codes read into Python (how the selectors read before grouping in SQL)."""
    discharges = list(Discharge.objects.filter(participant__intervention_id__in=intervention_ids)
                      .exclude(end_type=Discharge.EndType.WRONG_REGISTRATION)
                      .values_list("pk", "participant_id", "participant__intervention_id",
                                   "discharged_on", "occupation_after__code"))
    ids = [row[1] for row in discharges]
    enrolments = {row[0]: row for row in Enrolment.objects.filter(participant_id__in=ids)
                  .values_list("participant_id", "pk", "occupation_before__code")}
    follow_ups = {row[0]: row for row in FollowUp.objects.filter(
        participant_id__in=ids, contact_made=True).values_list("participant_id", "pk",
                                                               "occupation__code")}
    after = _codes_by(Discharge.income_after.through, "discharge_id", [r[0] for r in discharges])
    before = _codes_by(Enrolment.income_before.through, "enrolment_id",
                       [r[1] for r in enrolments.values()])
    then = _codes_by(FollowUp.income.through, "followup_id", [r[1] for r in follow_ups.values()])
    people = defaultdict(list)
    for discharge_id, participant_id, intervention_id, day, occupation in discharges:
        enrolment, follow_up = enrolments.get(participant_id), follow_ups.get(participant_id)
        people[intervention_id].append((day, rules.Person(
            discharge_year=day.year,
            before=enrolment and rules.State(before.get(enrolment[1], frozenset()), enrolment[2]),
            after=rules.State(after.get(discharge_id, frozenset()), occupation),
            follow_up=follow_up and rules.State(then.get(follow_up[1], frozenset()),
                                                follow_up[2]))))
    return people


def test_the_grouped_counts_agree_with_the_people_read_one_by_one(demo):
    # 2023 has its own (lower) försörjningsstöd: the period spans two parameter years.
    CostParameter.objects.create(year=2023, code_list="income", code="forsorjningsstod",
                                 payer="kommun", monthly_cost=Decimal(9_000), source="Test",
                                 source_date=D(2023, 1, 1))
    _person(1, follow_up=("ingen",))  # kept the lower cost
    _person(2, follow_up=("forsorjningsstod",))  # back on support: not persisted
    _person(3, before=("sjukpenning", "a-kassa"), after=("forsorjningsstod",),
            follow_up=("forsorjningsstod",))  # same cost as at discharge: persisted
    _person(4, before=("okand",))  # unknown before: left out
    _person(5, after=("okand",))  # unknown after: left out
    _person(6, end_type="wrong")  # a wrong registration: not even discharged
    _person(7, enrolled=D(2023, 2, 1), discharged=D(2023, 9, 30), after=("etableringsersattning",))
    _person(8, before=("aktivitetsstod",), occupation="ingen")
    f.discharge(f.anonymous(start_year=2024))  # anonymous: no state before
    intervention = f.intervention()
    prices = rules.Prices(selectors._parameters())
    tallies = selectors._tallies([intervention.pk], prices)
    grants = list(intervention.grants.all())
    assert len(grants) == 2
    people = people_one_by_one([intervention.pk])[intervention.pk]
    for grant in grants:
        within = [p for day, p in people if grant.period_start <= day <= grant.period_end]
        expected = rules.tally(within, prices)
        found = tallies.get(grant.pk, selectors.EMPTY)
        assert found == expected, grant
    current = tallies[max(grants, key=lambda g: g.period_start).pk]
    assert (current.discharged, current.known, current.followed, current.persisted) == (8, 5, 3, 2)
    assert current.known_by_year == {2023: 1, 2024: 4}
    assert current.states[("before", "income", "forsorjningsstod", 2024)] == 2


def _agree_one_by_one(intervention) -> dict:
    """The tallies read from the kept rows equal the rules' tally of the people read one by
    one from the records, for every grant; returns them by grant id."""
    prices = rules.Prices(selectors._parameters())
    tallies = selectors._tallies([intervention.pk], prices)
    people = people_one_by_one([intervention.pk]).get(intervention.pk, [])
    for grant in intervention.grants.all():
        within = [p for day, p in people if grant.period_start <= day <= grant.period_end]
        assert tallies.get(grant.pk, selectors.EMPTY) == rules.tally(within, prices), grant
    return tallies


def test_the_tallies_follow_the_records_through_every_kind_of_change(demo):
    staff = f.staff()
    anna, bo = _person(1, follow_up=("ingen",)), _person(2, follow_up=("forsorjningsstod",))
    cid, dag = _person(3), _person(4, before=("sjukpenning", "a-kassa"), enrolled=D(2023, 2, 1))
    intervention = f.intervention()
    assert sum(t.followed for t in _agree_one_by_one(intervention).values()) == 2
    # The enrolment edited: other support before.
    enrolment_record(actor=staff, participant=cid, enrolled_on=ENROLLED,
                     income_before=[f.code("income", "aktivitetsstod")],
                     occupation_before=f.code("occupation", "arbetssokande"),
                     support_time_before=f.code("support_time", "1-2"),
                     education=f.code("education", "grundskola"))
    # The discharge edited into another grant's period, and another's support made unknown.
    discharge_record(actor=staff, participant=dag, discharged_on=D(2023, 9, 30),
                     end_type="planned", income_after=[f.code("income", "ingen")],
                     occupation_after=f.code("occupation", "studier"))
    discharge_record(actor=staff, participant=cid, discharged_on=DISCHARGED,
                     end_type="planned", income_after=[f.code("income", "okand")],
                     occupation_after=f.code("occupation", "studier"))
    # A follow-up corrected to an unknown support, and one recorded anew.
    follow_up_record(actor=staff, participant=bo, contact_made=True,
                     followed_up_on=DISCHARGED + datetime.timedelta(days=180),
                     income=[f.code("income", "okand")], occupation=None)
    follow_up_record(actor=staff, participant=dag, contact_made=True,
                     followed_up_on=D(2023, 9, 30) + datetime.timedelta(days=180),
                     income=[f.code("income", "sjukpenning")],
                     occupation=f.code("occupation", "arbetssokande"))
    tallies = _agree_one_by_one(intervention)
    assert sum(t.known for t in tallies.values()) == 3
    assert sum(t.followed for t in tallies.values()) == 2
    # A wrong registration, and a withdrawn consent (anonymised: nothing known after).
    discharge_record(actor=staff, participant=anna, discharged_on=DISCHARGED, end_type="wrong")
    consent_withdraw(actor=staff, participant=dag)
    tallies = _agree_one_by_one(intervention)
    assert sum(t.known for t in tallies.values()) == 1
    assert sum(t.discharged for t in tallies.values()) == 3



def _known_read_one_by_one() -> set[int]:
    """The people whose support is known before and after, read from the records in Python:
    what ParticipantFacts.support_known must keep (the estimate counts those rows)."""
    before = _codes_by(Enrolment.income_before.through, "enrolment__participant_id",
                       Enrolment.objects.values("participant_id"))
    after = _codes_by(Discharge.income_after.through, "discharge__participant_id",
                      Discharge.objects.exclude(end_type=Discharge.EndType.WRONG_REGISTRATION)
                      .values("participant_id"))
    return {pk for pk, codes in after.items()
            if codes and before.get(pk) and rules.UNKNOWN_CODE not in codes | before[pk]}


def _kept() -> set[int]:
    return set(ParticipantFacts.objects.filter(support_known=True)
               .values_list("participant_id", flat=True))


def test_the_kept_support_follows_every_change_to_the_records(demo):
    assert UNKNOWN_SUPPORT_CODE == rules.UNKNOWN_CODE
    known, unknown_after = _person(1), _person(2, after=("okand",))
    _person(3, end_type="wrong")
    kept = _kept()
    assert kept == _known_read_one_by_one()
    assert known.pk in kept and unknown_after.pk not in kept
    # The migration's fill (for rows kept before the column) reads the same.
    ParticipantFacts.objects.update(support_known=False)
    migration = importlib.import_module(
        "insatsportal.participants.migrations.0019_support_known")
    with connection.cursor() as cursor:
        cursor.execute(migration.FILL_SQL)
    assert _kept() == kept
    discharge_record(actor=f.staff(), participant=known, discharged_on=DISCHARGED,
                     end_type="planned", income_after=[f.code("income", "okand")],
                     occupation_after=f.code("occupation", "arbete-osubventionerat"),
                     occupation_after_percent=100)
    assert known.pk not in _kept()
    discharge_record(actor=f.staff(), participant=unknown_after, discharged_on=DISCHARGED,
                     end_type="planned", income_after=[f.code("income", "ingen")],
                     occupation_after=f.code("occupation", "arbete-osubventionerat"),
                     occupation_after_percent=100)
    assert unknown_after.pk in _kept()
    consent_withdraw(actor=f.staff(), participant=unknown_after)  # anonymised: no support after
    assert unknown_after.pk not in _kept()
    assert _kept() == _known_read_one_by_one()
