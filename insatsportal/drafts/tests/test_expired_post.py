"""A form sent after the session ended is kept and filled in again after signing in."""

from datetime import timedelta

import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from insatsportal.accounts.models import User
from insatsportal.applications import services as applications
from insatsportal.applications.models import Application
from insatsportal.core.tests.formdata import page_form_data
from insatsportal.demo.services import DEMO_PASSWORD
from insatsportal.drafts.models import Draft
from insatsportal.drafts.tests.helpers import page_drafts_of
from insatsportal.organisations.models import Member

START = timezone.make_aware(timezone.datetime(2026, 3, 2, 9, 0))
PURPOSE = "Syftet är att fler ska nå arbete – skrivet i en halvtimme och skickat för sent."


def _application() -> Application:
    return applications.application_create(
        actor=None, owner=Member.objects.get(name="Knivsta kommun"), name="Utkast som tappas"
    )


def _sign_in_again(client: Client, next_url: str):
    """Password, then a code from the authenticator app, as the login page asks."""
    user = User.objects.get(username="insatsansvarig")
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    response = client.post(f"/konto/logga-in/?next={next_url}",
                           {"username": "insatsansvarig", "password": DEMO_PASSWORD,
                            "next": next_url})
    assert response.status_code == 302
    code = f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
    response = client.post(response["Location"], {"code": code, "next": next_url})
    assert response.status_code == 302
    return response["Location"]


def test_a_form_sent_after_the_session_ended_is_filled_in_after_signing_in(login, demo):
    application = _application()
    url = f"/ansokningar/{application.pk}/andra/"
    with time_machine.travel(START, tick=False) as traveller:
        client = login("insatsansvarig")
        data = {**page_form_data(client, url), "purpose": PURPOSE}
        traveller.shift(timedelta(minutes=31))
        response = client.post(url, data, HTTP_REFERER=f"http://testserver{url}")
        # Sent to sign in again, and back to the same page afterwards; nothing saved yet.
        assert response.status_code == 302
        assert response["Location"] == f"/konto/logga-in/?next={url}"
        application.refresh_from_db()
        assert application.purpose != PURPOSE
        kept = Draft.objects.get(kind=Draft.Kind.EXPIRED_POST)
        assert PURPOSE not in kept.content_encrypted  # encrypted at rest
        login_page = client.get(response["Location"]).content.decode()
        assert "Det du skickade har sparats" in login_page

        traveller.shift(timedelta(minutes=2))
        assert _sign_in_again(client, url) == url
        page = client.get(url).content.decode()
        kept = page_drafts_of(page)["kept"]
        assert kept["action"] == url
        assert kept["data"]["purpose"] == [PURPOSE]
        assert "csrfmiddlewaretoken" not in kept["data"]
        # The page's script lets it go once it is filled in.
        discard = client.post("/utkast/slapp/", {"path": url, "kind": "expired_post"},
                              HTTP_ACCEPT="application/json")
        assert discard.status_code == 204
    assert not Draft.objects.exists()


def test_it_is_kept_for_its_user_only_and_for_a_day(login, demo):
    application = _application()
    url = f"/ansokningar/{application.pk}/andra/"
    with time_machine.travel(START, tick=False) as traveller:
        client = login("insatsansvarig")
        traveller.shift(timedelta(hours=1))
        client.post(url, {"purpose": PURPOSE})
        assert Draft.objects.get().user.username == "insatsansvarig"
        other = login("kansli").get(url.replace("andra/", "")).content.decode()
        assert PURPOSE not in other
        traveller.shift(timedelta(hours=24, minutes=1))
        late = login("insatsansvarig").get(url).content.decode()
    assert page_drafts_of(late)["kept"] is None


def test_a_post_that_fails_the_csrf_check_is_not_kept(login, demo):
    application = _application()
    url = f"/ansokningar/{application.pk}/andra/"
    with time_machine.travel(START, tick=False) as traveller:
        client = login("insatsansvarig", enforce_csrf_checks=True)
        traveller.shift(timedelta(hours=1))
        response = client.post(url, {"purpose": "Från en annan webbplats",
                                     "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 302
    assert not Draft.objects.exists()


def test_signing_out_and_switching_language_are_not_kept(login, demo):
    with time_machine.travel(START, tick=False) as traveller:
        client = login("insatsansvarig")
        traveller.shift(timedelta(hours=1))
        client.post("/konto/logga-ut/", {})
        client = login("insatsansvarig")
        traveller.shift(timedelta(hours=1))
        client.post("/i18n/setlang/", {"language": "en"})
    assert not Draft.objects.exists()


def test_a_session_past_the_password_only_keeps_nothing(login_password_only, demo):
    application = _application()
    url = f"/ansokningar/{application.pk}/andra/"
    with time_machine.travel(START, tick=False) as traveller:
        client = login_password_only("insatsansvarig")
        traveller.shift(timedelta(hours=1))
        response = client.post(url, {"purpose": "Planterad text"})
    assert response.status_code == 302
    assert not Draft.objects.exists()
