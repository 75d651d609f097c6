"""The office makes a token for the board's reports, copies it once, the report system reads
the goals with it, and the office sees the use and revokes the token; the API's docs render
under the site's Content-Security-Policy from the server's own files."""

import json
import urllib.error
import urllib.request

import pytest

from insatsportal.api.models import ApiToken

pytestmark = pytest.mark.browser


def _read(url, token):
    request = urllib.request.Request(  # noqa: S310 (the live test server)
        url, headers={"Authorization": f"Bearer {token}"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (live test server)
            return response.status, json.load(response)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


@pytest.mark.django_db(transaction=True)
def test_the_office_makes_uses_and_revokes_a_token(sign_in, csp_violations, live_server):
    page = sign_in("kansli")
    page.goto("/administration/")
    page.get_by_role("link", name="API-nycklar").click()
    page.get_by_role("link", name="Skapa en nyckel").click()
    page.get_by_label("Namn").fill("Styrelsens rapporter")
    page.get_by_label("Mål och måluppfyllelse").check()
    page.get_by_label("Insatser, perioder, beviljade medel och budget").check()
    page.get_by_role("button", name="Skapa nyckeln").click()
    raw = page.locator("#raw-token").inner_text()
    assert raw.startswith("ip_")

    status, body = _read(f"{live_server.url}/api/v1/goals", raw)
    assert status == 200 and body["count"] > 0
    status, body = _read(f"{live_server.url}/api/v1/requisitions", raw)
    assert status == 403 and body["error"]["code"] == "scope_missing"

    page.reload()
    assert page.locator("#raw-token").count() == 0  # shown once
    assert "/api/v1/goals" in page.content()  # the latest reads
    page.get_by_label("Ja, återkalla nyckeln").check()
    page.get_by_role("button", name="Återkalla nyckeln").click()
    assert "Nyckeln är återkallad." in page.content()
    assert ApiToken.objects.get(name="Styrelsens rapporter").revoked_at is not None
    assert _read(f"{live_server.url}/api/v1/goals", raw)[0] == 401

    page.goto("/api/v1/docs")
    page.get_by_text("/api/v1/interventions/{intervention_id}/goals").wait_for()
    assert csp_violations == []
