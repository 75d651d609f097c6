"""Participant lists read from where the last page ended, and the name search looks up its
keyed-hash index: deep pages and searches cost what the first page does."""

import pytest
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from insatsportal.interventions.models import Intervention
from insatsportal.participants import selectors
from insatsportal.participants.models import NameToken, Participant
from insatsportal.participants.services.registration import consent_withdraw, participant_update
from insatsportal.participants.tests import factories
from insatsportal.participants.views.common import keyset_page

pytestmark = pytest.mark.django_db


def _page(query, params):
    request = RequestFactory().get("/", params)
    with CaptureQueriesContext(connection) as queries:
        page = keyset_page(request, query, size=20)
    assert len(queries) == 1
    return page


def test_walking_the_pages_forward_and_back_gives_every_row_once_in_order(demo):
    from insatsportal.demo.generate.services import demo_data_generate

    with override_settings(DEMO_MODE=True):
        demo_data_generate(participants=90, seed=2, interventions_count=1,
                           activities_per_participant=0, ratings_per_participant=0)
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    query = Participant.objects.filter(intervention=intervention)
    expected = list(query.order_by("-number").values_list("number", flat=True))
    pages, page = [], _page(query, {})
    assert not page.has_previous
    while True:
        pages.append([p.number for p in page])
        if not page.has_next:
            break
        page = _page(query, {"efter": page.last_key})
    assert [n for numbers in pages for n in numbers] == expected and len(pages) == 3
    back = _page(query, {"fore": page.first_key})
    assert [p.number for p in back] == pages[-2] and back.has_next


def test_the_search_finds_by_the_token_index_and_forgets_an_anonymised_name(demo):
    alva = factories.identified(name="Alva Sökbar")
    factories.identified(pnr=factories.OTHER_PNR, name="Bertil Annan")
    Participant.objects.update(name_index="")  # the search does not read the column
    user = factories.staff()
    intervention = factories.intervention()

    def found(query):
        return [p.pk for p in selectors.participant_list(user=user, intervention=intervention,
                                                         query=query)]
    assert found("sök") == [alva.pk] and found("alva sö") == [alva.pk]
    assert found("Bertil") != [] and found("Cecilia") == []
    participant_update(actor=user, participant=alva, name="Alva Ny", sex=alva.sex)
    assert found("sök") == [] and found("ny") == [alva.pk]
    consent_withdraw(actor=user, participant=alva)
    assert found("alva") == [] and not NameToken.objects.filter(participant=alva).exists()


def _luhn_pnr(serial: int) -> str:
    digits = f"800101{serial:03d}"
    total = sum(d // 10 + d % 10 for d in (int(c) * (2 - i % 2) for i, c in enumerate(digits)))
    return f"19{digits[:6]}-{digits[6:]}{(10 - total % 10) % 10}"


def test_the_partners_list_walks_by_intervention_and_back_a_page_at_a_time(demo, login):
    from insatsportal.accounts.models import User
    from insatsportal.participants.views.common import keyset_page_by_intervention

    for name in (factories.INTERVENTION, factories.OTHER_INTERVENTION):
        factories.keep_running(name)
        for n in range(4):
            factories.identified(pnr=_luhn_pnr(len(name) * 10 + n), name=f"Person {n}",
                                 where=name)
    user = User.objects.get(username="handlaggare")
    query = selectors.consented_participants_for_partner(user=user)
    expected = [(p.intervention.name, p.number) for p in query.select_related("intervention")
                .order_by("intervention__name", "-number")]
    assert len(expected) == 8 and expected[0][0] != expected[-1][0]

    def page(params):
        request = RequestFactory().get("/", params)
        with CaptureQueriesContext(connection) as queries:
            found = keyset_page_by_intervention(request, query.select_related("intervention"),
                                                size=3)
        assert len(queries) == 1
        return found

    pages, current = [], page({})
    while True:
        pages.append([(p.intervention.name, p.number) for p in current])
        if not current.has_next:
            break
        current = page({"efter": current.last_key})
    assert [row for rows in pages for row in rows] == expected and len(pages) == 3
    back = page({"fore": current.first_key})
    assert [(p.intervention.name, p.number) for p in back] == pages[1] and back.has_previous
    index = login("handlaggare").get("/deltagare/").content.decode()
    assert index.count("Person ") == 8 and "efter=" not in index  # one page of 50


def test_the_read_log_pages_back_in_time_and_keeps_the_day_filter(demo, login):
    from insatsportal.participants.models import ReadLogEntry

    today = timezone.localdate()
    ReadLogEntry.objects.bulk_create(
        ReadLogEntry(user_name=f"Läsare {n}", what="list", participants=[]) for n in range(130))
    client = login("kansli")
    first = client.get("/deltagare/dataskydd/", {"day": today.isoformat()}).content.decode()
    assert "Läsare 129" in first and "Läsare 29<" not in first
    link = first.split('href="?')[-1].split('"')[0].replace("&amp;", "&")
    assert f"day={today.isoformat()}" in link and "efter=" in link
    second = client.get("/deltagare/dataskydd/?" + link).content.decode()
    assert "Läsare 29<" in second and "Läsare 30<" not in second and "fore=" in second
