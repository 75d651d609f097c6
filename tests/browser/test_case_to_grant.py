"""The office takes Jobbcentrum from submission to a running intervention with its grant."""

import pytest
from django.core import mail

from insatsportal.accounts.models import RoleAssignment, User
from insatsportal.cases.models import Case
from insatsportal.organisations.models import Member

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_the_office_takes_an_application_to_a_decision(sign_in, csp_violations):
    owner = User.objects.create(username="enkoping", email="enkoping@demo.invalid",
                                member=Member.objects.get(name="Enköpings kommun"))
    RoleAssignment.objects.create(user=owner, role="insatsansvarig")
    page = sign_in("kansli")
    case = Case.objects.get(number="2021-15")
    page.goto(f"/arenden/{case.pk}/")
    assert page.get_by_role("heading", level=1).inner_text().startswith(
        "Jobbcentrum – din väg framåt"
    )
    page.get_by_role("button", name="Påbörja beredning").click()
    checklist = page.locator("table.checklist")
    assert "Budgeten har inga olösta varningar" in checklist.inner_text()
    assert "2024-12-31" in checklist.inner_text()  # the salary period past the planned end

    page.get_by_label("Bevilja").check()
    page.get_by_label("Motivering").fill("Väl förankrad i LOKUS Enköping.")
    page.get_by_role("button", name="Registrera rekommendation").click()
    assert "Rekommendationen är registrerad." in page.content()

    page.get_by_role("button", name="Skapa förslag till beslut från ansökan").click()
    page.get_by_role("link", name="Redigera förslaget").click()
    page.get_by_label("Maxbelopp (kronor)").fill("4800000")
    clauses = page.get_by_label("Att-satser")
    clauses.fill(clauses.input_value().replace("5\xa0350\xa0000", "4\xa0800\xa0000"))
    page.get_by_role("button", name="Spara förslaget").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Ladda ner som Word").click()
    assert download.value.suggested_filename == "forslag-till-beslut-2021-15.docx"

    page.goto("/arenden/moten/")
    page.get_by_label("Organ").select_option("board")
    page.get_by_label("Datum").fill("2026-12-10")
    page.get_by_role("button", name="Skapa sammanträdet").click()
    page.get_by_label("Ärende").select_option(label=str(case))
    page.get_by_role("button", name="Lägg till på dagordningen").click()
    assert "Ärendet är lagt som § 1." in page.content()

    page.goto(f"/arenden/{case.pk}/beslut/")
    page.get_by_label("Delvis bifall").check()
    page.get_by_label("Beslutsdatum").fill("2026-12-10")
    page.get_by_label("Förbundsstyrelsens sammanträde och paragraf").select_option(
        label="Förbundsstyrelsen 2026-12-10, § 1: 2021-15 Jobbcentrum – din väg framåt")
    page.get_by_role("button", name="Registrera beslutet").click()
    # 4 800 000 kr for 2022–2023 leaves 2023 without room in the demo's budget: warned first.
    assert "Förbundets budget har inte utrymme för detta beviljande." in page.content()
    page.get_by_role("button", name="Registrera beslutet ändå").click()
    assert "Beslutet är registrerat." in page.content()
    # the owner is asked at once for a budget revised to the grant
    [request] = [m for m in mail.outbox if m.to == ["enkoping@demo.invalid"]]
    assert request.subject == ("Insatsportalen: revidera budgeten efter beslutet för "
                               "Jobbcentrum – din väg framåt")
    differences = page.locator("table", has_text="I ansökan").inner_text()
    assert "5\xa0350\xa0000\xa0kr" in differences and "4\xa0800\xa0000\xa0kr" in differences

    page.get_by_role("link", name="Jobbcentrum – din väg framåt", exact=True).last.click()
    assert "4\xa0800\xa0000\xa0kr" in page.locator("dl.facts").inner_text()
    assert csp_violations == []
