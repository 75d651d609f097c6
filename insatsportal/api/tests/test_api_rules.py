"""How the API behaves for every client: tokens only, errors, language, limits, audit."""

import datetime
import hashlib

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from insatsportal.api import services
from insatsportal.api.models import ApiToken
from insatsportal.core.models import AuditEntry

INTERVENTIONS = "/api/v1/interventions"


def test_a_signed_in_session_does_not_open_the_api(login):
    response = login("kansli").get(INTERVENTIONS)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    assert response.json()["error"]["code"] == "unauthorized"


@pytest.mark.parametrize("header", ["", "Bearer", "Bearer nonsense", "Basic a2Fuc2xpOng=",
                                    "Bearer ip_000000000000_" + "x" * 43])
def test_a_missing_or_unknown_token_is_refused(header, demo):
    client = Client(HTTP_AUTHORIZATION=header) if header else Client()
    response = client.get(INTERVENTIONS)
    assert response.status_code == 401
    assert set(response.json()["error"]) == {"code", "message", "details"}


def test_the_right_token_id_with_a_wrong_secret_is_refused(api, make_token):
    _token, raw = make_token()
    wrong = raw[:-4] + ("AAAA" if not raw.endswith("AAAA") else "BBBB")
    assert api(raw=wrong).get(INTERVENTIONS).status_code == 401
    assert api(raw=raw).get(INTERVENTIONS).status_code == 200


def test_the_token_is_stored_only_as_a_hash(make_token):
    token, raw = make_token()
    secret = raw.split("_", 2)[2]
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in str(stored)
    assert stored["secret_hash"] == hashlib.sha256(secret.encode()).hexdigest()


def test_a_revoked_token_stops_at_once(api, make_token, demo):
    from insatsportal.accounts.models import User

    token, raw = make_token()
    client = api(raw=raw)
    assert client.get(INTERVENTIONS).status_code == 200
    services.api_token_revoke(actor=User.objects.get(username="kansli"), token=token)
    assert client.get(INTERVENTIONS).status_code == 401


def test_an_expired_token_is_refused(api, make_token, time_machine):
    _token, raw = make_token(days=2)
    assert api(raw=raw).get(INTERVENTIONS).status_code == 200
    time_machine.move_to(timezone.now() + datetime.timedelta(days=4))
    assert api(raw=raw).get(INTERVENTIONS).status_code == 401


def test_every_read_is_in_the_audit_log_and_marks_the_last_use(api, make_token):
    token, raw = make_token()
    before = AuditEntry.objects.filter(action="api.read").count()
    api(raw=raw).get(INTERVENTIONS + "?year=2023&page=1")
    api(raw=raw).get("/api/v1/goals")
    reads = AuditEntry.objects.filter(action="api.read").order_by("pk")
    assert reads.count() == before + 2
    assert reads.last().object_id == str(token.pk)
    assert reads.reverse()[1].data == {"token": token.prefix, "path": INTERVENTIONS,
                                       "query": "year=2023&page=1"}
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_no_csrf_token_is_needed_and_writes_are_not_allowed(api):
    client = api()
    client.handler.enforce_csrf_checks = True
    response = client.post(INTERVENTIONS, {"name": "x"})
    assert response.status_code == 405  # a read-only API, not a CSRF refusal
    assert b"CSRF" not in response.content


def test_errors_are_in_swedish_unless_english_is_asked_for(api, make_token):
    _token, raw = make_token()
    swedish = api(raw=raw).get("/api/v1/interventions/999999")
    english = api(raw=raw, language="en-GB,en;q=0.8").get("/api/v1/interventions/999999")
    assert swedish.status_code == english.status_code == 404
    assert swedish.json()["error"]["code"] == english.json()["error"]["code"] == "not_found"
    assert swedish.json()["error"]["message"].startswith("Det finns inget sådant objekt")
    assert english.json()["error"]["message"].startswith("There is no such object")
    assert swedish["Content-Language"] == "sv"
    assert english["Content-Language"] == "en"


def test_invalid_parameters_name_the_field(api):
    response = api(language="en").get(INTERVENTIONS + "?year=nineteen&page=0")
    assert response.status_code == 400
    body = response.json()["error"]
    assert body["code"] == "invalid_request"
    assert {d["field"] for d in body["details"]} == {"query.year", "query.page"}


def test_a_token_is_rate_limited_per_minute(api, settings, make_token):
    settings.API_RATE_LIMIT_PER_MINUTE = 3
    cache.clear()
    _token, raw = make_token()
    _other, other_raw = make_token()
    client = api(raw=raw)
    statuses = [client.get("/api/v1/me").status_code for _ in range(4)]
    assert statuses[:3] == [200, 200, 200]
    limited = client.get("/api/v1/me")
    assert limited.status_code == 429
    assert limited.json()["error"]["code"] == "rate_limited"
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert api(raw=other_raw).get("/api/v1/me").status_code == 200  # per token


def test_the_description_and_docs_are_served_without_a_cdn(client, demo):
    schema = client.get(reverse("api_v1:openapi-json")).json()
    assert schema["openapi"].startswith("3.")
    assert schema["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    docs = client.get(reverse("api_v1:openapi-view")).content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs


def test_the_description_has_no_field_for_personal_data(client, demo):
    text = client.get(reverse("api_v1:openapi-json")).content.decode().lower()
    for word in ("personnummer", "personal_number", "identity", "first_name", "last_name",
                 "email", "contact"):
        assert word not in text, word
