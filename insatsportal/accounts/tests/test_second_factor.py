"""Second factor: enrolment with a QR code, codes used once, hashed backup codes, throttling."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from insatsportal.accounts import backup_codes
from insatsportal.accounts.models import BackupCode, LoginAttempt, User
from insatsportal.core.models import AuditEntry
from insatsportal.demo.services import DEMO_PASSWORD

START = timezone.make_aware(timezone.datetime(2026, 3, 2, 9, 0))


def _code(device, at=None) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def _password_step(username="styrelse") -> Client:
    client = Client()
    response = client.post("/konto/logga-in/", {"username": username, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    return client


def _device(username="styrelse") -> TOTPDevice:
    return TOTPDevice.objects.create(
        user=User.objects.get(username=username), name="app", confirmed=True
    )


def test_enrolment_shows_a_qr_code_and_turns_on_with_a_code_from_the_app(demo):
    with time_machine.travel(START, tick=False):
        client = _password_step()
        assert client.get("/").url == "/konto/tvastegs/installera/?next=%2F"
        page = client.get("/konto/tvastegs/installera/")
        assert "Börja inställningen" in page.content.decode()
        client.post("/konto/tvastegs/installera/", {"action": "start"})
        page = client.get("/konto/tvastegs/installera/").content.decode()
        assert re.search(r'<img class="qr" src="data:image/svg\+xml', page)
        device = TOTPDevice.objects.get(user__username="styrelse")
        assert not device.confirmed
        wrong = client.post("/konto/tvastegs/installera/", {"action": "confirm", "code": "000000"})
        assert wrong.status_code == 200
        assert "Koden är fel" in wrong.content.decode()
    with time_machine.travel(START + timedelta(seconds=40), tick=False):
        response = client.post("/konto/tvastegs/installera/",
                               {"action": "confirm", "code": _code(device)})
        assert response.status_code == 302
        assert response["Location"].startswith("/konto/tvastegs/reservkoder/")
        codes_page = client.get(response["Location"]).content.decode()
        shown = re.findall(r"<code>([0-9A-Z-]{14})</code>", codes_page)
        assert len(shown) == 10
        # Shown once: the next visit shows only how many are left.
        assert "<code>" not in client.get("/konto/tvastegs/reservkoder/").content.decode()
        assert client.get("/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    assert AuditEntry.objects.filter(action="account.second_factor_added").count() == 1


def test_backup_codes_are_stored_hashed_not_in_plain_text(demo):
    user = User.objects.get(username="styrelse")
    from insatsportal.accounts import services

    shown = services.backup_codes_create(user=user)
    stored = list(BackupCode.objects.filter(device__user=user).values_list("code_hash", flat=True))
    assert len(stored) == 10
    for code in shown:
        plain = backup_codes.normalise(code)
        assert plain not in " ".join(stored)
        assert backup_codes.backup_code_hash(plain) in stored


def test_a_backup_code_works_once(demo):
    from insatsportal.accounts import services

    _device()
    code = services.backup_codes_create(user=User.objects.get(username="styrelse"))[0]
    first = _password_step()
    assert first.post("/konto/tvastegs/", {"code": code.lower()}).status_code == 302
    assert first.get("/").status_code == 200
    second = _password_step()
    response = second.post("/konto/tvastegs/", {"code": code})
    assert response.status_code == 200
    assert "Koden är fel eller har redan använts" in response.content.decode()
    assert services.unused_backup_codes(User.objects.get(username="styrelse")) == 9


def test_an_app_code_works_once(demo):
    device = _device()
    with time_machine.travel(START, tick=False):
        code = _code(device)
        first = _password_step()
        assert first.post("/konto/tvastegs/", {"code": code}).status_code == 302
        second = _password_step()
        replay = second.post("/konto/tvastegs/", {"code": code})
        assert replay.status_code == 200
        assert second.get("/").status_code == 302
    device.refresh_from_db()
    assert device.last_t > 0


def test_the_second_factor_gives_the_session_a_new_key(demo):
    device = _device()
    client = _password_step()
    before = client.cookies["sessionid"].value
    client.post("/konto/tvastegs/", {"code": _code(device)})
    assert client.cookies["sessionid"].value != before
    assert client.get("/").status_code == 200


def test_code_verification_is_throttled_and_then_stops(demo, settings):
    device = _device()
    with time_machine.travel(START, tick=False) as traveller:
        client = _password_step()
        for _ in range(settings.OTP_MAX_FAILURES):
            traveller.shift(timedelta(seconds=60))
            response = client.post("/konto/tvastegs/", {"code": "123456"})
            assert response.status_code == 200
        # Even the right code is refused now, and the session is ended.
        traveller.shift(timedelta(seconds=60))
        response = client.post("/konto/tvastegs/", {"code": _code(device)})
        assert response["Location"] == "/konto/logga-in/"
        assert client.get("/").status_code == 302
        assert LoginAttempt.objects.filter(stage="otp", reason="code_limit").count() == 1
        # After the window, it works again.
        traveller.shift(timedelta(seconds=settings.OTP_FAILURE_WINDOW))
        client = _password_step()
        assert client.post("/konto/tvastegs/", {"code": _code(device)}).status_code == 302


def test_the_app_device_backs_off_after_a_wrong_code(demo):
    """django-otp's own throttle: right after a failure even the right code must wait."""
    device = _device()
    with time_machine.travel(START, tick=False) as traveller:
        client = _password_step()
        client.post("/konto/tvastegs/", {"code": "123456"})
        assert client.post("/konto/tvastegs/", {"code": _code(device)}).status_code == 200
        traveller.shift(timedelta(seconds=31))
        assert client.post("/konto/tvastegs/", {"code": _code(device)}).status_code == 302


@pytest.mark.parametrize("url", ["/konto/e-post/", "/konto/losenord/",
                                 "/konto/tvastegs/installera/"])
def test_changes_to_the_account_need_password_and_code_again(url, login):
    response = login("kansli").get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/bekrafta/?next=")


def _reauth(client, device, password=DEMO_PASSWORD):
    return client.post("/konto/bekrafta/?next=/konto/e-post/",
                       {"password": password, "code": _code(device), "next": "/konto/e-post/"})


def test_reauthentication_with_password_and_code_opens_the_change_for_five_minutes(
    login, settings
):
    client = login("kansli")
    device = TOTPDevice.objects.get(user__username="kansli")
    with time_machine.travel(START, tick=False) as traveller:
        wrong = _reauth(client, device, password="wrong-password-123")
        assert wrong.status_code == 200
        traveller.shift(timedelta(seconds=60))
        assert _reauth(client, device)["Location"] == "/konto/e-post/"
        response = client.post("/konto/e-post/", {"email": "karin@example.org"})
        assert response["Location"] == "/konto/"
        traveller.shift(timedelta(seconds=settings.REAUTH_MAX_AGE + 1))
        assert client.get("/konto/e-post/")["Location"].startswith("/konto/bekrafta/")
    assert User.objects.get(username="kansli").email == "karin@example.org"
    assert AuditEntry.objects.filter(action="account.email_changed").count() == 1


def test_replacing_the_app_after_reauthentication_removes_the_old_one(login):
    client = login("kansli")
    old = TOTPDevice.objects.get(user__username="kansli")
    with time_machine.travel(START, tick=False) as traveller:
        _reauth(client, old)
        client.post("/konto/tvastegs/installera/", {"action": "start"})
        new = TOTPDevice.objects.get(user__username="kansli", confirmed=False)
        traveller.shift(timedelta(seconds=30))
        response = client.post("/konto/tvastegs/installera/",
                               {"action": "confirm", "code": _code(new)})
        assert response.status_code == 302
    assert list(TOTPDevice.objects.filter(user__username="kansli")) == [new]
    assert AuditEntry.objects.filter(action="account.second_factor_changed").count() == 1


def test_a_password_only_session_cannot_replace_an_existing_app(demo):
    _device()
    client = _password_step()
    response = client.post("/konto/tvastegs/installera/", {"action": "start"})
    assert response["Location"].startswith("/konto/tvastegs/?next=")
    assert TOTPDevice.objects.filter(user__username="styrelse", confirmed=False).count() == 0
