"""Each token scope × each endpoint: a token reads what its scopes name and nothing else,
and only its own interventions' objects (404 for the rest, absent from lists)."""

import pytest
from django.urls import reverse

from insatsportal.api.models import Scope
from insatsportal.api.tests.matrix import API_MATRIX
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member

DETAILS = {"intervention", "application", "decision", "intervention_goals", "quarter",
           "requisition"}


@pytest.mark.parametrize("scope", Scope.values)
def test_a_token_reads_only_its_scopes(scope, api, demo):
    client = api(scopes=[scope])
    answers = {}
    for name, (url_for, _needed) in API_MATRIX.items():
        response = client.get(url_for(demo))
        body = response.json()
        error = body.get("error", {}).get("code") if isinstance(body, dict) else None
        answers[name] = (response.status_code, error)
    expected = {name: (200, None) if needed in (None, scope) else (403, "scope_missing")
                for name, (_url, needed) in API_MATRIX.items()}
    assert answers == expected


@pytest.fixture
def other_intervention(demo):
    return Intervention.objects.create(name="Annan insats", owner=Member.objects.first())


@pytest.mark.parametrize("name", sorted(DETAILS))
def test_objects_of_other_interventions_are_not_found(name, api, demo, other_intervention):
    url_for, _scope = API_MATRIX[name]
    response = api(interventions=[other_intervention]).get(url_for(demo))
    assert response.status_code == 404, name
    assert response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("name", ["interventions", "applications", "decisions", "goals",
                                  "requisitions", "payments", "yearly", "national_report",
                                  "estimates"])
def test_lists_hold_only_the_tokens_interventions(name, api, demo, other_intervention):
    url_for, _scope = API_MATRIX[name]
    everything = api().get(url_for(demo)).json()
    narrow = api(interventions=[other_intervention]).get(url_for(demo)).json()
    assert everything["count"] > 0, name  # the demo has something to hide
    ids = {item.get("intervention_id", item.get("id")) for item in narrow["items"]}
    assert ids <= {other_intervention.pk}, name


def test_the_whole_association_needs_no_intervention(api, demo, other_intervention):
    response = api(scopes=[Scope.ASSOCIATION], interventions=[other_intervention]).get(
        reverse("api_v1:association"))
    assert response.status_code == 200
    assert len(response.json()["members"]) == Member.objects.count()
