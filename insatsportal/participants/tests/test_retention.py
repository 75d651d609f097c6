"""Retention acts exactly on the limit: not the day before, on the day and after it."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command

from insatsportal.core.models import AuditEntry
from insatsportal.participants.models import Activity, Participant, ReadLogEntry
from insatsportal.participants.services.readlog import read_log_record
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date
DISCHARGED = D(2022, 3, 1)


def _run(day, *args):
    out = StringIO()
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 12,
                                               tzinfo=datetime.UTC), tick=False):
        call_command("apply_retention", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def discharged(demo, settings):
    settings.PARTICIPANT_RETENTION_DAYS = {"identity": 730, "record": 1826, "read_log": 1096}
    participant = factories.identified(name="Gammal Deltagare")
    factories.enrol(participant, enrolled_on=D(2021, 9, 1))
    factories.activity(participant, occurred_on=D(2021, 10, 4), note="Anteckning")
    factories.discharge(participant, discharged_on=DISCHARGED, exit_conversation_held=False)
    return participant


@pytest.mark.parametrize(("day", "anonymous"), [
    (DISCHARGED + datetime.timedelta(days=729), False),   # the day before the limit
    (DISCHARGED + datetime.timedelta(days=730), True),    # on the limit
    (DISCHARGED + datetime.timedelta(days=731), True),    # after it
])
def test_identity_goes_exactly_at_the_limit(discharged, day, anonymous):
    _run(day)
    participant = Participant.objects.get(pk=discharged.pk)
    assert participant.is_anonymous is anonymous
    assert Activity.objects.filter(participant=participant, note="").exists() is anonymous


@pytest.mark.parametrize(("day", "kept"), [
    (DISCHARGED + datetime.timedelta(days=1825), True),
    (DISCHARGED + datetime.timedelta(days=1826), False),
    (DISCHARGED + datetime.timedelta(days=1827), False),
])
def test_the_record_is_removed_exactly_at_the_limit(discharged, day, kept):
    _run(day)
    assert Participant.objects.filter(pk=discharged.pk).exists() is kept
    assert Activity.objects.exists() is kept


@pytest.mark.parametrize(("days", "kept"), [(1095, True), (1096, False), (1097, False)])
def test_read_log_entries_go_exactly_at_the_limit(discharged, days, kept):
    with time_machine.travel(datetime.datetime(2022, 1, 10, 12, tzinfo=datetime.UTC),
                             tick=False):
        read_log_record(user=factories.staff(), participants=[discharged], what="page")
    _run(D(2022, 1, 10) + datetime.timedelta(days=days))
    assert ReadLogEntry.objects.exists() is kept


def test_a_dry_run_changes_nothing_and_the_protocol_has_no_personal_data(discharged):
    day = DISCHARGED + datetime.timedelta(days=800)
    out = _run(day, "--dry-run")
    assert "1 anonymised" in out and "dry run" in out
    assert not Participant.objects.get(pk=discharged.pk).is_anonymous
    assert not AuditEntry.objects.filter(action="retention.applied").exists()
    out = _run(day)
    entry = AuditEntry.objects.get(action="retention.applied")
    assert entry.data["anonymised"] == 1
    for text in (out, str(entry.data), entry.object_repr):
        assert "Gammal" not in text and "19900101" not in text and "900101" not in text


def test_a_participant_still_in_the_intervention_is_never_touched(demo, settings):
    settings.PARTICIPANT_RETENTION_DAYS = {"identity": 1, "record": 2, "read_log": 1096}
    participant = factories.identified()
    _run(D(2030, 1, 1))
    assert not Participant.objects.get(pk=participant.pk).is_anonymous
