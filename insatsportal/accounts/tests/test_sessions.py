"""Session limits, the session register, ending sessions (own and, for the office, others')."""

from datetime import timedelta

import time_machine
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from insatsportal.accounts.models import User, UserSession
from insatsportal.core.models import AuditEntry

START = timezone.make_aware(timezone.datetime(2026, 3, 2, 8, 0))


def test_the_limits_are_30_minutes_idle_and_12_hours_in_all():
    assert settings.SESSION_IDLE_TIMEOUT == 30 * 60
    assert settings.SESSION_ABSOLUTE_TIMEOUT == 12 * 3600


def test_a_session_ends_after_30_idle_minutes(login):
    with time_machine.travel(START, tick=False) as traveller:
        client = login("kansli")
        key = client.session.session_key
        traveller.shift(timedelta(minutes=29))
        assert client.get("/").status_code == 200
        traveller.shift(timedelta(minutes=29))  # 58 minutes in, 29 idle: still fine
        assert client.get("/").status_code == 200
        traveller.shift(timedelta(minutes=30, seconds=1))
        response = client.get("/insatser/")
        assert response.status_code == 302
        assert response["Location"] == "/konto/logga-in/?next=/insatser/"
    assert not Session.objects.filter(session_key=key).exists()
    assert not UserSession.objects.filter(session_key=key).exists()


def test_a_session_ends_after_12_hours_however_active(login):
    with time_machine.travel(START, tick=False) as traveller:
        client = login("kansli")
        for _ in range(12 * 4 - 1):
            traveller.shift(timedelta(minutes=15))
            assert client.get("/").status_code == 200
        traveller.shift(timedelta(minutes=15, seconds=1))
        assert client.get("/").status_code == 302


def test_an_expired_htmx_request_is_redirected_by_htmx(login):
    with time_machine.travel(START, tick=False) as traveller:
        client = login("kansli")
        traveller.shift(timedelta(hours=1))
        response = client.get("/konto/sessioner/mina/", HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"].startswith("/konto/logga-in/")


def test_a_deactivated_user_loses_every_session_at_once(login):
    first, second = login("handlaggare"), login("handlaggare")
    assert UserSession.objects.filter(user__username="handlaggare").count() == 2
    user = User.objects.get(username="handlaggare")
    user.is_active = False
    user.save()
    assert UserSession.objects.filter(user=user).count() == 0
    for client in (first, second):
        assert client.get("/").status_code == 302


def test_a_user_deactivated_behind_the_signals_back_is_out_at_the_next_request(login):
    client = login("handlaggare")
    key = client.session.session_key
    User.objects.filter(username="handlaggare").update(is_active=False)
    assert client.get("/").status_code == 302
    assert not Session.objects.filter(session_key=key).exists()


def test_the_session_register_notes_each_sign_in(login):
    client = login("styrelse")
    record = UserSession.objects.get(user__username="styrelse")
    assert record.session_key == client.session.session_key


def test_a_user_sees_and_ends_another_of_their_own_sessions_with_htmx(login):
    laptop, phone = login("styrelse"), login("styrelse")
    phone_session = UserSession.objects.get(session_key=phone.session.session_key)
    page = laptop.get("/konto/").content.decode()
    assert "Den här sessionen" in page
    assert f'name="session" value="{phone_session.pk}"' in page
    response = laptop.post("/konto/sessioner/avsluta/", {"session": phone_session.pk},
                           HTTP_HX_REQUEST="true")
    assert response["Location"] == "/konto/sessioner/mina/"
    assert phone.get("/").status_code == 302
    assert laptop.get("/").status_code == 200
    assert AuditEntry.objects.filter(action="account.session_ended").count() == 1


def test_another_users_session_cannot_be_ended_from_my_account(login):
    mine, theirs = login("styrelse"), login("rapportlasare")
    their_session = UserSession.objects.get(session_key=theirs.session.session_key)
    response = mine.post("/konto/sessioner/avsluta/", {"session": their_session.pk})
    assert response.status_code == 404
    assert theirs.get("/").status_code == 200


def test_the_office_ends_every_session_of_another_user(login):
    office = login("kansli")
    lost_laptop, desktop = login("deltagaransvarig"), login("deltagaransvarig")
    page = office.get("/konto/sessioner/").content.decode()
    target = User.objects.get(username="deltagaransvarig")
    assert f'value="{target.pk}"' in page
    response = office.post("/konto/sessioner/avsluta-alla/", {"user": target.pk})
    assert response["Location"] == "/konto/sessioner/"
    assert lost_laptop.get("/").status_code == 302
    assert desktop.get("/").status_code == 302
    assert office.get("/").status_code == 200
    entry = AuditEntry.objects.get(action="account.sessions_ended")
    assert entry.data == {"count": 2}


def test_only_the_office_may_end_other_users_sessions(login):
    victim = login("kansli")
    kansli = User.objects.get(username="kansli")
    response = login("styrelse").post("/konto/sessioner/avsluta-alla/", {"user": kansli.pk})
    assert response.status_code == 403
    assert victim.get("/").status_code == 200


def test_changing_the_password_ends_the_other_sessions(login):
    import time_machine as tm
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    current, other = login("styrelse"), login("styrelse")
    device = TOTPDevice.objects.get(user__username="styrelse")
    with tm.travel(START, tick=False):
        code = f"{totp(device.bin_key):06d}"
        current.post("/konto/bekrafta/", {"password": "insatsportal-demo", "code": code,
                                          "next": "/konto/losenord/"})
        response = current.post("/konto/losenord/", {"new_password1": "Blåbärssylt-med-grädde-7",
                                                     "new_password2": "Blåbärssylt-med-grädde-7"})
        assert response["Location"] == "/konto/"
        assert current.get("/").status_code == 200
        assert other.get("/").status_code == 302


def _session_writes(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [q["sql"] for q in queries.captured_queries
            if q["sql"].startswith(("UPDATE", "INSERT"))
            and ("django_session" in q["sql"] or "accounts_usersession" in q["sql"])]


def _idle_seconds_left(page: str) -> int:
    import re

    return int(re.search(r'data-idle-seconds-left="(\d+)"', page)[1])


def test_use_is_noted_at_most_once_a_minute(login):
    assert settings.SESSION_ACTIVITY_WRITE_SECONDS == 60
    with time_machine.travel(START, tick=False) as traveller:
        client = login("kansli")
        traveller.shift(timedelta(seconds=59))
        assert _session_writes(client, "/konto/sessioner/mina/") == []
        traveller.shift(timedelta(seconds=1))
        assert len(_session_writes(client, "/konto/sessioner/mina/")) == 2  # session, register
        assert UserSession.objects.get().last_seen_at == START + timedelta(seconds=60)
        traveller.shift(timedelta(seconds=30))
        assert _session_writes(client, "/konto/sessioner/mina/") == []


def test_the_idle_limit_and_the_warning_count_from_the_noted_use(login):
    """A request less than a minute after the noted use is not noted: the session then
    ends 30 minutes after the noted use, and the page's warning counts to the same moment,
    never past what the server allows."""
    with time_machine.travel(START, tick=False) as traveller:
        client = login("kansli")
        traveller.shift(timedelta(seconds=30))
        assert _idle_seconds_left(client.get("/").content.decode()) == 30 * 60 - 30
        traveller.shift(timedelta(seconds=60))  # 90 s in: noted
        assert _idle_seconds_left(client.get("/").content.decode()) == 30 * 60
        traveller.shift(timedelta(minutes=30, seconds=1))
        assert client.get("/").status_code == 302


def test_staying_signed_in_gives_the_whole_idle_time_again(login):
    with time_machine.travel(START, tick=False) as traveller:
        client = login("kansli")
        traveller.shift(timedelta(seconds=20))  # within the minute: a page would not note it
        response = client.post("/konto/sessioner/fortsatt/", HTTP_ACCEPT="application/json")
        assert response.json() == {"idle_seconds": 30 * 60}
        traveller.shift(timedelta(minutes=30))
        assert client.get("/").status_code == 200
