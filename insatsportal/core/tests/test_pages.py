import json

import pytest
from cryptography.fernet import Fernet
from django.db import DatabaseError
from django.db.migrations.recorder import MigrationRecorder

from insatsportal.participants.tests import factories


def test_healthz_reports_the_database_without_personal_data(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {
        "status": "ok", "database": "ok", "migrations": "ok", "participant_keys": "ok"}


def test_healthz_reports_an_unapplied_migration(client, db, monkeypatch):
    monkeypatch.setattr("insatsportal.core.health._migrations_seen_applied", False)
    MigrationRecorder.Migration.objects.filter(app="core").order_by("-name").first().delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["migrations"] == "error"


@pytest.mark.parametrize("setting", ["PARTICIPANT_KEYS", "PARTICIPANT_HASH_KEY"])
def test_healthz_reports_a_wrong_participant_key_without_revealing_data(
    client, demo, settings, setting
):
    factories.identified(name="Hemlig Person")
    assert client.get("/healthz").status_code == 200
    setattr(settings, setting, [Fernet.generate_key().decode()]
            if setting == "PARTICIPANT_KEYS" else "another-hash-key")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "error", "database": "ok", "migrations": "ok", "participant_keys": "error"}


def test_healthz_answers_503_when_the_database_fails(client, db, monkeypatch):
    def broken(*args, **kwargs):
        raise DatabaseError("down")

    with monkeypatch.context() as patched:
        patched.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "error"


def test_the_start_page_is_swedish(login):
    page = login("kansli").get("/").content.decode()
    assert '<html lang="sv">' in page
    assert "Välkommen, Karin" in page
    assert "Ärenden och beslut" in page


def test_anonymous_users_are_sent_to_login(client, db):
    response = client.get("/insatser/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/?next=/insatser/")


def test_the_navigation_shows_only_what_the_role_may_open(login):
    page = login("rapportlasare").get("/").content.decode()
    assert 'href="/rapporter/"' in page
    assert 'href="/ansokningar/"' not in page
    assert 'href="/deltagare/"' not in page


def test_unknown_pages_get_a_generic_swedish_404(login):
    response = login("kansli").get("/finns-inte/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_the_interface_is_swedish_even_for_an_english_browser(login):
    page = login("kansli").get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Väntar på dig" in page


def test_a_user_can_choose_english(login):
    client = login("kansli")
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert "Waiting for you" in client.get("/").content.decode()
