"""The office uploads documents, reviews what was read and confirms (issue 5)."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SEEDS = Path(__file__).resolve().parents[2] / "insatsportal" / "demo" / "seeds"


@pytest.mark.django_db(transaction=True)
def test_upload_review_and_confirm_an_application(sign_in, tmp_path):
    from insatsportal.applications.models import Application

    text = next(SEEDS.glob("002_*")).read_text("utf-8")
    document = tmp_path / "jobbcentrum-2.txt"
    document.write_text(text.replace("Jobbcentrum, - din väg framåt", "Jobbcentrum Två"),
                        "utf-8")
    bad = tmp_path / "gammal.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 64)

    page = sign_in("kansli")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Inläsning").click()
    page.get_by_label("Dokument").set_input_files([str(document), str(bad)])
    page.get_by_role("button", name="Läs in dokumenten").click()
    page.wait_for_url("**/jobb/*/")  # read in the background (at once in the tests)
    outcome = page.locator("main").inner_text()
    assert "gamla Word-formatet" in outcome  # the bad file, in Swedish

    page.get_by_role("link", name="jobbcentrum-2.txt").click()
    warnings = page.locator("#import-warnings")
    assert "Överenskommelsens text avviker" in warnings.inner_text()
    fields = page.locator("#import-fields")
    assert "Dnr. 2021-15" in fields.inner_text()  # the text the case number came from

    page.get_by_label("Insatsens namn").fill("Jobbcentrum – två")
    page.get_by_label("Högsta ålder").fill("64")
    # The first signature loses its organisation: the problem is shown on that row's field,
    # linked from the summary at the top, and corrected there.
    page.locator('[name="signatures-0-member"]').select_option("")
    page.locator('[name="signatures-0-organisation"]').fill("")
    # A double click is tested with the test client (test_review.py): in the browser the
    # second submit aborts the first navigation, which made this test flaky.
    page.get_by_role("button", name="Skapa ansökan").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("Välj medlem eller skriv organisationens namn.")
    expect(summary).to_be_focused()
    organisation = page.locator('[name="signatures-0-organisation"]')
    expect(organisation).to_have_attribute("aria-invalid", "true")
    summary.get_by_role("link", name="Välj medlem eller skriv organisationens namn.").click()
    expect(organisation).to_be_focused()
    page.keyboard.type("Enköpings kommun")
    page.get_by_role("button", name="Skapa ansökan").click()
    page.wait_for_url("**/ansokningar/*/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Jobbcentrum – två")
    assert Application.objects.filter(name="Jobbcentrum – två").count() == 1
