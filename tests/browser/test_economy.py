import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_the_board_reads_the_economy_and_drills_down_to_the_grant(sign_in, csp_violations):
    page = sign_in("styrelse")
    page.get_by_role("navigation", name="Huvudmeny").get_by_role("link", name="Ekonomi").click()
    page.goto("/ekonomi/?fran=2022")
    expect(page.get_by_role("img", name="Medlemsavgifter, åtaganden och utrymme kvar per år"))\
        .to_be_visible()
    row = page.get_by_role("row").filter(has_text="Bundet genom beslut")
    row.get_by_role("link", name="1 693 181 kr").click()
    expect(page.get_by_role("heading", name="Förbundets ekonomi 2023")).to_be_visible()
    expect(page.get_by_role("link", name="En väg in – steget vidare")).to_be_visible()
    assert csp_violations == []
