import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from insatsportal.core.models import AuditEntry
from insatsportal.core.tests import bombs
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Participant
from insatsportal.participants.services import registration
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db


def _form(**extra):
    return {
        "personnummer": factories.PNR, "name": "Testa Testsson", "sex": "kvinna",
        "consent_given_on": "2024-01-10", "consent_form_version": "2024:1", **extra,
    }


def test_the_coordinator_registers_a_participant_with_consent(login, demo):
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    response = client.post(url, _form())
    participant = Participant.objects.get()
    assert response.status_code == 302
    assert response.url == f"/deltagare/{participant.pk}/"
    assert participant.name == "Testa Testsson"
    assert participant.birth_year == 1990
    assert participant.consent.form_version == "2024:1"
    # Encrypted at rest: neither the name nor the number is in the row in clear text.
    row = Participant.objects.filter(pk=participant.pk).values().get()
    assert not any("Testa" in str(v) or "0101" in str(v) for v in row.values())


def test_a_bad_personnummer_is_refused_beside_the_field_and_the_text_stays(login, demo):
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    response = client.post(url, _form(personnummer="19900101-0018"))
    assert response.status_code == 200
    assert "Ange ett giltigt personnummer" in response.content.decode()
    assert 'value="Testa Testsson"' in response.content.decode()
    assert not Participant.objects.exists()


def test_a_scanned_consent_is_stored_encrypted_and_downloaded_with_a_read_entry(
        login, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    content = bombs.pdf(1)
    scan = SimpleUploadedFile("samtycke.pdf", content, "application/pdf")
    client.post(url, _form(consent_scan=scan))
    participant = Participant.objects.get()
    stored = (tmp_path / participant.consent.scan.name).read_bytes()
    assert b"%PDF" not in stored
    response = client.get(f"/deltagare/{participant.pk}/samtycke/kopia/")
    assert response.content == content
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("name, content, declared, message", [
    ("samtycke.pdf", b"Detta \xe4r ingen PDF", "application/pdf",
     "Den inskannade kopian måste vara en PDF-, JPEG- eller PNG-fil."),
    ("samtycke.pdf", bombs.image("PNG"), "application/pdf",
     "Filens innehåll stämmer inte med dess namn (.pdf)."),
    ("samtycke.pdf", bombs.pdf(1, script="app.alert(1)"), "application/pdf",
     "PDF-filen innehåller JavaScript"),
    ("samtycke.pdf", b"%PDF-1.4 trasig", "application/pdf", "Filen är skadad"),
    ("samtycke.pdf", bombs.pdf(21), "application/pdf", "PDF-filen har fler än 20 sidor"),
])
def test_a_scan_that_is_not_what_it_claims_is_refused_beside_the_field_and_nothing_is_saved(
        login, demo, settings, tmp_path, name, content, declared, message):
    settings.MEDIA_ROOT = tmp_path
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    scan = SimpleUploadedFile(name, content, declared)
    response = client.post(url, _form(consent_scan=scan))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert 'value="Testa Testsson"' in page
    assert not Participant.objects.exists()
    assert not any(tmp_path.rglob("*.bin"))


def test_a_scan_is_stored_as_what_its_bytes_are_whatever_the_browser_said(
        login, demo, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    client.post(url, _form(consent_scan=SimpleUploadedFile(
        "samtycke.png", bombs.image("PNG"), "application/pdf")))
    participant = Participant.objects.get()
    assert participant.consent.scan_content_type == "image/png"
    response = client.get(f"/deltagare/{participant.pk}/samtycke/kopia/")
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].endswith('.png"')


def test_the_service_checks_the_scan_too(demo):
    scan = SimpleUploadedFile("s.pdf", b"<script>", "application/pdf")
    with pytest.raises(ParticipantError):
        factories.identified(consent_scan=scan)
    assert not Participant.objects.exists()


def test_the_same_person_twice_in_one_intervention_is_refused(demo):
    factories.identified()
    with pytest.raises(ParticipantError):
        factories.identified(pnr="900101-0017")


def test_a_person_in_another_intervention_is_recognised_without_naming_it(login, demo):
    factories.identified(where=factories.OTHER_INTERVENTION)
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    page = client.post(url, _form(), follow=True).content.decode()
    assert "Personen finns redan registrerad i en annan insats." in page
    assert factories.OTHER_INTERVENTION not in page


def test_an_anonymous_record_keeps_only_sex_and_year_of_start(login, demo):
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera-anonym/"
    response = client.post(url, {"sex": "man", "start_year": "2024"})
    participant = Participant.objects.get()
    assert response.status_code == 302
    assert participant.is_anonymous and participant.start_year == 2024


@pytest.mark.parametrize(
    "field, value",
    [("name_encrypted", "gAAAA-token"), ("personnummer_encrypted", "gAAAA-token"),
     ("personnummer_hash", "ab" * 32), ("name_index", "abc"), ("birth_year", 1990)],
)
def test_the_database_refuses_identifying_data_on_an_anonymous_record(demo, field, value):
    participant = factories.anonymous()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(**{field: value})


def test_the_database_refuses_an_identified_record_without_identity(demo):
    participant = factories.identified()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participant.objects.filter(pk=participant.pk).update(name_encrypted="")


def test_withdrawing_consent_turns_the_record_anonymous_at_once(
        login, demo, settings, tmp_path, django_capture_on_commit_callbacks):
    settings.MEDIA_ROOT = tmp_path
    scan = SimpleUploadedFile("s.pdf", bombs.pdf(1), "application/pdf")
    participant = factories.identified(consent_scan=scan)
    scan_path = tmp_path / participant.consent.scan.name
    client = login("deltagaransvarig")
    assert scan_path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/deltagare/{participant.pk}/aterkalla-samtycke/",
                               {"confirm": "on"})
    assert response.status_code == 302
    assert not scan_path.exists()
    participant.refresh_from_db()
    assert participant.is_anonymous
    assert participant.personnummer_hash is None and participant.name_encrypted == ""
    assert participant.consent.withdrawn_at is not None
    assert participant.sex == "kvinna" and participant.start_year == 2024


def test_protected_identity_leaves_no_identifier_in_the_record_or_its_history(demo):
    marker_name, pnr = "Skyddadmarkör Hemligsson", "19850615-1235"
    participant = factories.identified(name=marker_name, pnr=pnr)
    registration.participant_update(actor=factories.staff(), participant=participant,
                                    name=marker_name + " Andra", sex="man")
    registration.participant_mark_protected(actor=factories.staff(), participant=participant)
    participant.refresh_from_db()
    assert participant.protected_identity and participant.is_anonymous
    assert participant.name_encrypted == "" and participant.personnummer_hash is None
    for entry in AuditEntry.objects.all():
        text = f"{entry.object_repr} {entry.data} {entry.actor_name}"
        assert "Skyddadmarkör" not in text and "0615" not in text


def test_registration_requires_a_consent_date_not_in_the_future(login, demo):
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    tomorrow = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    response = client.post(url, _form(consent_given_on=tomorrow))
    assert response.status_code == 200
    assert not Participant.objects.exists()


def test_a_personnummer_in_the_name_field_is_rejected(login, demo):
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/registrera/"
    response = client.post(url, _form(name="Testa 850615-1235"))
    assert "Skriv inte personnummer i fritext" in response.content.decode()
    assert not Participant.objects.exists()
