"""Long texts are saved as drafts while the user writes, and given back on reload."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from insatsportal.applications import services as applications
from insatsportal.core.tests.formdata import page_form_data
from insatsportal.drafts.models import Draft
from insatsportal.drafts.tests.helpers import page_drafts_of
from insatsportal.organisations.models import Member

JSON = {"HTTP_ACCEPT": "application/json"}
TEXT = "Bakgrunden är att unga i Knivsta saknar en väg in. Halvvägs skriven…"


def _edit_url() -> str:
    application = applications.application_create(
        actor=None, owner=Member.objects.get(name="Knivsta kommun"), name="Autosparat"
    )
    return f"/ansokningar/{application.pk}/andra/"


def _save(client, url, text=TEXT, field="background"):
    return client.post("/utkast/spara/", {"path": url, "field": field, "text": text}, **JSON)


def test_a_draft_is_given_back_on_reload_without_touching_the_record(login, demo):
    client = login("insatsansvarig")
    url = _edit_url()
    assert _save(client, url).status_code == 204
    assert TEXT not in Draft.objects.get().content_encrypted  # encrypted at rest
    page = client.get(url).content.decode()
    typing = page_drafts_of(page)["typing"]
    assert typing["background"]["text"] == TEXT
    assert page_form_data(client, url)["background"] != TEXT  # the record is as it was
    # The page script and its notices are there.
    assert "drafts/drafts.js" in page
    assert "Använd den sparade texten i stället" in page


def test_a_newer_draft_replaces_the_older_and_empty_text_removes_it(login, demo):
    client = login("insatsansvarig")
    url = _edit_url()
    _save(client, url, "Första")
    _save(client, url, "Andra")
    assert page_drafts_of(client.get(url).content.decode())["typing"]["background"]["text"] == (
        "Andra")
    _save(client, url, "")
    assert not Draft.objects.exists()


def test_saving_the_form_lets_the_drafts_go(login, demo):
    client = login("insatsansvarig")
    url = _edit_url()
    _save(client, url)
    data = {**page_form_data(client, url), "background": TEXT}
    response = client.post(url, data, HTTP_REFERER=f"http://testserver{url}")
    assert response.status_code == 302
    assert not Draft.objects.exists()


def test_drafts_are_the_users_own(login, demo):
    url = _edit_url()
    _save(login("insatsansvarig"), url)
    other = login("kansli")
    assert page_drafts_of(other.get("/").content.decode())["typing"] == {}
    other.post("/utkast/slapp/", {"path": url, "field": "background"}, **JSON)
    assert Draft.objects.count() == 1


def test_a_draft_for_another_site_is_refused(login, demo):
    client = login("insatsansvarig")
    for path in ("//evil.example/", "https://evil.example/", "/\\evil.example"):
        assert _save(client, path).status_code == 400
    assert not Draft.objects.exists()


def test_a_signed_out_user_keeps_no_draft(client, demo):
    response = client.post("/utkast/spara/", {"path": "/", "field": "x", "text": "y"})
    assert response.status_code == 302
    assert not Draft.objects.exists()


def test_pages_of_a_user_without_drafts_do_not_look_for_them(login, demo):
    client = login("insatsansvarig")
    url = _edit_url()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert not [q for q in queries if "drafts_draft" in q["sql"]]
    _save(client, url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert [q for q in queries if "drafts_draft" in q["sql"]]
    # Signing in again finds the drafts kept earlier.
    assert page_drafts_of(login("insatsansvarig").get(url).content.decode())["typing"]
