"""Nothing typed is lost when the session runs out: the warning, autosave, the kept form.

The browser's clock is Playwright's (page.clock), so the warning is tested without waiting.
"""

import pytest
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from insatsportal.accounts.models import User
from insatsportal.accounts.services import backup_codes_create
from insatsportal.accounts.signals import SESSION_LAST_ACTIVITY, SESSION_STARTED

pytestmark = pytest.mark.browser

BACKGROUND = "Unga vuxna i Knivsta saknar en samlad väg in till arbete eller studier."


def _draft_application():
    from insatsportal.applications import services
    from insatsportal.organisations.models import Member

    return services.application_create(
        actor=None, owner=Member.objects.get(name="Knivsta kommun"), name="Skrivs länge")


def _move_back(page, key: str, seconds: int):
    session = SessionStore(next(c["value"] for c in page.context.cookies()
                                if c["name"] == "sessionid"))
    session[key] -= seconds
    session.save()


def _end_session_on_server(page):
    """As if the user had been away for 31 minutes (the server's idle limit is 30)."""
    _move_back(page, SESSION_LAST_ACTIVITY, 31 * 60)


@pytest.mark.django_db(transaction=True)
def test_the_warning_comes_before_the_idle_limit_and_keeps_the_session(sign_in, page,
                                                                      csp_violations):
    page.clock.install()
    sign_in("insatsansvarig")
    warning = page.locator("#session-warning")
    expect(warning).to_be_hidden()
    page.clock.fast_forward("26:00")
    expect(warning).to_be_visible()
    expect(warning.get_by_role("heading")).to_have_text("Du loggas snart ut")
    warning.get_by_role("button", name="Fortsätt vara inloggad").click()
    expect(warning).to_be_hidden()
    page.clock.fast_forward("31:00")
    expect(warning.get_by_text("Du har loggats ut")).to_be_visible()
    assert csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_near_the_absolute_limit_the_warning_says_to_save_instead(sign_in, page):
    sign_in("insatsansvarig")
    _move_back(page, SESSION_STARTED, 12 * 3600 - 3 * 60)  # 3 minutes of the 12 hours left
    page.reload()
    warning = page.locator("#session-warning")
    expect(warning.get_by_text("den längsta tid som tillåts")).to_be_visible()
    expect(warning.get_by_role("button", name="Fortsätt vara inloggad")).to_be_hidden()


@pytest.mark.django_db(transaction=True)
def test_a_long_text_and_a_form_sent_too_late_come_back(sign_in, page, csp_violations):
    application = _draft_application()
    url = f"/ansokningar/{application.pk}/andra/"
    sign_in("insatsansvarig")
    page.goto(url)
    page.locator("#s-purpose > summary").click()  # a new application opens its first section
    background = page.get_by_role("textbox", name="Bakgrund och behov", exact=True)
    # Autosave: the draft comes back on reload, and the saved text can be chosen instead.
    with page.expect_response("**/utkast/spara/"):
        background.fill(BACKGROUND)
        background.blur()
    page.reload()
    expect(background).to_have_value(BACKGROUND)
    expect(page.get_by_text("Text som du inte hade sparat")).to_be_visible()
    with page.expect_response("**/utkast/slapp/"):
        page.get_by_role("button", name="Använd den sparade texten i stället").click()
    expect(background).to_have_value("")

    # The session ends on the server while the user writes; saving still keeps the text.
    background.fill(BACKGROUND)
    _end_session_on_server(page)
    page.get_by_role("button", name="Spara", exact=True).last.click()
    page.wait_for_url("**/konto/logga-in/**")
    expect(page.get_by_text("Det du skickade har sparats.")).to_be_visible()
    page.get_by_label("Användarnamn").fill("insatsansvarig")
    page.get_by_label("Lösenord").fill("insatsportal-demo")
    page.get_by_role("button", name="Logga in").click()
    page.wait_for_url("**/konto/tvastegs/**")
    # An app code works once per 30 seconds; the second sign-in uses a backup code.
    page.get_by_label("Kod").fill(backup_codes_create(user=User.objects.get(
        username="insatsansvarig"))[0])
    page.get_by_role("button", name="Bekräfta").click()
    page.wait_for_url(f"**{url}")
    expect(background).to_have_value(BACKGROUND)
    expect(page.get_by_text("har fyllts i igen. Granska det och spara.")).to_be_visible()
    page.get_by_role("button", name="Spara", exact=True).last.click()
    expect(page.get_by_text("Ansökan sparades.")).to_be_visible()
    application.refresh_from_db()
    assert application.background == BACKGROUND
    assert csp_violations == []
