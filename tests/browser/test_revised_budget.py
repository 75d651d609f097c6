"""A delvis bifall: the owner is asked for a revised budget, the office approves it, and
requisitions are checked against it."""

import pytest
from playwright.sync_api import expect

from insatsportal.core.models import AuditEntry
from insatsportal.interventions.tests.factories import D, application_data, grant_make
from insatsportal.organisations.models import Member

pytestmark = pytest.mark.browser
NAME = "Halva vägen"


@pytest.fixture
def office_page(browser, live_server, sign_in):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    yield sign_in("kansli", target=context.new_page())
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_partly_granted_budget_is_revised_approved_and_claimed_against(
        sign_in, office_page, csp_violations):
    # 1 000 000 kr granted for 2024–2025 on an application of 1 220 000 kr
    grant = grant_make(amount=1_000_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                       data=application_data(name=NAME))
    knivsta = Member.objects.get(name="Knivsta kommun").pk
    page = sign_in("insatsansvarig")
    page.goto("/")
    page.get_by_role("link", name=f"Revidera budgeten efter beslutet: {NAME}").click()
    expect(page.locator("#budget-source")).to_contain_text("Fördelat per dag (preliminärt)")
    page.locator(f'input[name="cell_{knivsta}_2024_salary"]').fill("200 000")
    page.get_by_label("Kommentar till kansliet").fill("En coach färre under 2024.")
    page.get_by_role("button", name="Skicka den reviderade budgeten").click()
    expect(page.get_by_text("Den reviderade budgeten är skickad till förbundet.")).to_be_visible()
    total = grant.revised_budgets.get().total
    assert total < 1_000_000

    office = office_page
    office.goto("/")
    office.get_by_role("link", name=f"Reviderad budget att godkänna: {NAME}").click()
    expect(office.get_by_text("En coach färre under 2024.")).to_be_visible()
    office.get_by_role("button", name="Godkänn den reviderade budgeten").click()
    expect(office.get_by_text("Den reviderade budgeten är godkänd")).to_be_visible()
    expect(office.locator("#budget-source")).to_contain_text("Godkänd reviderad budget")

    page.goto(f"/rapporter/insats/{grant.intervention_id}/rekvisitioner/")
    expect(page.locator("#budget-of-record")).to_contain_text("Den reviderade budgeten som "
                                                              "godkändes")
    page.get_by_label("År").fill("2024")
    page.get_by_label("Kvartal").select_option("1")
    page.get_by_label("Lönekostnader").fill(str(total + 1))
    page.get_by_role("button", name="Skicka rekvisitionen").click()
    expect(page.get_by_text("mer än vad som återstår")).to_be_visible()
    page.get_by_label("År").fill("2026")
    page.get_by_label("Lönekostnader").fill("1 000")
    page.get_by_role("button", name="Skicka rekvisitionen").click()
    expect(page.get_by_text("ligger utanför de beviljade perioderna")).to_be_visible()
    page.get_by_label("År").fill("2024")
    page.get_by_role("button", name="Skicka rekvisitionen").click()
    expect(page.get_by_text("Rekvisitionen är skickad till förbundet.")).to_be_visible()
    refused = AuditEntry.objects.filter(action="requisition.refused",
                                        object_id=str(grant.intervention_id)).order_by("pk")
    assert [(e.data["year"], e.actor.username) for e in refused] == [
        (2024, "insatsansvarig"), (2026, "insatsansvarig")]
    assert csp_violations == []
