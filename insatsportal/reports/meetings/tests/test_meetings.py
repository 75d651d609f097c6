import datetime

import pytest
from django.urls import reverse

from insatsportal.core.models import AuditEntry
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.reports.models import InterventionMeeting

pytestmark = pytest.mark.django_db


def _intervention():
    return Intervention.objects.get(name="En väg in – steget vidare")


def _post(client, intervention, **data):
    import uuid

    return client.post(reverse("reports:meetings", args=[intervention.pk]), {
        "form_token": str(uuid.uuid4()), "held_on": "2024-03-05", "kind": "steering_group",
        "minutes": "Genomgång av deltagarflödet.", **data,
    })


def test_owner_staff_log_a_meeting_with_the_parties_present(login):
    intervention = _intervention()
    af = Member.objects.get(name="Arbetsförmedlingen")
    response = _post(login("insatsansvarig"), intervention, parties=[af.pk])
    assert response.status_code == 302
    meeting = InterventionMeeting.objects.get(intervention=intervention,
                                              minutes="Genomgång av deltagarflödet.")
    assert meeting.held_on == datetime.date(2024, 3, 5)
    assert list(meeting.parties.all()) == [af]
    assert AuditEntry.objects.filter(action="intervention_meeting.logged").exists()
    page = login("styrelse").get(reverse("reports:meetings", args=[intervention.pk]))
    assert "Genomgång av deltagarflödet." in page.content.decode()


def test_minutes_with_a_personal_identity_number_are_refused(login):
    intervention = _intervention()
    before = InterventionMeeting.objects.count()
    response = _post(login("insatsansvarig"), intervention,
                     minutes="Vi talade om 19900101-0017 och hens plan.")
    assert response.status_code == 200
    assert "personnummer" in response.content.decode() or "identity" in response.content.decode()
    assert InterventionMeeting.objects.count() == before
    assert "19900101-0017" in response.content.decode()  # the user's text stays


def test_a_meeting_in_the_future_is_refused(login):
    before = InterventionMeeting.objects.count()
    response = _post(login("insatsansvarig"), _intervention(), held_on="2099-01-01")
    assert response.status_code == 200
    assert InterventionMeeting.objects.count() == before


def test_readers_without_the_right_to_log_cannot_post(login):
    before = InterventionMeeting.objects.count()
    assert _post(login("rapportlasare"), _intervention()).status_code == 403
    assert _post(login("styrelse"), _intervention()).status_code == 403
    assert InterventionMeeting.objects.count() == before


def test_another_organisations_intervention_is_not_found_for_owner_staff(login):
    other = Intervention.objects.create(name="Annan insats",
                                        owner=Member.objects.get(name="Håbo kommun"))
    client = login("insatsansvarig")
    assert client.get(reverse("reports:meetings", args=[other.pk])).status_code == 404
