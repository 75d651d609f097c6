"""WCAG 2.1 A and AA with axe-core on every main page, for each role, and on forms in error.

axe-core comes from the npm registry (tests/a11y/package.json, installed by `npm ci` in
.ci/run); without it these tests are skipped with the reason. Every page of the
permission matrix that a role may open is checked for that role, and every form with
fields is sent empty once and checked in its error state (tests/browser/crawl.py walks
them, once for this test and the reflow test). A link that leads the role to "Åtkomst
nekad" fails too: links are shown only to roles that may follow them. Below, chosen forms
in error start at their error summary, and the keyboard walks the longest forms.
"""

import re
from importlib import import_module
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from playwright.sync_api import expect

from tests.browser.crawl import AXE_RUN, WCAG_TAGS

pytestmark = pytest.mark.browser

@pytest.fixture
def axe_required(axe_source):
    if axe_source is None:
        pytest.skip("axe-core is not installed: run `npm ci` in tests/a11y")
    return axe_source


@pytest.fixture
def code_lists(demo):
    """Transactional tests flush the database, and with it the seeded code lists."""
    import_module("insatsportal.participants.migrations.0003_seed_code_lists").seed(apps, None)
    import_module("insatsportal.participants.migrations.0007_seed_instrument").seed(apps, None)


@pytest.fixture
def role_page(browser, live_server, sign_in, code_lists):
    """role_page("kansli") -> a signed-in page in a context of its own. The context
    bypasses the Content-Security-Policy only so that axe's script can be injected."""
    contexts = []

    def make(role):
        context = browser.new_context(base_url=live_server.url, locale="sv-SE",
                                      bypass_csp=True)
        contexts.append(context)
        return sign_in(role, target=context.new_page())

    yield make
    for context in contexts:
        context.close()


def axe_violations(page, source) -> list[str]:
    """'rule-id (impact): help — selectors' for every WCAG 2.1 A/AA violation on the page."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    found = page.evaluate(AXE_RUN, WCAG_TAGS)
    return [f"{urlsplit(page.url).path}: {line}" for line in found]


@pytest.mark.django_db(transaction=True)
def test_every_main_page_of_every_role_and_every_form_in_error_passes_axe(
        axe_required, main_page_walk):
    walk = main_page_walk
    print(f"\naxe: {walk['pages']} pages and {walk['forms']} forms in error checked",
          *walk["violations"], *walk["refused"], *walk["not_ok"], sep="\n")
    assert walk["not_ok"] == [], "A page of the matrix or a form sent empty did not answer"
    assert walk["refused"] == [], "Links shown that the role may not follow"
    assert walk["violations"] == []


def _application_in_draft():
    from insatsportal.accounts.models import User
    from insatsportal.applications.services import application_create

    user = User.objects.get(username="insatsansvarig")
    return application_create(actor=user, owner=user.member, name="Tillgänglig ansökan")


def _intervention():
    from insatsportal.interventions.models import Intervention

    return Intervention.objects.get(name="En väg in – steget vidare")


# (role, path, the field typed into before pressing Enter, what is typed): each posts a
# form with a problem, by Enter in a field (so Enter submits).
def _error_states():
    application = _application_in_draft()
    intervention = _intervention()
    return [
        ("insatsansvarig", "/ansokningar/ny/", "Insatsens namn", ""),
        ("insatsansvarig", f"/ansokningar/{application.pk}/andra/", "Lägsta ålder", "-5"),
        ("insatsansvarig", f"/ansokningar/{application.pk}/budget/",
         "Rad 1, Huvudinsatsägare", "många kronor"),
        ("deltagaransvarig", f"/deltagare/insats/{intervention.pk}/registrera/", "Namn", ""),
        ("deltagaransvarig", f"/deltagare/insats/{intervention.pk}/registrera-anonym/",
         "Startår", ""),
        ("kansli", "/ekonomi/2031/budget/", "Budget för administration", "minus"),
    ]


@pytest.mark.django_db(transaction=True)
def test_every_form_in_error_passes_axe_and_starts_at_its_summary(
        role_page, axe_required, browser, live_server):
    violations, checked = [], 0
    # The login form, empty: a message, not silence.
    context = browser.new_context(base_url=live_server.url, locale="sv-SE", bypass_csp=True)
    page = context.new_page()
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn").press("Enter")
    expect(page.locator("[data-error-summary]")).to_be_focused()
    expect(page.locator("[data-error-summary]")).to_contain_text("Detta fält måste fyllas i.")
    violations += axe_violations(page, axe_required)
    checked += 1
    context.close()
    pages = {}
    for role, path, label, text in _error_states():
        page = pages.get(role) or pages.setdefault(role, role_page(role))
        page.goto(path)
        field = page.get_by_label(label, exact=False).first
        if not field.is_visible():  # in a folded section (a new application opens one)
            field.evaluate("el => { el.closest('details').open = true; }")
        field.fill(text)
        field.press("Enter")
        page.wait_for_load_state()
        summary = page.locator("[data-error-summary]")
        expect(summary).to_be_focused()
        # The summary's first link leads to a field on the page.
        target = summary.locator("a").first.get_attribute("href")
        assert page.locator(target).count() == 1, (path, target)
        violations += axe_violations(page, axe_required)
        checked += 1
    print(f"\naxe: {checked} forms in error checked", *violations, sep="\n")
    assert violations == []


def _tab_through(page, stop_at, limit=400):
    """Press Tab until `stop_at` (a locator) has focus; the names of the fields passed."""
    reached = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        info = page.evaluate("""() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {name: el.name || el.id || el.textContent.trim().slice(0, 40),
                    visible: style.outlineStyle !== 'none' && style.outlineWidth !== '0px'
                             || style.boxShadow !== 'none'};
        }""")
        assert info["visible"], f"no visible focus on {info['name']}"
        reached.append(info["name"])
        if stop_at.evaluate("el => el === document.activeElement"):
            return reached
    raise AssertionError(f"never reached the end; last were {reached[-5:]}")


def _fields(form):
    return form.evaluate("""form => [...form.elements].filter(el =>
        ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName) && el.type !== 'hidden'
        && el.tabIndex >= 0 && !el.disabled && el.offsetParent !== null)
        .map(el => el.name)""")


@pytest.mark.django_db(transaction=True)
def test_the_keyboard_reaches_every_field_and_enter_saves(role_page):
    application = _application_in_draft()
    page = role_page("insatsansvarig")
    page.goto(f"/ansokningar/{application.pk}/andra/")
    form = page.locator("main form[method=post]").first
    wanted = set(_fields(form))
    page.get_by_role("link", name="Hoppa till innehållet").focus()
    reached = set(_tab_through(page, form.locator("button[type=submit]:visible").last))
    assert wanted - reached == set()
    page.locator("#s-period > summary").press("Enter")  # a new application opens one section
    page.get_by_label("Lägsta ålder").fill("18")
    page.get_by_label("Lägsta ålder").press("Enter")
    expect(page.get_by_text("Ansökan sparades.")).to_be_visible()

    page = role_page("deltagaransvarig")
    intervention = _intervention()
    for path in (f"/deltagare/insats/{intervention.pk}/registrera/",
                 f"/deltagare/insats/{intervention.pk}/registrera-anonym/"):
        page.goto(path)
        form = page.locator("main form[method=post]").first
        wanted = set(_fields(form))
        page.get_by_role("link", name="Hoppa till innehållet").focus()
        reached = set(_tab_through(page, form.locator("button[type=submit]").last))
        assert wanted - reached == set(), path
        form.locator("input:visible").first.press("Enter")
        expect(page.locator("[data-error-summary]")).to_be_focused()


@pytest.mark.django_db(transaction=True)
def test_an_added_budget_row_gets_the_focus_and_is_announced(role_page):
    application = _application_in_draft()
    page = role_page("insatsansvarig")
    page.goto(f"/ansokningar/{application.pk}/budget/")
    requisition = page.get_by_role("region", name="Kostnader att rekvirera från")
    requisition.get_by_label("Rad 1, Huvudinsatsägare").fill("1 000 000")
    expect(page.locator("[data-live-total=association]")).to_have_text("1\u00a0000\u00a0000\u00a0kr")
    add = re.compile(r"^Lägg till en rad\s*: Lönekostnader")
    page.get_by_role("button", name=add).first.click()
    new_title = page.locator('[name="salary_a-1-title"]')
    expect(new_title).to_be_focused()
    expect(page.locator("#live-announcer")).to_contain_text("En rad har lagts till")
