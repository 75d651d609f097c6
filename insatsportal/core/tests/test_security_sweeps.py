"""Every URL pattern, walked for the rules that hold on every page.

The URLs come from the permission matrix (each app's tests/matrix.py), so a new page is
swept as soon as it is in the matrix, which the matrix test already demands.
"""

import pytest
from django.apps import apps
from django.test import Client

from insatsportal.accounts.models import User
from insatsportal.core.tests.matrix import ROLES
from insatsportal.core.tests.urlwalk import collect_matrix

MATRIX = collect_matrix()
NAMES = sorted(MATRIX)

# Pages a password-only session may open: public ones and the second-factor steps.
PASSWORD_ONLY_OPEN = {
    "core:healthz",
    "accounts:login",
    "accounts:logout",
    "accounts:otp_verify",
    "accounts:otp_setup",
    "accounts:password_reset",
    "accounts:password_reset_done",
    "accounts:password_reset_confirm",
    "accounts:password_reset_complete",
    # Single sign-on starts and ends a sign-in, like the login page (404 unless configured).
    "accounts:sso_login",
    "accounts:sso_callback",
}
# The open API authenticates tokens, never a session, and CSRF does not apply to it: its
# own tests check that a session gets 401 and a POST 405 (api/tests/test_api_rules.py).
# Its description and documentation are public.
API = {name for name in NAMES if name.startswith("api_v1:")}
PASSWORD_ONLY_OPEN |= API
# Session bookkeeping that any request may write (when it was last used).
# Rows a GET may write by design: sessions, and the read log that records every display
# of an identified participant (the law asks for it).
BOOKKEEPING = {"sessions.session", "accounts.usersession", "participants.readlogentry"}


@pytest.mark.parametrize("name", sorted(set(NAMES) - PASSWORD_ONLY_OPEN))
def test_a_password_only_session_is_sent_to_the_second_factor(name, login_password_only, demo):
    url = MATRIX[name][0](demo)
    response = login_password_only("kansli").get(url)
    assert response.status_code == 302, name
    # Without an authenticator yet the second step is enrolment (tvastegs/installera/).
    assert response["Location"].startswith("/konto/tvastegs/installera/?next="), name


@pytest.mark.parametrize("name", sorted(set(NAMES) - PASSWORD_ONLY_OPEN))
def test_a_password_only_session_with_an_app_is_asked_for_a_code(
    name, login_password_only, demo
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = User.objects.get(username="styrelse")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    response = login_password_only("styrelse").get(MATRIX[name][0](demo))
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/tvastegs/?next="), name


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_users_are_sent_to_login(name, client, demo):
    url_for, expected = MATRIX[name]
    response = client.get(url_for(demo))
    assert response.status_code == expected["anonymous"], name
    if response.status_code == 302 and name != "accounts:password_reset_confirm":
        assert response["Location"].startswith("/konto/logga-in/?next="), name


def _check_headers(response, name):
    csp = response["Content-Security-Policy"]
    directives = {
        part.split()[0]: part.split()[1:] for part in csp.split(";") if part.strip()
    }
    assert directives["default-src"] == ["'self'"], name
    assert directives["object-src"] == ["'none'"], name
    assert directives["base-uri"] == ["'none'"], name
    assert directives["frame-ancestors"] == ["'none'"], name
    assert directives["form-action"] == ["'self'"], name
    assert "'unsafe-inline'" not in directives["script-src"], name
    assert "'unsafe-eval'" not in directives["script-src"], name
    assert "'unsafe-inline'" not in directives["style-src"], name
    assert response["X-Content-Type-Options"] == "nosniff", name
    assert response["Referrer-Policy"] == "same-origin", name
    assert response["X-Frame-Options"] == "DENY", name
    assert "no-store" in response["Cache-Control"], name


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("role", ["anonymous", "kansli", "handlaggare"])
def test_every_page_sends_the_security_headers(name, role, login, demo):
    response = login(role).get(MATRIX[name][0](demo))
    _check_headers(response, name)


def test_pages_with_scripts_name_them_by_nonce(login):
    response = login("kansli").get("/")
    csp = response["Content-Security-Policy"]
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()


def test_error_pages_send_the_security_headers_too(login):
    response = login("kansli").get("/finns-inte/")
    assert response.status_code == 404
    _check_headers(response, "404")


@pytest.mark.parametrize("name", sorted(set(NAMES) - API))
@pytest.mark.parametrize("role", ["anonymous", "kansli"])
def test_a_post_without_a_csrf_token_is_refused(name, role, login, demo):
    client = login(role, enforce_csrf_checks=True)
    response = client.post(MATRIX[name][0](demo), {"anything": "1"})
    assert response.status_code == 403, (name, role, response.status_code)
    assert b"CSRF" in response.content, name  # refused by the CSRF check, not by a role


def test_the_admin_refuses_a_post_without_a_csrf_token(login):
    client = login("kansli", enforce_csrf_checks=True)
    response = client.post("/admin/accounts/user/add/", {"username": "x"})
    assert response.status_code == 403


def _row_counts():
    counts = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label not in BOOKKEEPING:
            counts[label] = model._default_manager.count()
    return counts


@pytest.mark.parametrize("role", ROLES)
def test_no_get_or_head_request_changes_data(role, login, demo):
    client = login(role)
    # Build the URLs first: some matrix rows create the record they point at.
    urls = [MATRIX[name][0](demo) for name in NAMES if name != "accounts:logout"]
    before = _row_counts()
    for url in urls:
        client.get(url)
        client.head(url)
    assert _row_counts() == before


def test_the_admin_needs_the_second_factor(login, login_password_only):
    assert login("kansli").get("/admin/").status_code == 200
    password_only = login_password_only("kansli").get("/admin/")
    assert password_only.status_code == 302
    assert password_only["Location"].startswith("/konto/tvastegs/")
    anonymous = Client().get("/admin/", follow=True)
    assert anonymous.redirect_chain[-1][0].startswith("/konto/logga-in/?next=")


def test_the_admin_has_no_login_form_of_its_own(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/konto/logga-in/")


def test_no_template_has_inline_script_style_or_event_handlers():
    """The CSP refuses them; this finds them before a browser does."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    patterns = [
        re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.I),   # inline script
        re.compile(r"<style\b", re.I),                        # style element
        re.compile(r"\sstyle\s*=", re.I),                     # style attribute
        re.compile(r"\son[a-z]+\s*=", re.I),                  # onclick= and friends
        re.compile(r"\shx-on", re.I),                         # htmx inline handlers
        re.compile(r"javascript:", re.I),
    ]
    templates = list(root.glob("**/templates/**/*.html"))
    assert len(templates) > 20
    for template in templates:
        text = template.read_text(encoding="utf-8")
        offenders += [f"{template.relative_to(root)}: {p.pattern}" for p in patterns
                      if p.search(text)]
    assert offenders == []
