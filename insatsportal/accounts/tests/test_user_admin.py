"""The office manages users: roles and scopes, deactivation, unlocking; others are refused."""

import re

import pytest
from django.test import Client

from insatsportal.accounts.models import LoginAttempt, Role, RoleAssignment, User, UserSession
from insatsportal.core.models import AuditEntry
from insatsportal.core.tests.matrix import ROLES
from insatsportal.interventions.models import Intervention


def _audited(user, action):
    return AuditEntry.objects.filter(object_id=str(user.pk), action=action).exists()


def _token(page) -> str:
    return re.search(rb'name="form_token" value="([^"]+)"', page.content).group(1).decode()


def test_the_office_creates_a_user_with_no_role_and_sees_the_link_once(login, demo):
    office = login("kansli")
    page = office.get("/konto/anvandare/ny/")
    response = office.post("/konto/anvandare/ny/", {
        "form_token": _token(page), "username": "ny.handlaggare", "first_name": "Nils",
        "last_name": "Ny", "email": "nils@kommun.example", "title": "",
        "member": demo.members.first().pk,
    })
    user = User.objects.get(username="ny.handlaggare")
    assert response["Location"] == f"/konto/anvandare/{user.pk}/"
    detail = office.get(response["Location"])
    assert b"/konto/losenord/aterstall/" in detail.content
    assert b"/konto/losenord/aterstall/" not in office.get(response["Location"]).content
    assert list(user.roles.all()) == []
    assert _audited(user, "user.created") and _audited(user, "user.enrolment_link_issued")


def test_a_rejected_new_user_keeps_what_was_typed(login):
    office = login("kansli")
    page = office.get("/konto/anvandare/ny/")
    response = office.post("/konto/anvandare/ny/", {
        "form_token": _token(page), "username": "kansli", "first_name": "Kvar",
        "email": "inte-en-adress",
    })
    assert response.status_code == 200
    assert b'value="Kvar"' in response.content
    assert User.objects.filter(username="kansli").count() == 1


def test_roles_are_granted_with_an_intervention_scope_and_removed(login, demo):
    office = login("kansli")
    target = User.objects.get(username="handlaggare")
    intervention = Intervention.objects.order_by("pk").first()
    url = f"/konto/anvandare/{target.pk}/roller/"

    refused = office.post(url, {"role": Role.DELTAGARANSVARIG})
    assert refused.status_code == 400
    assert not target.roles.filter(role=Role.DELTAGARANSVARIG).exists()

    office.post(url, {"role": Role.DELTAGARANSVARIG, "intervention": intervention.pk})
    granted = target.roles.get(role=Role.DELTAGARANSVARIG)
    assert granted.intervention == intervention
    assert _audited(target, "user.role_granted")

    office.post(url, {"revoke": granted.pk})
    assert not RoleAssignment.objects.filter(pk=granted.pk).exists()
    assert _audited(target, "user.role_revoked")


def test_the_office_cannot_lock_itself_out(login):
    office = login("kansli")
    me = User.objects.get(username="kansli")
    own_role = me.roles.get(role=Role.KANSLI)
    office.post(f"/konto/anvandare/{me.pk}/roller/", {"revoke": own_role.pk})
    office.post(f"/konto/anvandare/{me.pk}/status/", {"action": "deactivate"})
    me.refresh_from_db()
    assert me.is_active and me.roles.filter(role=Role.KANSLI).exists()


def test_deactivating_ends_the_users_sessions_at_once(login):
    victim_client = login("handlaggare")
    victim_client.get("/")
    target = User.objects.get(username="handlaggare")
    login("kansli").post(f"/konto/anvandare/{target.pk}/status/", {"action": "deactivate"})
    target.refresh_from_db()
    assert not target.is_active
    assert not UserSession.objects.filter(user=target).exists()
    assert victim_client.get("/").status_code == 302
    assert _audited(target, "user.deactivated")


def test_a_locked_account_is_shown_and_unlocked(login, settings, demo):
    settings.LOGIN_ACCOUNT_MAX_FAILURES = 3
    browser = Client()
    for _ in range(3):
        browser.post("/konto/logga-in/", {"username": "styrelse", "password": "fel-fel-fel"})
    target = User.objects.get(username="styrelse")
    target.set_password("Ett-nytt-langt-losenord-7")
    target.save()
    refused = browser.post("/konto/logga-in/", {"username": "styrelse",
                                                "password": "Ett-nytt-langt-losenord-7"})
    assert refused.status_code == 200  # still locked

    office = login("kansli")
    assert "Låst".encode() in office.get("/konto/anvandare/").content
    office.post(f"/konto/anvandare/{target.pk}/status/", {"action": "unlock"})
    assert "Låst".encode() not in office.get("/konto/anvandare/").content
    assert _audited(target, "user.unlocked")
    signed_in = browser.post("/konto/logga-in/", {"username": "styrelse",
                                                  "password": "Ett-nytt-langt-losenord-7"})
    assert signed_in.status_code == 302
    assert LoginAttempt.objects.filter(username_key="styrelse", reason="unlocked").count() == 1


def test_resetting_the_second_factor_sends_the_user_to_enrolment(login):
    login("styrelse")
    target = User.objects.get(username="styrelse")
    login("kansli").post(f"/konto/anvandare/{target.pk}/status/",
                         {"action": "reset_second_factor"})
    assert not target.totpdevice_set.exists()
    assert _audited(target, "user.second_factor_reset")


POSTS = [
    ("roller/", {"role": Role.RAPPORTLASARE}),
    ("status/", {"action": "deactivate"}),
    ("status/", {"action": "link"}),
    ("status/", {"action": "reset_second_factor"}),
]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "kansli"])
@pytest.mark.parametrize(("path", "data"), POSTS)
def test_only_the_office_may_post_and_a_refused_post_changes_nothing(login, role, path, data):
    target = User.objects.get(username="handlaggare")
    before = (target.is_active, sorted(target.roles.values_list("role", flat=True)))
    entries = AuditEntry.objects.count()
    response = login(role).post(f"/konto/anvandare/{target.pk}/{path}", data)
    assert response.status_code == (302 if role == "anonymous" else 403)
    target.refresh_from_db()
    assert (target.is_active, sorted(target.roles.values_list("role", flat=True))) == before
    assert AuditEntry.objects.count() == entries


@pytest.mark.parametrize("role", [r for r in ROLES if r != "kansli"])
def test_only_the_office_may_create_users(login, role):
    response = login(role).post("/konto/anvandare/ny/", {"username": "x", "email": "x@y.se"})
    assert response.status_code in {302, 403}
    assert not User.objects.filter(username="x").exists()
