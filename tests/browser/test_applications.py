import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WARNING = "120 % av heltid är mer än en heltidstjänst."


@pytest.mark.django_db(transaction=True)
def test_an_owner_fills_in_checks_and_submits_and_the_office_reads_the_warnings(sign_in):
    page = sign_in("insatsansvarig")
    page.get_by_role("navigation").get_by_role("link", name="Ansökningar", exact=True).click()
    page.get_by_role("link", name="Ny ansökan").click()
    page.get_by_label("Insatsens namn").fill("Vägen vidare i Knivsta")
    page.get_by_role("button", name="Skapa ansökan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vägen vidare i Knivsta")

    # A new application opens its first unfinished section only: the owner opens the others.
    page.locator("#s-purpose > summary").click()
    page.locator("#s-period > summary").click()
    page.get_by_role("textbox", name="Syfte", exact=True).fill("Att stödja unga vuxna.")
    page.get_by_label("Planerat startdatum").fill("2024-01-01")
    page.get_by_label("Planerat slutdatum").fill("2025-12-31")
    page.get_by_role("textbox", name="Målgrupp", exact=True).fill("Unga vuxna utan arbete.")
    page.get_by_label("Lägsta ålder").fill("18")
    page.get_by_label("Högsta ålder").fill("29")
    page.locator('[name="goals-0-text"]').fill("Minst 40 deltagare per år.")
    # A second goal row, added with htmx (the button also works without JavaScript).
    page.get_by_role("button", name=re.compile(r"^Lägg till en rad\s*: Mål$")).click()
    page.locator('[name="goals-1-text"]').fill("Minst 10 till arbete eller studier.")
    page.locator('[name="goals-1-kind"]').select_option("outcome")
    page.get_by_role("button", name="Spara", exact=True).last.click()
    expect(page.get_by_text("Ansökan sparades.")).to_be_visible()

    page.get_by_role("link", name="Budget", exact=True).click()
    requisition = page.get_by_role("region", name="Kostnader att rekvirera från")
    requisition.get_by_label("Tjänst 1", exact=True).fill("Coach")
    requisition.get_by_label("Tjänst i %, rad 1").fill("120")
    requisition.get_by_label("Från, rad 1").fill("2024-01-01")
    requisition.get_by_label("Till, rad 1").fill("2025-12-31")
    requisition.get_by_label("Rad 1, Huvudinsatsägare").fill("1 400 000")
    page.get_by_role("button", name="Spara budgeten").click()
    expect(page.get_by_text("Budgeten sparades.")).to_be_visible()
    expect(page.locator('[data-field="salary.association.0.percent"]')).to_have_text(WARNING)

    page.get_by_role("link", name="Tillbaka till ansökan").first.click()
    page.get_by_role("link", name="Kontrollera och skicka in").click()
    expect(page.get_by_text(WARNING)).to_be_visible()
    page.get_by_role("button", name="Skicka in ansökan").click()
    expect(page.get_by_text("Ansökan skickades in till förbundet.")).to_be_visible()
    expect(page.locator(".status").first).to_have_text("Inskickad")

    page.get_by_role("button", name="Logga ut").click()
    page = sign_in("kansli")
    page.goto("/ansokningar/?status=submitted")
    page.get_by_role("link", name="Vägen vidare i Knivsta").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vägen vidare i Knivsta")
    expect(page.locator('[data-field="salary.association.0.percent"]')).to_have_text(WARNING)
    expect(page.locator("dl.facts").first).to_contain_text("Sökt belopp1 400 000 kr")
    expect(page.get_by_role("link", name="Återsänd för komplettering")).to_be_visible()
