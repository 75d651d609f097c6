import pytest

pytestmark = pytest.mark.browser

MAIN_PAGES = {
    "kansli": ["Ansökningar", "Ärenden och beslut", "Insatser", "Rapporter", "Administration"],
    "deltagaransvarig": ["Insatser", "Deltagare"],
}


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("username", sorted(MAIN_PAGES))
def test_a_user_logs_in_and_opens_each_main_page(sign_in, username):
    page = sign_in(username)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Välkommen")
    for link in MAIN_PAGES[username]:
        page.get_by_role("navigation").get_by_role("link", name=link, exact=True).click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text() == link
        page.go_back()


@pytest.mark.django_db(transaction=True)
def test_a_wrong_password_is_refused_in_swedish(page):
    page.goto("/konto/logga-in/")
    page.get_by_label("Användarnamn").fill("kansli")
    page.get_by_label("Lösenord").fill("fel-lösenord-123")
    page.get_by_role("button", name="Logga in").click()
    assert "Ange ett korrekt användarnamn" in page.get_by_role("alert").inner_text()
