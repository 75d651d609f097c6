"""Reflow (WCAG 2.1, 1.4.10): in a window 320 CSS pixels wide no main page of any role
scrolls sideways. A table wider than that scrolls inside its own region, which takes
keyboard focus and has a name. The header fits one row at 1 366 px and is a menu button
at 320 px; the budget form fits 1 366 px with every owner column and adds up as the owner
types; a focused date field has a ring of at least 3:1. (bench/reflow.py surveys the
same pages against a running demo server, at any width.)"""

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_no_main_page_of_any_role_scrolls_sideways_at_320_px(main_page_walk):
    """Every page of the permission matrix, for every role that may open it
    (tests/browser/crawl.py)."""
    wide = main_page_walk["wide"]
    print(f"\nreflow: {main_page_walk['pages']} pages at 320 px", *wide.items(), sep="\n")
    assert wide == {}


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
