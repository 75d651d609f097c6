import datetime
import json

import pytest
from django.utils import timezone

from insatsportal.accounts.models import Role, RoleAssignment, User
from insatsportal.participants.models import ReadLogEntry
from insatsportal.participants.services import registration
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db


def test_the_case_worker_sees_a_participant_whose_consent_names_their_organisation(login, demo):
    factories.keep_running()  # a consent ends with the intervention at the latest
    named = factories.identified(name="Synlig Samtyckesson")
    other = factories.identified(pnr=factories.OTHER_PNR, name="Osynlig Kommunsson",
                                 partners=("Region Uppsala",))
    client = login("handlaggare")
    index = client.get("/deltagare/").content.decode()
    assert "Synlig Samtyckesson" in index and "Osynlig" not in index
    assert client.get(f"/deltagare/{named.pk}/").status_code == 200
    assert client.get(f"/deltagare/{other.pk}/").status_code == 404


def test_the_case_worker_loses_access_when_the_consent_is_withdrawn(login, demo):
    participant = factories.identified()
    registration.consent_withdraw(actor=factories.staff(), participant=participant)
    assert login("handlaggare").get(f"/deltagare/{participant.pk}/").status_code == 404


def test_the_case_worker_loses_access_when_the_consent_has_expired(login, demo):
    participant = factories.identified(consent_valid_until=datetime.date(2024, 6, 30))
    assert login("handlaggare").get(f"/deltagare/{participant.pk}/").status_code == 404


def test_the_case_worker_cannot_change_anything(login, demo):
    participant = factories.identified()
    client = login("handlaggare")
    assert client.post(f"/deltagare/{participant.pk}/aterkalla-samtycke/",
                       {"confirm": "on"}).status_code == 404
    participant.refresh_from_db()
    assert not participant.is_anonymous


def test_another_interventions_coordinator_sees_nothing(login, demo, client):
    participant = factories.identified()
    other = User.objects.create(username="annan")
    RoleAssignment.objects.create(user=other, role=Role.DELTAGARANSVARIG,
                                  intervention=factories.intervention(factories.OTHER_INTERVENTION))
    client = login(other)
    assert client.get(f"/deltagare/{participant.pk}/").status_code == 404
    assert client.get(
        f"/deltagare/insats/{factories.intervention().pk}/").status_code == 404


def test_every_identified_read_is_logged(login, demo):
    participant = factories.identified()
    anonymous = factories.anonymous()
    client = login("deltagaransvarig")
    client.get(f"/deltagare/insats/{factories.intervention().pk}/")
    client.get(f"/deltagare/{participant.pk}/")
    client.get(f"/deltagare/{anonymous.pk}/")
    reads = list(ReadLogEntry.objects.order_by("id").values_list("participants", "what"))
    assert reads == [([str(participant.pk)], "list"), ([str(participant.pk)], "page")]
    assert ReadLogEntry.objects.first().user.username == "deltagaransvarig"


def test_search_by_name_is_posted_never_in_the_url(login, demo):
    factories.identified(name="Alva Sökbar")
    factories.identified(pnr=factories.OTHER_PNR, name="Bertil Annan")
    client = login("deltagaransvarig")
    pk = factories.intervention().pk
    response = client.post(f"/deltagare/insats/{pk}/sok/", {"q": "sök"})
    assert response.status_code == 302 and "sök" not in response.url.lower()
    page = client.get(response.url).content.decode()
    assert "Alva Sökbar" in page and "Bertil Annan" not in page
    assert ReadLogEntry.objects.filter(what="search").count() == 1


def test_searching_by_personnummer_is_refused(login, demo):
    factories.identified()
    client = login("deltagaransvarig")
    pk = factories.intervention().pk
    page = client.post(f"/deltagare/insats/{pk}/sok/", {"q": factories.PNR},
                       follow=True).content.decode()
    assert "Sök bara på namn" in page


def test_the_office_sees_unusual_read_volumes(login, demo, settings):
    settings.PARTICIPANT_READ_ALERT_PER_DAY = 2
    people = [factories.identified(pnr=pnr, name=f"Person {i}") for i, pnr in
              enumerate([factories.PNR, factories.OTHER_PNR, "19911111-1119"])]
    coordinator = login("deltagaransvarig")
    for person in people:
        coordinator.get(f"/deltagare/{person.pk}/")
    page = login("kansli").get("/deltagare/dataskydd/").content.decode()
    assert 'class="flagged"' in page and "Johan Nord" in page
    assert "Person 1" not in page  # the office sees who read, not whom


def test_the_register_extract_holds_all_data_and_every_read(login, demo):
    participant = factories.identified(name="Utdrag Utdragsson")
    factories.identified(name="Utdrag Utdragsson", where=factories.OTHER_INTERVENTION)
    login("deltagaransvarig").get(f"/deltagare/{participant.pk}/")
    response = login("kansli").post("/deltagare/dataskydd/registerutdrag/",
                                    {"personnummer": "900101-0017"})
    assert response["Content-Disposition"].startswith("attachment")
    document = json.loads(response.content)
    assert len(document["records"]) == 2
    record = next(r for r in document["records"] if r["intervention"] == factories.INTERVENTION)
    assert record["name"] == "Utdrag Utdragsson"
    assert record["personnummer"] == factories.PNR
    assert [r["by"] for r in record["reads"]] == ["Johan Nord"]
    [extract] = ReadLogEntry.objects.filter(what="extract")  # one entry naming both records
    assert len(extract.participants) == 2


def test_the_register_extract_is_never_looked_up_by_url(login, demo):
    factories.identified()
    response = login("kansli").get("/deltagare/dataskydd/registerutdrag/",
                                   {"personnummer": factories.PNR})
    assert response.status_code == 200
    assert "Utdrag" not in response.get("Content-Disposition", "")
    assert factories.PNR not in response.content.decode()


def test_the_statistics_hide_small_groups(login, demo):
    for _i in range(6):
        factories.anonymous(sex="kvinna")
    factories.anonymous(sex="man")
    page = login("styrelse").get("/deltagare/statistik/").content.decode()
    assert "Dolt: färre än fem" in page
    assert ">6<" not in page  # the women's count is hidden too, or the man would show


def test_policy_scope_fails_closed_for_a_broken_user(demo):
    from insatsportal.accounts import policy

    class Broken:
        is_authenticated = True
        is_active = True

        @property
        def role_assignments(self):
            raise RuntimeError("boom")

    assert policy.participant_scope(Broken(), today=timezone.localdate()).children
    from insatsportal.participants.models import Participant

    factories.identified()
    scope = policy.participant_scope(Broken(), today=timezone.localdate())
    assert not Participant.objects.filter(scope).exists()
