"""Password step: attempt limits, the attempt log, no account enumeration, session keys."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import hashers
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone

from insatsportal.accounts.models import LoginAttempt, User
from insatsportal.demo.services import DEMO_PASSWORD

START = timezone.make_aware(timezone.datetime(2026, 3, 2, 9, 0))


def _post(client, username, password, ip="10.0.0.1"):
    return client.post("/konto/logga-in/", {"username": username, "password": password},
                       REMOTE_ADDR=ip)


def _error(response) -> str:
    return response.context["form"].non_field_errors()[0] if response.status_code == 200 else ""


def test_the_right_password_leads_to_the_second_factor_not_further(demo, client):
    response = _post(client, "kansli", DEMO_PASSWORD)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tvastegs/")
    assert client.get("/").status_code == 302


def test_the_session_gets_a_new_key_at_login(demo, client):
    session = client.session  # an anonymous session, e.g. planted by an attacker
    session["planted"] = True
    session.save()
    before = session.session_key
    _post(client, "kansli", DEMO_PASSWORD)
    after = client.cookies["sessionid"].value
    assert after and after != before
    assert not Session.objects.filter(session_key=before).exists()


def test_every_attempt_is_logged_without_the_password(demo, client):
    _post(client, "kansli", "wrong-password-123", ip="10.1.2.3")
    _post(client, "KANSLI", DEMO_PASSWORD, ip="10.1.2.3")
    _post(client, "nobody", "another-secret-456")
    attempts = list(LoginAttempt.objects.order_by("timestamp", "id"))
    assert [(a.username, a.success, a.reason) for a in attempts] == [
        ("kansli", False, "bad_credentials"),
        ("KANSLI", False, "bad_credentials"),
        ("nobody", False, "bad_credentials"),
    ]
    assert attempts[0].ip_address == "10.1.2.3"
    assert attempts[1].username_key == "kansli"
    stored = " ".join(str(v) for a in attempts for v in vars(a).values())
    for password in ("wrong-password-123", DEMO_PASSWORD, "another-secret-456"):
        assert password not in stored
    _post(client, "kansli", DEMO_PASSWORD)
    assert LoginAttempt.objects.filter(success=True, reason="ok").count() == 1


def test_unknown_and_known_accounts_get_the_same_answer(demo):
    known = _post(Client(), "kansli", "wrong-password-123")
    unknown = _post(Client(), "finns-inte", "wrong-password-123")
    assert known.status_code == unknown.status_code == 200
    assert _error(known) == _error(unknown)
    assert _error(known).startswith("Ange ett korrekt användarnamn")


def test_the_password_hasher_runs_for_unknown_users_too(demo, monkeypatch):
    """Equal work for both answers, so the time taken does not tell the accounts apart."""
    calls = []
    hasher = hashers.get_hasher("default")
    original = type(hasher).encode

    def counting(self, password, salt, *args, **kwargs):
        calls.append(1)
        return original(self, password, salt, *args, **kwargs)

    monkeypatch.setattr(type(hasher), "encode", counting)
    _post(Client(), "kansli", "wrong-password-123")
    known = len(calls)
    calls.clear()
    _post(Client(), "finns-inte", "wrong-password-123")
    assert known == len(calls) == 1


def test_an_account_takes_at_most_20_failures_in_24_hours(demo):
    assert settings.LOGIN_ACCOUNT_MAX_FAILURES == 20
    with time_machine.travel(START, tick=False) as traveller:
        for n in range(20):
            # From different addresses, so that only the account limit applies.
            response = _post(Client(), "kansli", f"wrong-password-{n}", ip=f"10.0.1.{n}")
            assert _error(response).startswith("Ange ett korrekt")
        refused = _post(Client(), "kansli", DEMO_PASSWORD, ip="10.0.2.1")
        assert refused.status_code == 200
        assert _error(refused).startswith("För många misslyckade försök")
        traveller.shift(timedelta(hours=23, minutes=59))
        assert _post(Client(), "kansli", DEMO_PASSWORD, ip="10.0.2.1").status_code == 200
        traveller.shift(timedelta(minutes=2))
        assert _post(Client(), "kansli", DEMO_PASSWORD, ip="10.0.2.1").status_code == 302
    reasons = list(LoginAttempt.objects.values_list("reason", flat=True))
    assert reasons.count("account_limit") == 2


def test_the_account_limit_looks_the_same_for_an_unknown_username(demo):
    with time_machine.travel(START, tick=False):
        for n in range(20):
            _post(Client(), "finns-inte", f"wrong-password-{n}", ip=f"10.0.1.{n}")
            _post(Client(), "kansli", f"wrong-password-{n}", ip=f"10.0.1.{n}")
        unknown = _post(Client(), "finns-inte", "x" * 12, ip="10.0.3.1")
        known = _post(Client(), "kansli", "x" * 12, ip="10.0.3.1")
    assert _error(unknown) == _error(known)
    assert _error(known).startswith("För många")


def test_one_address_is_throttled_across_accounts(demo, settings):
    with time_machine.travel(START, tick=False) as traveller:
        for n in range(settings.LOGIN_ADDRESS_MAX_FAILURES):
            _post(Client(), f"user{n}", "wrong-password-123", ip="192.0.2.7")
        refused = _post(Client(), "kansli", DEMO_PASSWORD, ip="192.0.2.7")
        assert _error(refused).startswith("För många")
        # Another address is not affected.
        assert _post(Client(), "kansli", DEMO_PASSWORD, ip="192.0.2.8").status_code == 302
        traveller.shift(timedelta(seconds=settings.LOGIN_ADDRESS_WINDOW + 1))
        assert _post(Client(), "kansli", DEMO_PASSWORD, ip="192.0.2.7").status_code == 302
    assert LoginAttempt.objects.filter(reason="address_limit").count() == 1


def test_an_inactive_user_cannot_log_in_and_gets_the_ordinary_answer(demo):
    User.objects.filter(username="styrelse").update(is_active=False)
    inactive = _post(Client(), "styrelse", DEMO_PASSWORD)
    assert _error(inactive).startswith("Ange ett korrekt")


def test_logout_is_post_only_and_ends_the_session_on_the_server(login):
    client = login("kansli")
    key = client.session.session_key
    assert client.get("/konto/logga-ut/").status_code == 405
    assert Session.objects.filter(session_key=key).exists()
    response = client.post("/konto/logga-ut/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=key).exists()
    # Replaying the old cookie opens nothing.
    replay = Client()
    replay.cookies["sessionid"] = key
    assert replay.get("/").status_code == 302


def test_a_signed_in_user_opening_login_goes_on(login):
    response = login("kansli").get("/konto/logga-in/?next=/insatser/")
    assert response["Location"] == "/insatser/"


def test_login_ignores_a_next_address_on_another_site(demo, client):
    response = client.post("/konto/logga-in/?next=https://evil.example/",
                           {"username": "kansli", "password": DEMO_PASSWORD})
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("username", ["kansli", "handlaggare"])
def test_demo_users_may_skip_the_second_factor_in_demo_mode_with_a_banner(
    username, demo, client, settings
):
    settings.DEMO_MODE = True
    settings.OTP_DEMO_SKIP = True
    response = _post(client, username, DEMO_PASSWORD)
    assert response["Location"] == "/"
    page = client.get("/")
    assert page.status_code == 200
    assert "utan andra faktor" in page.content.decode()


def test_without_the_demo_skip_demo_users_need_the_second_factor(demo, client, settings):
    settings.DEMO_MODE = True
    settings.OTP_DEMO_SKIP = False
    response = _post(client, "kansli", DEMO_PASSWORD)
    assert response["Location"].startswith("/konto/tvastegs/")


def test_the_demo_skip_never_covers_other_users(demo, client, settings):
    settings.DEMO_MODE = True
    settings.OTP_DEMO_SKIP = True
    user = User.objects.create_user("riktig", password="ett-långt-lösenord-9")
    user.roles.create(role="kansli")
    response = _post(client, "riktig", "ett-långt-lösenord-9")
    assert response["Location"].startswith("/konto/tvastegs/installera/")
