import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NAME = "En väg in – steget vidare"


def _pk():
    from insatsportal.interventions.models import Intervention

    return Intervention.objects.get(name=NAME).pk


@pytest.fixture
def office_page(browser, live_server, sign_in):
    context = browser.new_context(base_url=live_server.url, locale="sv-SE")
    yield sign_in("kansli", target=context.new_page())
    context.close()


@pytest.mark.django_db(transaction=True)
def test_a_requisition_refused_above_the_grant_and_one_approved(sign_in, office_page,
                                                                 csp_violations):
    page = sign_in("insatsansvarig")
    page.goto(f"/rapporter/insats/{_pk()}/rekvisitioner/")
    page.get_by_label("År").fill("2024")
    page.get_by_label("Kvartal").select_option("3")
    page.get_by_label("Lönekostnader").fill("90 000 000")
    page.get_by_role("button", name="Skicka rekvisitionen").click()
    expect(page.get_by_text("mer än vad som återstår av det beviljade beloppet")).to_be_visible()
    page.get_by_label("Lönekostnader").fill("100 000")
    page.get_by_role("button", name="Skicka rekvisitionen").click()
    expect(page.get_by_text("Rekvisitionen är skickad till förbundet.")).to_be_visible()

    office = office_page
    office.goto("/rapporter/rekvisitioner/")
    office.get_by_role("link", name=NAME).first.click()
    row = office.get_by_role("row").filter(has_text="2024 kv3")
    row.get_by_role("button", name="Godkänn för utbetalning").click()
    expect(office.get_by_text("Rekvisitionen är godkänd för utbetalning.")).to_be_visible()
    expect(office.get_by_role("row").filter(has_text="2024 kv3")).to_contain_text(
        "Godkänd för utbetalning")
    assert csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_a_quarterly_report_opened_filled_submitted_and_accepted(sign_in, office_page,
                                                                  csp_violations):
    page = sign_in("insatsansvarig")
    page.goto(f"/rapporter/insats/{_pk()}/kvartal/")
    page.get_by_role("link", name="2024 kv2").click()
    expect(page.get_by_role("heading", name="Deltagare", exact=True)).to_be_visible()
    expect(page.get_by_text("En av två coacher har slutat")).to_be_visible()  # the deviation
    page.get_by_label("Vad som gått bra").fill("Ett bra flöde av remisser.")
    page.get_by_label("Problem och hur de hanterats").fill("En vakans; rekrytering pågår.")
    page.get_by_label("Samverkan mellan parterna").fill("Täta operativa avstämningar.")
    page.get_by_label("Planer för nästa kvartal").fill("Fler gruppaktiviteter.")
    page.get_by_role("button", name="Lämna in rapporten").click()
    expect(page.get_by_text("Kvartalsrapporten är inlämnad.")).to_be_visible()
    expect(page.get_by_text("Siffrorna är låsta som de var vid inlämningen.")).to_be_visible()
    expect(page.get_by_role("button", name="Lämna in rapporten")).to_have_count(0)

    office = office_page
    office.goto(f"/rapporter/insats/{_pk()}/kvartal/2024/2/")
    office.get_by_label("Beslut").select_option("accept")
    office.get_by_label("Kansliets kommentar").fill("Tack, tydlig rapport.")
    office.get_by_role("button", name="Registrera granskningen").click()
    expect(office.locator("#report-status")).to_have_text("Godkänd")
    # The Word file is made by a background job (run at once in the tests); its page offers it.
    office.get_by_role("button", name="Ta fram Word-filen (.docx)").click()
    office.wait_for_url("**/jobb/*/")
    with office.expect_download() as download:
        office.get_by_role("link", name=re.compile(r"^Hämta ")).click()
    assert download.value.suggested_filename.endswith(".docx")
    assert csp_violations == []


@pytest.mark.django_db(transaction=True)
def test_a_deviation_reported_goals_dashboard_charts_and_the_national_export(
        sign_in, office_page, csp_violations):
    import io

    from openpyxl import load_workbook

    page = sign_in("insatsansvarig")
    page.goto(f"/rapporter/insats/{_pk()}/avvikelser/")
    page.get_by_label("Typ av avvikelse").select_option("staffing")
    page.get_by_label("Beskrivning").fill("Arbetsförmedlingens handläggare går på tjänstledighet.")
    page.get_by_label("Konsekvens").fill("Färre nya deltagare under hösten.")
    page.get_by_label("Föreslagen åtgärd").fill("AF tillsätter en vikarie.")
    page.get_by_label("Beslut av styrelsen behövs").check()
    page.get_by_role("button", name="Skicka avvikelserapporten").click()
    expect(page.get_by_text("Avvikelsen är rapporterad till förbundet.")).to_be_visible()

    office = office_page
    office.goto("/rapporter/avvikelser/")
    expect(office.get_by_text("handläggare går på tjänstledighet")).to_be_visible()
    office.goto(f"/rapporter/insats/{_pk()}/mal/")
    statuses = office.locator("span.status[class*='goal-']")
    expect(statuses.first).to_be_visible()
    # the demo intervention's period has ended: final statuses only
    assert set(statuses.all_inner_texts()) <= {"Uppnått", "Inte uppnått", "Kan inte beräknas"}
    office.goto("/rapporter/")
    expect(office.locator("svg.chart[role=img]").first).to_be_visible()
    expect(office.get_by_role("rowheader", name=NAME).first).to_be_visible()
    office.goto("/rapporter/nationell/?ar=2024")  # the demo intervention ran 2022–2024
    office.get_by_role("button", name="Ta fram Excel-filen (.xlsx)").click()
    # made in the background (tests run tasks when enqueued); the job's page offers it
    expect(office.get_by_text("Klart: filen är färdig.")).to_be_visible()
    with office.expect_download() as download:
        office.get_by_role("link", name="Hämta uppfoljning-finsam-2024.xlsx").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(io.BytesIO(download.value.path().read_bytes())).active
    assert NAME in {cell.value for row in sheet.iter_rows() for cell in row}
    assert csp_violations == []
