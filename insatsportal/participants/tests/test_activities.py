import datetime
import json
import uuid

import pytest
import time_machine

from insatsportal.core.models import AuditEntry
from insatsportal.participants.activities import weekly_counts
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.extract import register_extract
from insatsportal.participants.models import Activity
from insatsportal.participants.selectors import read_log_of
from insatsportal.participants.services.registration import consent_withdraw
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def _freeze(day):
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, 12,
                                                 tzinfo=datetime.UTC), tick=False)


def test_the_coordinator_logs_a_coaching_session_for_one_participant(login, demo):
    participant = factories.identified()
    response = login("deltagaransvarig").post(f"/deltagare/{participant.pk}/aktiviteter/ny/", {
        "form_token": str(uuid.uuid4()), "kind": "coaching", "occurred_on": "2024-03-04",
        "duration_minutes": "45", "note": "Cv genomgånget"})
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert (activity.participant, activity.kind, activity.duration_minutes, activity.note) == (
        participant, "coaching", 45, "Cv genomgånget")


def test_a_group_activity_is_logged_for_every_chosen_participant_at_once(login, demo):
    first = factories.identified(name="Grupp Ett")
    second = factories.identified(pnr=factories.OTHER_PNR, name="Grupp Två")
    left_out = factories.identified(pnr="19911111-1119", name="Inte Med")
    anonymous = factories.anonymous()
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{first.intervention_id}/aktiviteter/ny/"
    page = client.get(url).content.decode()
    assert "Grupp Ett" in page and "Inte Med" in page
    response = client.post(url, {
        "form_token": str(uuid.uuid4()), "participants": [first.pk, second.pk, anonymous.pk],
        "kind": "group", "occurred_on": "2024-03-05", "duration_minutes": "120",
        "note": "Studiebesök"})
    assert response.status_code == 302
    rows = Activity.objects.filter(kind="group")
    assert {a.participant_id for a in rows} == {first.pk, second.pk, anonymous.pk}
    assert len({a.batch for a in rows}) == 1
    assert not Activity.objects.filter(participant=left_out).exists()
    # An anonymous record keeps no free text.
    assert rows.get(participant=anonymous).note == ""
    assert AuditEntry.objects.filter(action="activity.logged").count() == 3
    assert read_log_of(left_out.pk).filter(what="list").exists()


def test_a_personnummer_in_the_note_or_no_participant_is_refused(login, demo):
    participant = factories.identified()
    client = login("deltagaransvarig")
    response = client.post(f"/deltagare/insats/{participant.intervention_id}/aktiviteter/ny/", {
        "form_token": str(uuid.uuid4()), "participants": [participant.pk], "kind": "group",
        "occurred_on": "2024-03-05", "duration_minutes": "60", "note": "Se 19900101-0017"})
    assert response.status_code == 200 and "note" in response.context["form"].errors
    response = client.post(f"/deltagare/insats/{participant.intervention_id}/aktiviteter/ny/", {
        "form_token": str(uuid.uuid4()), "kind": "group", "occurred_on": "2024-03-05",
        "duration_minutes": "60"})
    assert response.status_code == 200 and "participants" in response.context["form"].errors
    assert not Activity.objects.exists()


def test_participants_of_another_intervention_cannot_be_chosen(login, demo):
    other = factories.identified(where=factories.OTHER_INTERVENTION)
    mine = factories.identified(pnr=factories.OTHER_PNR)
    response = login("deltagaransvarig").post(
        f"/deltagare/insats/{mine.intervention_id}/aktiviteter/ny/", {
            "form_token": str(uuid.uuid4()), "participants": [mine.pk, other.pk],
            "kind": "group", "occurred_on": "2024-03-05", "duration_minutes": "60"})
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_an_activity_after_the_discharge_is_refused(demo):
    participant = factories.identified()
    factories.discharge(participant, discharged_on=D(2024, 3, 1))
    with pytest.raises(ParticipantError):
        factories.activity(participant, occurred_on=D(2024, 3, 4))


def test_counts_per_week_and_kind_follow_iso_weeks(demo):
    participant = factories.identified()
    factories.activity(participant, kind="coaching", occurred_on=D(2024, 3, 4))   # Mon, w10
    factories.activity(participant, kind="coaching", occurred_on=D(2024, 3, 10))  # Sun, w10
    factories.activity(participant, kind="group", occurred_on=D(2024, 3, 11))     # Mon, w11
    factories.activity(participant, kind="sip", occurred_on=D(2024, 2, 1))        # too old
    rows = weekly_counts(participant, today=D(2024, 3, 13), weeks=3)
    kinds = list(Activity.Kind.values)
    assert [label for label, _, _ in rows] == ["2024-V11", "2024-V10", "2024-V09"]
    assert rows[0][2][kinds.index("group")] == 1 and sum(rows[0][2]) == 1
    assert rows[1][2][kinds.index("coaching")] == 2 and sum(rows[1][2]) == 2
    assert sum(rows[2][2]) == 0


def test_this_weeks_counts_show_on_the_intervention_list_and_the_page(login, demo):
    participant = factories.identified(name="Veckans Deltagare")
    factories.activity(participant, kind="coaching", occurred_on=D(2024, 3, 11))
    factories.activity(participant, kind="group", occurred_on=D(2024, 3, 12))
    factories.activity(participant, kind="group", occurred_on=D(2024, 3, 13))
    client = login("deltagaransvarig")
    with _freeze(D(2024, 3, 14)):
        page = client.get(f"/deltagare/insats/{participant.intervention_id}/").content.decode()
        detail = client.get(f"/deltagare/{participant.pk}/").content.decode()
    assert "Coachningssamtal: 1" in page and "Gruppaktivitet: 2" in page
    assert "2024-V11" in detail


def test_withdrawn_consent_keeps_the_counts_but_removes_the_notes(demo):
    participant = factories.identified()
    factories.activity(participant, note="Privat anteckning")
    consent_withdraw(actor=factories.staff(), participant=participant)
    assert list(Activity.objects.values_list("note", flat=True)) == [""]


def test_the_register_extract_lists_the_activities(demo):
    participant = factories.identified()
    factories.activity(participant, note="Med i utdraget")
    document = json.loads(register_extract([participant]))
    [activity] = document["records"][0]["activities"]
    assert activity["note"] == "Med i utdraget" and activity["duration_minutes"] == 60
