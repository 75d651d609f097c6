from importlib import import_module

import pytest
from django.apps import apps

pytestmark = pytest.mark.browser


@pytest.fixture
def code_lists(demo):
    """Transactional tests flush the database, and with it the seeded code lists."""
    import_module("insatsportal.participants.migrations.0003_seed_code_lists").seed(apps, None)
    import_module("insatsportal.participants.migrations.0007_seed_instrument").seed(apps, None)


@pytest.mark.django_db(transaction=True)
def test_a_coordinator_registers_enrols_plans_and_discharges(sign_in, code_lists):
    page = sign_in("deltagaransvarig")
    page.get_by_role("navigation").get_by_role("link", name="Deltagare", exact=True).click()
    page.get_by_role("link", name="En väg in – steget vidare").click()

    # With consent.
    page.get_by_role("link", name="Registrera med samtycke").click()
    page.get_by_label("Personnummer eller samordningsnummer").fill("19900101-0017")
    page.get_by_label("Namn").fill("Webb Testsson")
    page.get_by_label("Kön").select_option("kvinna")
    page.get_by_label("Hemkommun").select_option(label="Knivsta kommun")
    page.get_by_label("Datum för samtycke").fill("2024-01-10")
    page.get_by_label("Version av samtyckesblanketten").fill("2024:1")
    page.get_by_label("Arbetsförmedlingen").check()
    page.get_by_role("button", name="Registrera").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Webb Testsson"
    assert "Deltagaren har registrerats." in page.locator(".messages").inner_text()

    # Enrolment.
    page.get_by_role("link", name="Skriv in").click()
    page.get_by_label("Inskrivningsdatum").fill("2024-01-15")
    page.get_by_label("Remittent").select_option(label="Arbetsförmedlingen")
    page.get_by_label("Försörjningsstöd (ekonomiskt bistånd)").check()
    page.get_by_label("Sysselsättning före").select_option(label="Arbetssökande")
    page.get_by_label("Tid i offentlig försörjning före").select_option(label="1–2 år")
    page.get_by_label("Högsta avslutade utbildning").select_option(
        label="Gymnasial utbildning 3 år")
    page.get_by_role("button", name="Spara").click()
    assert "Inskrivningen har sparats." in page.locator(".messages").inner_text()

    # Action plan.
    page.get_by_role("link", name="Upprätta handlingsplan").click()
    page.get_by_label("Upprättad").fill("2024-02-01")
    page.get_by_label("Mål").fill("Arbete inom handeln")
    page.get_by_label("Förankrad med deltagaren").check()
    page.get_by_role("button", name="Spara").click()
    assert "2024-05-01" in page.locator("#plan-heading + dl").inner_text()

    # Progress rating: every item on the scale, then the charts and the table.
    page.get_by_role("link", name="Ny progressionsmätning").click()
    page.get_by_label("Tillfälle").select_option("start")
    page.get_by_label("Datum för skattningen").fill("2024-01-20")
    for radio in page.locator('input[type=radio][value="3"]').all():
        radio.check()
    page.get_by_role("button", name="Spara").click()
    assert "Skattningen har sparats." in page.locator(".messages").inner_text()
    page.get_by_role("link", name="Visa skattningarna som diagram och tabell").click()
    assert page.locator("svg").count() == 2
    assert "3,0" in page.locator("table").inner_text()
    participant_url = page.url.removesuffix("progression/")

    # A group activity for this participant and another one.
    page.get_by_role("navigation").get_by_role("link", name="Deltagare", exact=True).click()
    page.get_by_role("link", name="En väg in – steget vidare").click()
    page.get_by_role("link", name="Registrera med samtycke").click()
    page.get_by_label("Personnummer eller samordningsnummer").fill("19850615-1235")
    page.get_by_label("Namn").fill("Grupp Deltagarsson")
    page.get_by_label("Kön").select_option("man")
    page.get_by_label("Datum för samtycke").fill("2024-01-10")
    page.get_by_label("Version av samtyckesblanketten").fill("2024:1")
    page.get_by_role("button", name="Registrera").click()
    page.get_by_role("navigation").get_by_role("link", name="Deltagare", exact=True).click()
    page.get_by_role("link", name="En väg in – steget vidare").click()
    page.get_by_role("link", name="Registrera gruppaktivitet").click()
    page.get_by_label("Webb Testsson").check()
    page.get_by_label("Grupp Deltagarsson").check()
    page.get_by_label("Typ av aktivitet").select_option("group")
    page.get_by_label("Datum").fill("2024-03-05")
    page.get_by_label("Längd (minuter)").fill("90")
    page.get_by_role("button", name="Spara").click()
    assert "Aktiviteten har registrerats för 2 deltagare." in page.locator(
        ".messages").inner_text()
    page.goto(participant_url)

    # Discharge.
    page.get_by_role("link", name="Utskrivning", exact=True).click()
    page.get_by_label("Utskrivningsdatum").fill("2024-09-30")
    page.get_by_label("Avslutsorsak").select_option("planned")
    page.get_by_label("Ingen offentlig försörjning", exact=False).check()
    page.get_by_label("Sysselsättning efter").select_option(
        label="Studier (arbetsmarknadsutbildning räknas som studier)")
    page.get_by_role("button", name="Spara").click()
    assert "Planerat avslut" in page.locator("#discharge-heading + dl").inner_text()

    # Follow-up after discharge.
    page.get_by_role("link", name="Registrera uppföljningen").click()
    page.get_by_label("Datum för uppföljningen").fill("2025-03-30")
    page.get_by_label("Kontakt nådd").check()
    page.get_by_label("Sysselsättning vid uppföljningen").select_option(label="Arbetssökande")
    page.get_by_role("button", name="Spara").click()
    assert "Uppföljningen har sparats." in page.locator(".messages").inner_text()
    assert "2025-03-30" in page.locator("#follow-up-heading + dl").inner_text()

    # Anonymous.
    page.get_by_role("navigation").get_by_role("link", name="Deltagare", exact=True).click()
    page.get_by_role("link", name="En väg in – steget vidare").click()
    page.get_by_role("link", name="Registrera anonymt").click()
    page.get_by_label("Kön").select_option("man")
    page.get_by_label("Startår").fill("2024")
    page.get_by_role("button", name="Registrera").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Anonym deltagare")
