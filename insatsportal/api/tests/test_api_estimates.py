"""The socio-economic estimate through the API: the pages' figures, per period, with the
assumptions; small groups without figures; a changed cost parameter changes the answer."""

from decimal import Decimal

import pytest

from insatsportal.api.models import Scope
from insatsportal.participants.tests import factories as f
from insatsportal.socioeconomics.models import CostParameter
from insatsportal.socioeconomics.tests.test_pages import current, register

pytestmark = pytest.mark.django_db


def _periods(client, **query):
    response = client.get("/api/v1/estimates", query)
    assert response.status_code == 200, response.content
    return {(r["intervention"], r["period_start"]): r for r in response.json()["items"]}


def test_the_estimate_per_period_is_the_pages_with_its_assumptions(api, demo):
    register(5)
    client = api(scopes=[Scope.ESTIMATES])
    period = _periods(client)[(f.INTERVENTION, "2023-01-01")]
    estimate = current(f.intervention())
    assert period["suppressed"] is False and period["known"] == 5
    assert period["projected"] == int(estimate.projected)
    parties = {p["payer"]: p for p in period["parties"]}
    # försörjningsstöd (kommun 9 500) before, no support after; 12 months, 50 % assumed
    assert parties["kommun"]["change_per_month"] == 5 * 9_500
    assert parties["kommun"]["projected"] == 5 * 9_500 * 12 // 2
    assert period["persistence"] == 0.5 and period["persistence_measured"] is False
    assert period["followed_up"] is None  # fewer than five: not a figure to show
    assert period["assumptions"] == {"horizon_months": 12, "uncertainty_percent": 20,
                                     "unknown_persistence_percent": 50, "min_group": 5}
    assert period["parameter_years"] == {"2024": [2024]}
    longer = _periods(client, horizon_months=24)[(f.INTERVENTION, "2023-01-01")]
    assert {p["payer"]: p for p in longer["parties"]}["kommun"]["projected"] == 5 * 9_500 * 12

    CostParameter.objects.filter(year=2024, code="forsorjningsstod").update(
        monthly_cost=Decimal(12_000))
    changed = _periods(client)[(f.INTERVENTION, "2023-01-01")]
    assert {p["payer"]: p for p in changed["parties"]}["kommun"]["projected"] == 360_000


def test_a_period_with_few_known_people_has_no_figures(api, demo):
    register(3)
    period = _periods(api(scopes=[Scope.ESTIMATES]))[(f.INTERVENTION, "2023-01-01")]
    assert period["suppressed"] is True and period["discharged"] == 3
    assert period["known"] is None and period["projected"] is None
    assert period["parties"] == []


def test_the_horizon_is_checked(api, demo):
    client = api(scopes=[Scope.ESTIMATES])
    response = client.get("/api/v1/estimates", {"horizon_months": 0})
    assert response.status_code == 400
    assert response.json()["error"]["details"][0]["field"].endswith("horizon_months")
