"""Rows of a list added and removed with the keyboard: focus goes where the user continues
(the new row's first field; after a removal the next row, else the add button) and a
polite live region says what happened. The budget's totals as you type come from the server."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

ADDED = "En rad har lagts till"
REMOVED = "Raden är borttagen."


def _draft(name):
    from insatsportal.applications import services
    from insatsportal.organisations.models import Member

    return services.application_create(
        actor=None, owner=Member.objects.get(name="Knivsta kommun"), name=name)


def _press(page, selector, key="Enter"):
    page.locator(selector).focus()
    page.keyboard.press(key)


@pytest.mark.django_db(transaction=True)
def test_partner_rows_are_added_and_removed_with_the_keyboard(sign_in):
    draft = _draft("Rader med tangentbordet")
    page = sign_in("insatsansvarig")
    page.goto(f"/ansokningar/{draft.pk}/andra/")
    live = page.locator("#live-announcer")
    # A new application opens its first unfinished section only (the name is given).
    expect(page.locator("details.section[open]")).to_have_count(1)
    expect(page.locator("#s-owner")).to_have_attribute("open", "")

    page.locator('[name="partners-0-member"]').select_option(label="Håbo kommun")
    _press(page, "#add-partners")
    expect(page.locator('[name="partners-1-member"]')).to_be_focused()
    expect(live).to_contain_text(ADDED)
    page.locator('[name="partners-1-member"]').select_option(label="Enköpings kommun")
    page.keyboard.press("Tab")
    page.keyboard.type("Bo Andersson")
    expect(page.locator('[name="partners-1-contact_name"]')).to_have_value("Bo Andersson")

    # The first row goes: focus moves to the next row's first field.
    expect(page.locator('[name="partners-0-DELETE"]')).to_be_hidden()  # the button instead
    _press(page, "#partners-0 [data-row-remove-button]")
    expect(page.locator("#partners-0")).to_be_hidden()
    expect(page.locator('[name="partners-1-member"]')).to_be_focused()
    expect(live).to_have_text(REMOVED)

    page.get_by_role("button", name="Spara", exact=True).last.click()
    expect(page.get_by_text("Ansökan sparades.")).to_be_visible()
    draft.refresh_from_db()
    assert [(p.member.name, p.contact_name) for p in draft.partners.all()] == [
        ("Enköpings kommun", "Bo Andersson")]

    # The last row goes: focus moves to the add button.
    page.locator("#s-owner > summary").focus()
    if page.locator("#s-owner[open]").count() == 0:
        page.keyboard.press("Enter")
    _press(page, "#partners-0 [data-row-remove-button]")
    expect(page.locator("#add-partners")).to_be_focused()
    expect(live).to_have_text(REMOVED)


@pytest.mark.django_db(transaction=True)
def test_budget_totals_follow_the_form_and_a_removed_row(sign_in):
    draft = _draft("Summor medan man skriver")
    page = sign_in("insatsansvarig")
    page.goto(f"/ansokningar/{draft.pk}/budget/")
    totals = page.locator("[data-live-totals]")
    expect(totals).to_be_visible()
    requisition = page.get_by_role("region", name="Kostnader att rekvirera från")
    requisition.get_by_label("Tjänst 1", exact=True).fill("Coach")
    requisition.get_by_label("Rad 1, Huvudinsatsägare").fill("1 400 000")
    # Added up by the server (the same sum as the saved budget), with the Swedish grouping.
    expect(totals.locator("dd").first).to_have_text("1\u00a0400\u00a0000\u00a0kr")

    _press(page, "#row-salary_a-0 [data-row-remove-button]")
    expect(page.locator("#row-salary_a-0")).to_be_hidden()
    expect(page.locator("#add-salary_a")).to_be_focused()
    expect(page.locator("#live-announcer")).to_have_text(REMOVED)
    expect(totals.locator("dd").first).to_have_text("0\u00a0kr")
