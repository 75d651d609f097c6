"""Single sign-on end to end against a real OpenID provider (oidc-provider on Node)."""

from urllib.parse import urlsplit

import pytest
from django.test import Client

from insatsportal.accounts.models import ExternalIdentity, User
from insatsportal.accounts.tests import oidc_provider

ACCOUNTS = {
    "entra-0001": {"email": "styrelse@forbund.example", "email_verified": True,
                   "amr": ["pwd", "mfa"]},
    "entra-0002": {"email": "styrelse@forbund.example", "email_verified": True,
                   "amr": ["pwd"]},
    "freja-0003": {"email": "styrelse@forbund.example", "email_verified": True,
                   "acr": "urn:test:loa:substantial"},
    "other-0004": {"email": "styrelse@forbund.example", "email_verified": False,
                   "amr": ["mfa"], "given_name": "Ny", "family_name": "Person"},
}


@pytest.fixture(scope="module")
def provider():
    if reason := oidc_provider.unavailable_reason():
        pytest.skip(reason)
    running = oidc_provider.start(ACCOUNTS)
    yield running
    running.process.terminate()
    running.process.wait(10)


@pytest.fixture
def sso(provider, settings, demo):
    for name, value in provider.settings().items():
        setattr(settings, name, value)
    user = User.objects.get(username="styrelse")
    user.email = "styrelse@forbund.example"
    user.save(update_fields=["email"])
    return provider


def _sign_in(provider, login: str) -> Client:
    client = Client()
    start = client.get("/konto/sso/?next=/rapporter/")
    assert start.status_code == 302
    back = provider.sign_in(start["Location"], login)
    parts = urlsplit(back)
    client.callback = client.get(f"{parts.path}?{parts.query}")
    return client


def test_the_login_page_offers_single_sign_on_only_when_configured(sso, settings):
    assert b"/konto/sso/" in Client().get("/konto/logga-in/").content
    settings.SSO_ENABLED = False
    assert b"/konto/sso/" not in Client().get("/konto/logga-in/").content
    assert Client().get("/konto/sso/").status_code == 404


def test_verified_email_links_the_account_and_the_providers_mfa_counts(sso):
    client = _sign_in(sso, "entra-0001")
    assert client.callback["Location"] == "/rapporter/"
    assert client.get("/rapporter/").status_code == 200
    styrelse = User.objects.get(username="styrelse")
    assert ExternalIdentity.objects.get(subject="entra-0001").user == styrelse

    # Later the subject alone finds the account, whatever the e-mail says.
    styrelse.email = "ny.adress@forbund.example"
    styrelse.save(update_fields=["email"])
    again = _sign_in(sso, "entra-0001")
    assert again.get("/rapporter/").status_code == 200
    assert int(again.session["_auth_user_id"]) == styrelse.pk


def test_without_mfa_at_the_provider_the_app_code_is_still_asked(sso):
    client = _sign_in(sso, "entra-0002")
    page = client.get("/rapporter/")
    assert page.status_code == 302
    assert page["Location"].startswith("/konto/tvastegs/")
    assert int(client.session["_auth_user_id"]) == User.objects.get(username="styrelse").pk


def test_a_configured_acr_counts_as_mfa(sso, settings):
    settings.SSO_MFA_ACR = ["urn:test:loa:substantial"]
    assert _sign_in(sso, "freja-0003").get("/rapporter/").status_code == 200
    settings.SSO_MFA_ACR = []
    assert _sign_in(sso, "freja-0003").get("/rapporter/").status_code == 302


def test_an_unverified_email_gets_a_new_account_with_no_role(sso):
    client = _sign_in(sso, "other-0004")
    new = ExternalIdentity.objects.get(subject="other-0004").user
    assert new.username != "styrelse"
    assert list(new.roles.all()) == []
    assert new.email == ""
    assert (new.first_name, new.last_name) == ("Ny", "Person")
    # Signed in (the provider asserted MFA) but sees nothing until the office grants a role.
    assert client.get("/rapporter/").status_code == 403


def test_a_deactivated_user_cannot_sign_in_through_the_provider(sso):
    User.objects.filter(username="styrelse").update(is_active=False)
    client = _sign_in(sso, "entra-0001")
    assert client.callback["Location"] == "/konto/logga-in/"
    assert "_auth_user_id" not in client.session


def test_a_linked_account_deactivated_later_is_refused(sso):
    _sign_in(sso, "entra-0001")
    User.objects.filter(username="styrelse").update(is_active=False)
    client = _sign_in(sso, "entra-0001")
    assert client.callback["Location"] == "/konto/logga-in/"
    assert "_auth_user_id" not in client.session


def test_single_sign_on_without_its_secret_refuses_to_start():
    from insatsportal.core.tests.test_settings import _run_settings

    result = _run_settings({"OIDC_RP_CLIENT_ID": "insatsportal", "OIDC_ISSUER": "https://idp"},
                           "print(s.SSO_ENABLED)")
    assert result.returncode != 0
    assert "OIDC_RP_CLIENT_SECRET" in result.stderr
