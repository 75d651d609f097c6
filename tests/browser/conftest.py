"""Playwright in Debian's chromium against a live test server.

Skipped, with a clear reason, when chromium is not installed.
"""

import os
import shutil
import threading
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


class OneRequestAtATime(ThreadedWSGIServer):
    """The live server, serving one request at a time where its threads share the test's
    database connection (SQLite's in-memory database): two requests at once, as a form's
    submit and the autosave its last field fires, corrupted that connection's transaction
    state ("pop from empty list"). Connections stay threaded, so one kept alive blocks
    nothing."""

    def set_app(self, application):
        if not self.connections_override:
            return super().set_app(application)
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATime


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.skip("Debian's chromium is not installed: browser tests skipped")
    # Playwright's sync API runs an event loop; Django must allow ORM use beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait for the page, not for a deadline: on a busy machine the default 5 s
    # failed correct tests. Speed is measured in bench/, not here.
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, demo):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def csp_violations(page):
    """Messages of every Content-Security-Policy violation the page reports."""
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    return violations


def current_code(device) -> str:
    """The code an authenticator app would show now for a django-otp TOTP device."""
    from django_otp.oath import totp

    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


@pytest.fixture
def sign_in(page):
    """Sign in with password and a code from the user's (test) authenticator app."""

    def sign_in(username, password="insatsportal-demo", target=page):
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from insatsportal.accounts.models import User

        user = User.objects.get(username=username)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        target.goto("/konto/logga-in/")
        target.get_by_label("Användarnamn").fill(username)
        target.get_by_label("Lösenord").fill(password)
        target.get_by_role("button", name="Logga in").click()
        target.wait_for_url("**/konto/tvastegs/**")
        target.get_by_label("Kod").fill(current_code(device))
        target.get_by_role("button", name="Bekräfta").click()
        target.wait_for_url("**/")
        return target

    return sign_in


AXE = Path(__file__).resolve().parents[1] / "a11y" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_source():
    """axe-core's script (tests/a11y, `npm ci`), or None when it is not installed."""
    return AXE.read_text(encoding="utf-8") if AXE.is_file() else None


@pytest.fixture
def demo_people(demo, settings):
    """The demo with generated people, so that lists are long and pages full
    (transactional tests flush the seeded code lists and cost parameters: seeded again)."""
    import_module("insatsportal.participants.migrations.0003_seed_code_lists").seed(apps, None)
    import_module("insatsportal.participants.migrations.0007_seed_instrument").seed(apps, None)
    import_module("insatsportal.socioeconomics.migrations.0002_default_cost_parameters"
                  ).add_defaults(apps, None)
    from insatsportal.demo.generate.services import demo_data_generate

    settings.DEMO_MODE = True
    demo_data_generate(participants=40, seed=17, interventions_count=1)
    return demo


@pytest.fixture
def main_page_walk(request, browser, live_server, axe_source):
    """Every main page of every role and every form in error, walked once per process
    (tests/browser/crawl.py); the second test to ask reads the first one's result without
    making the demo people again."""
    from tests.browser.crawl import walk_once

    if walk_once.result:
        return walk_once.result
    return walk_once(browser, live_server.url, request.getfixturevalue("sign_in"),
                     request.getfixturevalue("demo_people"), axe_source)
