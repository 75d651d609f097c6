import json

from django.db import DatabaseError


def test_healthz_reports_the_database_without_personal_data(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}


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
