"""The office's token pages: create (shown once), list with last use, revoke; refused
to everyone else, and a refused POST changes nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from insatsportal.api.models import ApiToken, Scope
from insatsportal.api.tests.helpers import office_token
from insatsportal.core.models import AuditEntry
from insatsportal.core.tests.matrix import ROLES
from insatsportal.interventions.models import Intervention


def _form(client, **data):
    """POST the create form as a browser would, with a fresh one-time form token."""
    page = client.get(reverse("api:token_create")).content.decode()
    form_token = page.split('name="form_token" value="')[1].split('"')[0]
    return client.post(reverse("api:token_create"), {"form_token": form_token, **data})


def test_the_office_creates_a_token_and_sees_it_once(login, api):
    client = login("kansli")
    intervention = Intervention.objects.order_by("pk").first()
    response = _form(client, name="Power BI", scopes=[Scope.GOALS, Scope.INTERVENTIONS],
                     interventions=[intervention.pk], expires_on="2099-01-01")
    # An expiry further ahead than allowed is refused with a message, nothing saved.
    assert response.status_code == 200
    assert "högst" in response.content.decode()
    assert not ApiToken.objects.filter(name="Power BI").exists()
    response = _form(client, name="Power BI", scopes=[Scope.GOALS, Scope.INTERVENTIONS],
                     interventions=[intervention.pk], expires_on="")
    assert response.status_code == 200 and 'value="Power BI"' in response.content.decode()

    expires = (timezone.localdate() + datetime.timedelta(days=90)).isoformat()
    response = _form(client, name="Power BI", scopes=[Scope.GOALS, Scope.INTERVENTIONS],
                     interventions=[intervention.pk], expires_on=expires)
    token = ApiToken.objects.get(name="Power BI")
    assert response.status_code == 302
    assert response["Location"] == reverse("api:token", args=[token.pk])
    page = client.get(response["Location"]).content.decode()
    raw = page.split('<code id="raw-token">')[1].split("<")[0]
    assert raw.startswith(f"ip_{token.prefix}_")
    assert raw not in client.get(response["Location"]).content.decode()  # shown once
    assert token.scopes == [Scope.INTERVENTIONS, Scope.GOALS]
    assert list(token.interventions.all()) == [intervention]
    assert AuditEntry.objects.filter(action="api_token.created", object_id=str(token.pk)).exists()

    assert api(raw=raw).get("/api/v1/goals").status_code == 200
    listing = client.get(reverse("api:tokens")).content.decode()
    assert "Power BI" in listing and token.prefix in listing
    assert raw not in listing


def test_the_office_revokes_a_token(login, api):
    token, raw = office_token()
    client = login("kansli")
    url = reverse("api:token_revoke", args=[token.pk])
    client.post(url, {})  # not confirmed: nothing happens
    token.refresh_from_db()
    assert token.revoked_at is None
    response = client.post(url, {"confirm": "on"})
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by.username == "kansli"
    assert api(raw=raw).get("/api/v1/me").status_code == 401
    assert "Återkallad" in client.get(reverse("api:token", args=[token.pk])).content.decode()


def test_the_token_page_shows_the_latest_reads(login, api):
    token, raw = office_token()
    api(raw=raw).get("/api/v1/goals?status=behind")
    page = login("kansli").get(reverse("api:token", args=[token.pk])).content.decode()
    assert "/api/v1/goals?status=behind" in page


@pytest.mark.parametrize("role", [r for r in ROLES if r != "kansli"])
def test_no_one_else_creates_or_revokes_tokens(role, login):
    token, _raw = office_token()
    client = login(role)
    before = ApiToken.objects.count()
    created = client.post(reverse("api:token_create"), {
        "name": "Smuggel", "scopes": [Scope.GOALS], "expires_on": "2030-01-01"})
    revoked = client.post(reverse("api:token_revoke", args=[token.pk]), {"confirm": "on"})
    expected = 302 if role == "anonymous" else 403
    assert (created.status_code, revoked.status_code) == (expected, expected)
    assert ApiToken.objects.count() == before
    token.refresh_from_db()
    assert token.revoked_at is None
