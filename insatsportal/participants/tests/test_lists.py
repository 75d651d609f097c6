"""Participant lists read from where the last page ended, and the name search looks up its
keyed-hash index: deep pages and searches cost what the first page does."""

import pytest
from django.db import connection
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

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
