"""Reflow (WCAG 2.1, 1.4.10): in a window 320 CSS pixels wide no main page of any role
scrolls sideways. A table wider than that scrolls inside its own region, which takes
keyboard focus and has a name. The header fits one row at 1 366 px and is a menu button
at 320 px; the budget form fits 1 366 px with every owner column and adds up as the owner
types; a focused date field has a ring of at least 3:1. (bench/reflow.py surveys every
page of the permission matrix the same way.)"""

from importlib import import_module

import pytest
from django.apps import apps

from insatsportal.core.tests.urlwalk import collect_matrix

pytestmark = pytest.mark.browser

MATRIX = collect_matrix()

# Each role's main pages: its menu, its start page and the pages its work happens on.
MAIN_PAGES = {
    "kansli": [
        "core:start", "applications:list", "applications:detail", "cases:list", "cases:detail",
        "cases:meetings", "cases:meeting", "interventions:list", "interventions:detail",
        "interventions:grant_budget", "participants:statistics", "participants:privacy",
        "reports:index", "reports:overview", "reports:goals", "reports:meetings",
        "reports:requisitions", "reports:requisition_inbox", "reports:deviation_inbox",
        "reports:quarterly", "reports:national", "economy:overview", "economy:year",
        "economy:contributions", "socioeconomics:overview", "socioeconomics:intervention",
        "imports:list", "organisations:register", "accounts:account", "accounts:user_list",
    ],
    "styrelse": [
        "core:start", "applications:list", "applications:detail", "cases:list", "cases:detail",
        "cases:meetings", "cases:meeting", "interventions:detail", "reports:index",
        "reports:goals", "economy:overview",
    ],
    "insatsansvarig": [
        "core:start", "applications:list", "applications:new", "applications:edit",
        "applications:budget", "applications:detail", "interventions:list",
        "interventions:detail", "interventions:grant_budget", "reports:index", "reports:goals",
        "reports:requisitions", "reports:quarterly", "reports:deviations",
    ],
    "deltagaransvarig": [
        "core:start", "interventions:list", "participants:list", "participants:intervention",
        "participants:detail", "participants:due", "participants:progress",
        "participants:enrolment", "participants:plan", "participants:rating_create",
        "participants:activity_create", "participants:discharge",
        "participants:follow_up_overview",
    ],
    "handlaggare": ["core:start", "interventions:list", "participants:list",
                    "participants:detail", "participants:progress"],
    "rapportlasare": ["core:start", "interventions:detail", "participants:statistics",
                      "reports:index", "reports:goals", "reports:national"],
}

# What sticks out of the window, outside a scrolling region (to say what to fix).
WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth;
  const culprits = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll'))
    .slice(-3).map(e => e.tagName.toLowerCase() + '.' + e.className);
  const regions = [...document.querySelectorAll('.table-scroll.scrolls')]
    .filter(r => r.tabIndex !== 0 || r.getAttribute('role') !== 'region'
                 || !(r.getAttribute('aria-label') || r.getAttribute('aria-labelledby')))
    .map(r => 'unnamed or unfocusable scrolling region');
  return {page, width, culprits, regions};
}"""


@pytest.fixture
def demo_people(demo, settings):
    """The demo with generated people (transactional tests flush the code lists)."""
    import_module("insatsportal.participants.migrations.0003_seed_code_lists").seed(apps, None)
    import_module("insatsportal.participants.migrations.0007_seed_instrument").seed(apps, None)
    from insatsportal.demo.generate.services import demo_data_generate

    settings.DEMO_MODE = True
    demo_data_generate(participants=40, seed=17, interventions_count=1)
    return demo


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("role", sorted(MAIN_PAGES))
def test_no_main_page_scrolls_sideways_at_320_px(page, sign_in, demo_people, role):
    urls = {name: MATRIX[name][0](demo_people) for name in MAIN_PAGES[role]}
    page.set_viewport_size({"width": 320, "height": 720})
    sign_in(role)
    problems = {}
    for name, url in urls.items():
        response = page.goto(url)
        assert response.status == 200, (name, response.status)
        page.wait_for_load_state("networkidle")
        found = page.evaluate(WIDE)
        if found["page"] > found["width"] or found["regions"]:
            problems[name] = found
    assert problems == {}


@pytest.mark.django_db(transaction=True)
def test_the_header_is_one_row_wide_and_a_menu_button_narrow(page, sign_in, demo):
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in("kansli")
    header = page.locator(".site-header")
    menu = page.get_by_role("button", name="Meny")
    assert header.bounding_box()["height"] < 70  # one row of 44 px targets
    assert not menu.is_visible()
    assert page.get_by_role("navigation", name="Huvudmeny").get_by_role(
        "link", name="Administration").is_visible()

    page.set_viewport_size({"width": 320, "height": 720})
    page.reload()
    links = page.get_by_role("navigation", name="Huvudmeny")
    assert menu.get_attribute("aria-expanded") == "false"
    assert not links.is_visible()
    menu.click()
    assert menu.get_attribute("aria-expanded") == "true"
    links.get_by_role("link", name="Rapporter").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Rapporter"
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


@pytest.mark.django_db(transaction=True)
def test_the_budget_form_fits_1366_px_and_adds_up_as_the_owner_types(page, sign_in, demo):
    from django.urls import reverse

    from tests.browser.pages import demo_draft

    url = reverse("applications:budget", args=[demo_draft().pk])
    page.set_viewport_size({"width": 1366, "height": 768})
    sign_in("insatsansvarig")
    page.goto(url)
    # Every column of the budget, the co-owners' included, without sideways scrolling.
    assert page.evaluate("""[...document.querySelectorAll('.table-scroll')]
        .every(r => r.scrollWidth <= r.clientWidth)""")
    totals = page.locator("[data-live-totals]")
    # The same figures, in the same format (no-break spaces), as the server's totals.
    assert "3\xa0930\xa0000\xa0kr" in totals.inner_text()
    rent = page.get_by_label("Lokalhyra, Huvudinsatsägare").first
    rent.fill("1 000 000")
    rent.blur()
    # Added up by the server (forms helper): wait for its answer.
    from playwright.sync_api import expect
    expect(totals.locator('[data-live-total="association"]')).to_have_text("4\xa0930\xa0000\xa0kr")
    expect(totals.locator('[data-live-total="grand"]')).to_have_text("5\xa0240\xa0000\xa0kr")


@pytest.mark.django_db(transaction=True)
def test_a_focused_date_field_has_a_ring_of_at_least_3_to_1(page, sign_in, demo):
    from django.urls import reverse

    from tests.browser.pages import demo_draft

    url = reverse("applications:edit", args=[demo_draft().pk])
    sign_in("insatsansvarig")
    page.goto(url)
    page.locator("#s-period > summary").click()
    page.get_by_label("Planerat startdatum").focus()
    ring = page.evaluate("""() => {
        const style = getComputedStyle(document.activeElement);
        return [style.outlineStyle, style.outlineWidth, style.outlineColor];
    }""")
    # #1b1f24 on the white page: 16:1.
    assert ring == ["solid", "3px", "rgb(27, 31, 36)"]
