"""Password rules and the reset link (one hour, once)."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import timezone

from insatsportal.accounts.models import User, UserSession

START = timezone.make_aware(timezone.datetime(2026, 3, 2, 9, 0))


def test_argon2id_hashes_new_passwords():
    # Tests use a fast hasher (conftest); the project's setting is what production runs.
    from insatsportal import settings as project

    assert project.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    from django.contrib.auth.hashers import Argon2PasswordHasher

    assert Argon2PasswordHasher().encode("x" * 12, "saltsaltsalt").startswith("argon2$argon2id$")


@pytest.mark.parametrize("password", [
    "kort-ord-1",                  # shorter than 12
    "password1234",                # common
    "Insatsportal2026!",           # product name
    "samordningsforbund-99",       # förbund, without the accents
    "Finsam-är-bäst-42",           # the law's short name
    "KnivstaKnivsta#1",            # a kommun in the register
    "mittenköpinglösen",           # a kommun, genitive form stripped
    "uppsala-lan-1234",            # region / kommun name
])
def test_weak_or_guessable_passwords_are_refused(password, demo):
    with pytest.raises(ValidationError):
        validate_password(password, User(username="anna", first_name="Anna"))


def test_a_long_unrelated_password_is_accepted(demo):
    validate_password("Blåbärssylt-med-grädde-7", User(username="anna"))


def test_the_context_words_include_every_kommun_of_the_register(demo):
    from insatsportal.organisations.models import Member
    from insatsportal.organisations.password_validation import ContextWordsValidator

    kommuner = Member.objects.filter(kind="kommun")
    assert kommuner.count() == 8
    for member in kommuner:
        with pytest.raises(ValidationError):
            ContextWordsValidator().validate(f"xx{member.name.split()[0]}yy-123")


def _request_link(client, email):
    client.post("/konto/losenord/aterstall/", {"email": email})
    return re.search(r"http://testserver(/konto/losenord/aterstall/\S+/)", mail.outbox[-1].body)[1]


def _set(client, link, password="Blåbärssylt-med-grädde-7"):
    page = client.get(link, follow=True)
    return client.post(page.redirect_chain[-1][0] if page.redirect_chain else link,
                       {"new_password1": password, "new_password2": password})


def test_the_reset_link_is_valid_for_one_hour():
    assert django_settings.PASSWORD_RESET_TIMEOUT == 3600


def test_the_reset_link_works_once_and_ends_the_sessions(demo, login):
    signed_in = login("styrelse")
    client = Client()
    link = _request_link(client, "styrelse@demo.invalid")
    response = _set(client, link)
    assert response.status_code == 302
    assert response["Location"] == "/konto/losenord/aterstall/klart/"
    assert User.objects.get(username="styrelse").check_password("Blåbärssylt-med-grädde-7")
    assert signed_in.get("/").status_code == 302
    assert not UserSession.objects.filter(user__username="styrelse").exists()
    # The same link again: refused.
    again = Client().get(link, follow=True)
    assert "Länken gäller inte längre" in again.content.decode()


def test_the_reset_link_expires_after_an_hour(demo):
    with time_machine.travel(START, tick=False) as traveller:
        client = Client()
        link = _request_link(client, "styrelse@demo.invalid")
        traveller.shift(timedelta(hours=1, seconds=1))
        page = client.get(link, follow=True)
    assert "Länken gäller inte längre" in page.content.decode()


def test_the_reset_form_does_not_reveal_whether_an_address_is_known(demo):
    known = Client().post("/konto/losenord/aterstall/", {"email": "styrelse@demo.invalid"})
    unknown = Client().post("/konto/losenord/aterstall/", {"email": "ingen@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 1


def _ask_reset(email, ip="203.0.113.5"):
    return Client(REMOTE_ADDR=ip).post("/konto/losenord/aterstall/", {"email": email})


LIMITED = "För många begäranden om nytt lösenord"
SENT = "/konto/losenord/aterstall/skickat/"


def test_reset_links_are_limited_per_address_without_revealing_the_account(demo, settings):
    settings.PASSWORD_RESET_ACCOUNT_MAX = 3
    for _ in range(3):
        assert _ask_reset("styrelse@demo.invalid")["Location"] == SENT
        assert _ask_reset("ingen@example.org")["Location"] == SENT
    assert len(mail.outbox) == 3
    known, unknown = _ask_reset("Styrelse@demo.invalid "), _ask_reset("ingen@example.org")
    assert known.status_code == unknown.status_code == 200
    assert LIMITED in known.content.decode() and LIMITED in unknown.content.decode()
    assert len(mail.outbox) == 3
    # Another address is not held up by it.
    assert _ask_reset("kansli@demo.invalid").status_code == 302
    assert len(mail.outbox) == 4


def test_reset_links_are_limited_per_client_address(demo, settings):
    settings.PASSWORD_RESET_ADDRESS_MAX = 5
    for n in range(5):
        assert _ask_reset(f"person{n}@example.org").status_code == 302
    refused = _ask_reset("styrelse@demo.invalid")
    assert LIMITED in refused.content.decode()
    assert len(mail.outbox) == 0
    assert _ask_reset("styrelse@demo.invalid", ip="198.51.100.7").status_code == 302
    assert len(mail.outbox) == 1


def test_the_limit_lasts_an_hour(demo, settings):
    settings.PASSWORD_RESET_ACCOUNT_MAX = 1
    with time_machine.travel(timezone.now(), tick=False) as traveller:
        assert _ask_reset("styrelse@demo.invalid").status_code == 302
        assert _ask_reset("styrelse@demo.invalid").status_code == 200
        traveller.shift(timedelta(hours=1, seconds=1))
        assert _ask_reset("styrelse@demo.invalid").status_code == 302
    assert len(mail.outbox) == 2
