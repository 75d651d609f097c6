"""One way to say each thing: browsers, case numbers, quarters, hidden groups, no preselection."""

import pytest
from django.urls import reverse
from django.utils import translation

from insatsportal.accounts.models import User, UserSession
from insatsportal.accounts.user_agents import browser_label
from insatsportal.interventions.models import Intervention

FIREFOX_WINDOWS = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 "
                   "Firefox/128.0")
EDGE = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0")
SAFARI_IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
                 "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
CHROME_ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like "
                  "Gecko) Chrome/126.0.0.0 Mobile Safari/537.36")


@pytest.mark.parametrize(("header", "said"), [
    (FIREFOX_WINDOWS, "Firefox på Windows"), (EDGE, "Edge på Windows"),
    (SAFARI_IPHONE, "Safari på iOS"), (CHROME_ANDROID, "Chrome på Android"),
    ("curl/8.5.0", "Okänd webbläsare"),
])
def test_it_names_the_browser_as_a_person_would(header, said):
    with translation.override("sv"):
        assert browser_label(header) == said


def test_the_session_list_names_browsers_not_headers(login):
    client = login("kansli")
    UserSession.objects.filter(user=User.objects.get(username="kansli")).update(
        user_agent=FIREFOX_WINDOWS)
    page = client.get(reverse("accounts:sessions_fragment")).content.decode()
    assert "Firefox på Windows" in page and "Gecko" not in page


def test_the_register_shows_an_example_case_number_not_the_format(login):
    page = login("kansli").get(reverse("organisations:register")).content.decode()
    assert "{year}" not in page and "seq:02d" not in page
    assert "Till exempel 20" in page


def test_no_sex_is_chosen_in_advance_when_registering_a_participant(login):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    for name in ("participants:register", "participants:register_anonymous"):
        page = login("deltagaransvarig").get(reverse(name, args=[intervention.pk]))
        html = page.content.decode()
        select = html[html.index('name="sex"'):]
        select = select[:select.index("</select>")]
        assert '<option value="" selected>Välj…</option>' in select
        assert select.count("selected") == 1


def test_an_unchosen_sex_is_a_swedish_error_and_nothing_is_saved(login):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    before = intervention.participants.count()
    page = login("deltagaransvarig").post(
        reverse("participants:register_anonymous", args=[intervention.pk]),
        {"sex": "", "start_year": "2025"})
    assert page.status_code == 200
    assert "Detta fält måste fyllas i." in page.content.decode()
    assert intervention.participants.count() == before


def test_a_hidden_small_group_is_marked_the_same_way_everywhere(login):
    page = login("kansli").get(reverse("participants:statistics")).content.decode()
    assert "•" not in page and "(visas som ”–”)" in page
