"""Errors fail closed and show generic Swedish pages."""

import django
import pytest

from insatsportal.accounts import policy

LEAKS = ["Traceback", "SELECT", "accounts_user", "Django", django.get_version(), "/srv/",
         "RuntimeError", "insatsportal/"]


def test_an_exception_in_a_permission_check_denies_access(login, monkeypatch):
    client = login("kansli")
    assert client.get("/ansokningar/").status_code == 200

    def broken(*args, **kwargs):
        raise RuntimeError("role lookup failed")

    monkeypatch.setattr(policy, "has_role", broken)
    assert client.get("/ansokningar/").status_code == 403
    assert client.get("/administration/").status_code == 403
    assert client.get("/konto/sessioner/").status_code == 403


@pytest.mark.urls("insatsportal.core.tests.urls_errors")
def test_a_failing_view_gets_a_generic_swedish_500_page(login, settings):
    settings.DEBUG = False
    client = login("kansli")
    client.raise_request_exception = False
    response = client.get("/trasig/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Något gick fel" in page
    for leak in LEAKS:
        assert leak not in page, leak
    assert "no-store" in response["Cache-Control"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_the_404_page_is_generic_and_swedish(login, settings):
    settings.DEBUG = False
    response = login("kansli").get("/konto/finns-inte/select-1/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "Sidan finns inte" in page
    for leak in ["Traceback", "Django", "URLconf", "urlpatterns", "logga-in/"]:
        assert leak not in page, leak


def test_an_object_outside_the_users_scope_answers_404_not_403(login):
    assert login("kansli").post("/konto/sessioner/avsluta/", {"session": "999999"}).status_code \
        == 404
