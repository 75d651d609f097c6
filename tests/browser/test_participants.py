from importlib import import_module

import pytest
from django.apps import apps

pytestmark = pytest.mark.browser


@pytest.fixture
def code_lists(demo):
    """Transactional tests flush the database, and with it the seeded code lists."""
    import_module("insatsportal.participants.migrations.0003_seed_code_lists").seed(apps, None)


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

    # Discharge.
    page.get_by_role("link", name="Utskrivning", exact=True).click()
    page.get_by_label("Utskrivningsdatum").fill("2024-09-30")
    page.get_by_label("Avslutsorsak").select_option("planned")
    page.get_by_label("Ingen offentlig försörjning", exact=False).check()
    page.get_by_label("Sysselsättning efter").select_option(
        label="Studier (arbetsmarknadsutbildning räknas som studier)")
    page.get_by_role("button", name="Spara").click()
    assert "Planerat avslut" in page.locator("#discharge-heading + dl").inner_text()

    # Anonymous.
    page.get_by_role("navigation").get_by_role("link", name="Deltagare", exact=True).click()
    page.get_by_role("link", name="En väg in – steget vidare").click()
    page.get_by_role("link", name="Registrera anonymt").click()
    page.get_by_label("Kön").select_option("man")
    page.get_by_label("Startår").fill("2024")
    page.get_by_role("button", name="Registrera").click()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Anonym deltagare")
