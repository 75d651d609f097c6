"""The kept rows the reports count (ParticipantFacts, ItemChangeTotal) stay what their one
definition reads from the records after every service that changes those records, and the
migration fills them the same way for the people already held."""

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
from insatsportal.participants.services.retention import retention_apply
from insatsportal.participants.tests import factories as f

pytestmark = pytest.mark.django_db
D = datetime.date
COLUMNS = list(facts.DEFINITIONS)


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


def _agree():
    assert _kept() == _read()
    assert _totals() == _summed()


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
