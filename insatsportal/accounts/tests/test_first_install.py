"""First install from the command line: förbund, members, office user, one-time link."""

import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from insatsportal.accounts.models import Role, User
from insatsportal.core.models import AuditEntry
from insatsportal.organisations.models import Association, Member

NEW_PASSWORD = "Vinterljus-over-Fyrisan-42"


def _install(demo, *extra, username="forbundschef"):
    out = StringIO()
    call_command(
        "first_install", "--association", demo.name, "--director", "Anna Andersson",
        "--member", "Påhittsby kommun=kommun", "--member", "Region Påhittsland=region",
        "--username", username, "--email", "anna@forbund.example",
        "--first-name", "Anna", "--last-name", "Andersson", *extra, stdout=out,
    )
    return out.getvalue()


def _code(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_the_link_leads_to_a_working_office_login_with_two_factors(demo):
    output = _install(demo)
    link = re.search(r"^http\S+$", output, re.M).group(0)
    assert Member.objects.get(name="Påhittsby kommun").kind == "kommun"
    user = User.objects.get(username="forbundschef")
    assert [r.role for r in user.roles.all()] == [Role.KANSLI]
    assert not user.has_usable_password()

    browser = Client()
    form_page = browser.get(urlsplit(link).path, follow=True)
    assert form_page.status_code == 200
    done = browser.post(form_page.redirect_chain[-1][0], {
        "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD,
    })
    assert done.status_code == 302
    # The link works once: the password it set is part of its token.
    assert Client().get(urlsplit(link).path, follow=True).context["validlink"] is False

    signed_in = browser.post("/konto/logga-in/", {"username": "forbundschef",
                                                  "password": NEW_PASSWORD})
    assert signed_in["Location"].startswith("/konto/tvastegs/installera/")
    browser.post("/konto/tvastegs/installera/", {"action": "start"})
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    browser.post("/konto/tvastegs/installera/", {"code": _code(device)})
    assert browser.get("/konto/anvandare/").status_code == 200
    assert AuditEntry.objects.filter(object_id=str(user.pk), action="user.created").exists()


def test_running_it_again_keeps_the_register_and_refuses_the_same_user(demo):
    _install(demo)
    with pytest.raises(CommandError, match="enrolment_link forbundschef"):
        _install(demo)
    assert Member.objects.filter(name="Påhittsby kommun").count() == 1


def test_a_second_forbund_is_refused_and_nothing_is_created(demo):
    with pytest.raises(CommandError, match="används redan av"):
        call_command(
            "first_install", "--association", "Samordningsförbundet Annanstans",
            "--member", "Annan kommun=kommun", "--username", "ny", "--email", "ny@example.org",
            stdout=StringIO(),
        )
    assert Association.objects.count() == 1
    assert not Member.objects.filter(name="Annan kommun").exists()
    assert not User.objects.filter(username="ny").exists()


def test_a_member_of_unknown_kind_leaves_nothing_behind(demo):
    with pytest.raises(CommandError, match="Okänd typ"):
        _install(demo, "--member", "Tierps kommun=kommunen", username="ny")
    assert not User.objects.filter(username="ny").exists()
    assert not Member.objects.filter(name="Påhittsby kommun").exists()


def test_enrolment_link_prints_a_new_link_for_an_existing_user(demo):
    out = StringIO()
    call_command("enrolment_link", "kansli", stdout=out)
    assert "/konto/losenord/aterstall/" in out.getvalue()
    with pytest.raises(CommandError, match="No active user"):
        call_command("enrolment_link", "finns-inte", stdout=StringIO())
