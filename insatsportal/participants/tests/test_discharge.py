import datetime

import pytest

from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Discharge
from insatsportal.participants.services.discharge import discharge_record
from insatsportal.participants.services.registration import participant_mark_protected
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db


def _form(**extra):
    return {
        "discharged_on": "2024-10-01", "end_type": "planned",
        "income_after": [factories.code("income", "ingen").pk],
        "occupation_after": factories.code("occupation", "studier").pk,
        "exit_conversation_held": "on", "exit_conversation_on": "2024-09-28",
        "next_step": "Börjar på komvux i januari.",
        "next_step_party": factories.Member.objects.get(name="Knivsta kommun").pk,
        **extra,
    }


def test_the_coordinator_discharges_with_the_situation_after(login, demo):
    participant = factories.identified()
    factories.enrol(participant)
    response = login("deltagaransvarig").post(f"/deltagare/{participant.pk}/utskrivning/",
                                              _form())
    assert response.status_code == 302
    discharge = Discharge.objects.get(participant=participant)
    assert discharge.exit_conversation_on == datetime.date(2024, 9, 28)
    assert discharge.occupation_after.code == "studier"
    page = login("deltagaransvarig").get(f"/deltagare/{participant.pk}/").content.decode()
    assert "Planerat avslut" in page and "Börjar på komvux" in page


def test_an_exit_conversation_needs_its_date(login, demo):
    participant = factories.identified()
    response = login("deltagaransvarig").post(f"/deltagare/{participant.pk}/utskrivning/",
                                              _form(exit_conversation_on=""))
    assert response.status_code == 200
    assert "Ange datum för avslutningssamtalet" in response.content.decode()
    assert not Discharge.objects.exists()


def test_a_discharge_before_the_enrolment_is_refused(demo):
    participant = factories.identified()
    factories.enrol(participant, enrolled_on=datetime.date(2024, 5, 1))
    with pytest.raises(ParticipantError):
        factories.discharge(participant, discharged_on=datetime.date(2024, 4, 30))


def test_an_anonymous_record_is_discharged_with_only_date_and_type(login, demo):
    participant = factories.anonymous()
    client = login("deltagaransvarig")
    form = client.get(f"/deltagare/{participant.pk}/utskrivning/").content.decode()
    assert 'name="next_step"' not in form and 'name="income_after"' not in form
    client.post(f"/deltagare/{participant.pk}/utskrivning/",
                {"discharged_on": "2024-10-01", "end_type": "interrupted"})
    assert Discharge.objects.get(participant=participant).end_type == "interrupted"
    with pytest.raises(ParticipantError):
        discharge_record(actor=factories.staff(), participant=participant,
                         discharged_on=datetime.date(2024, 10, 1), end_type="planned",
                         next_step="Fritext")


def test_protecting_removes_the_discharge_with_its_date(demo):
    """Protected identity keeps only sex and the year of start (participants/anonymity.py)."""
    participant = factories.identified()
    factories.discharge(participant, next_step="Fritext om nästa steg")
    participant_mark_protected(actor=factories.staff(), participant=participant)
    assert not Discharge.objects.filter(participant=participant).exists()


def test_the_statistics_count_discharges_by_type(login, demo):
    for _i in range(5):
        factories.discharge(factories.anonymous(sex="kvinna"))
    page = login("rapportlasare").get("/deltagare/statistik/").content.decode()
    assert "Utskrivna: Planerat avslut" in page


def test_the_list_shows_the_day_of_discharge_of_those_discharged(login, demo):
    gone, staying = factories.anonymous(), factories.anonymous()
    factories.discharge(gone, discharged_on=datetime.date(2024, 9, 30))
    page = login("deltagaransvarig").get(
        f"/deltagare/insats/{gone.intervention_id}/").content.decode()
    rows = {p.number: row for p in (gone, staying)
            for row in page.split("<tr>") if f'<td class="num">{p.number}</td>' in row}
    assert "utskriven 2024-09-30" in rows[gone.number]
    assert "utskriven" not in rows[staying.number]
