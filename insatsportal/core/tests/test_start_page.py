"""The start page is each role's worklist: what is past due, returned, waiting for them and
coming up, counted, each item one click from where it is done, in a fixed number of queries."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from insatsportal.applications.models import Application
from insatsportal.cases.models import Case

# Queries of one start page per role with the demo data (user, second factor and role
# lookups included; the session row is written at most once a minute). A source that
# queries per row makes these grow with the data.
START_PAGE_QUERIES = {
    "kansli": 13,
    "styrelse": 6,
    "insatsansvarig": 17,
    "deltagaransvarig": 9,  # due counts: one query for the people under way, one for follow-ups
    "handlaggare": 5,
    "rapportlasare": 5,
}


def _queries(client) -> int:
    client.get("/")  # the session's first request writes more than the others
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries.captured_queries)


def _group(page: str, key: str) -> str:
    found = re.search(rf'<section class="worklist {key}".*?</section>', page, re.S)
    return found.group(0) if found else ""


@pytest.mark.parametrize("role", sorted(START_PAGE_QUERIES))
def test_each_roles_start_page_takes_a_fixed_number_of_queries(login, role):
    assert _queries(login(role)) == START_PAGE_QUERIES[role]


def test_more_open_cases_add_cards_not_queries(login, demo):
    client = login("kansli")
    before = _queries(client)
    Case.objects.update(status=Case.Status.RECEIVED, handler=None)
    page = client.get("/").content.decode()
    assert _queries(client) == before
    waiting = _group(page, "review")
    assert waiting.count('class="card review"') >= Case.objects.count()


def test_a_returned_application_waits_for_its_owner_under_returned(login, demo):
    client = login("insatsansvarig")
    before = _queries(client)
    Case.objects.filter(application__owner__name="Knivsta kommun").update(
        status=Case.Status.COMPLETION_REQUESTED)
    owned = Application.objects.filter(owner__name="Knivsta kommun", case__isnull=False)
    page = client.get("/").content.decode()
    assert _queries(client) == before
    returned = _group(page, "returned")
    assert "Tillbakaskickat till dig" in returned
    for application in owned:
        assert f'href="{reverse("cases:application_submit", args=[application.pk])}"' in returned
        assert application.name in returned
    # The count tile links to the group.
    assert re.search(rf'href="#group-returned"><span class="count">{owned.count()}</span>',
                     page)


def test_nothing_waiting_says_so_and_offers_shortcuts(login):
    page = login("rapportlasare").get("/").content.decode()
    assert "Inget väntar på dig just nu." in page
    assert 'href="/rapporter/"' in page
    assert "summary-tiles" not in page
