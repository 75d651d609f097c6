import uuid

import pytest
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.cases.budget_of_record import PRO_RATA, REVISED, budget_of_record
from insatsportal.cases.revised_budget import selectors, services
from insatsportal.interventions.models import RevisedBudget
from insatsportal.interventions.tests.factories import D, application_data, grant_make
from insatsportal.organisations.models import Member


@pytest.fixture
def grant(demo):
    """Delvis bifall: 1 000 000 kr for 2024–2025 on an application of 1 220 000 kr."""
    return grant_make(amount=1_000_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                      data=application_data())


@pytest.fixture
def people(demo):
    return {name: User.objects.get(username=name) for name in ("kansli", "insatsansvarig")}


def _ids():
    return (Member.objects.get(name="Knivsta kommun").pk,
            Member.objects.get(name="Arbetsförmedlingen").pk)


def _cells(knivsta, af, first=400_000):
    return {(knivsta, 2024, "salary"): first, (knivsta, 2025, "salary"): 350_000,
            (af, 2024, "travel"): 50_000, (af, 2025, "salary"): 150_000}


def test_an_approved_revised_budget_becomes_the_budget_of_record(grant, people):
    knivsta, af = _ids()
    assert services.revision_needed(budget_of_record(grant))
    revision = services.revised_budget_submit(grant=grant, cells=_cells(knivsta, af),
                                              note="Färre coacher.", actor=people["insatsansvarig"])
    assert budget_of_record(grant).source == PRO_RATA  # not yet approved
    services.revised_budget_approve(revision=revision, actor=people["kansli"],
                                    today=D(2024, 2, 1))
    record = budget_of_record(grant)
    assert record.source == REVISED
    assert record.by_year == {2024: 450_000, 2025: 500_000}
    assert record.by_owner == {knivsta: 750_000, af: 200_000}
    assert record.by_category == {"salary": 900_000, "travel": 50_000}
    assert record.total == 950_000
    assert "2024-02-01" in record.explanation and "version 1" in record.explanation
    assert not services.revision_needed(record)


@pytest.mark.parametrize(("cells", "message"), [
    ({(0, 2024, "salary"): 1}, "budgetkolumn"),
    ("year", "2024–2025"),
    ("over", "mer än beslutet"),
])
def test_a_revised_budget_outside_the_grant_is_refused(grant, people, cells, message):
    knivsta, af = _ids()
    if cells == "year":
        cells = {(knivsta, 2026, "salary"): 100}
    elif cells == "over":
        cells = _cells(knivsta, af, first=450_001)
    elif (0, 2024, "salary") in cells:
        cells = {(Member.objects.get(name="Försäkringskassan").pk, 2024, "salary"): 1}
    with pytest.raises(services.InterventionError, match=message):
        services.revised_budget_submit(grant=grant, cells=cells, actor=people["insatsansvarig"])
    assert not RevisedBudget.objects.filter(grant=grant).exists()


def test_a_returned_version_is_kept_and_the_next_is_compared_with_it(grant, people):
    knivsta, af = _ids()
    owner, office = people["insatsansvarig"], people["kansli"]
    first = services.revised_budget_submit(grant=grant, cells=_cells(knivsta, af), actor=owner)
    with pytest.raises(services.InterventionError, match="väntar redan"):
        services.revised_budget_submit(grant=grant, cells=_cells(knivsta, af), actor=owner)
    with pytest.raises(services.InterventionError, match="varför"):
        services.revised_budget_return(revision=first, actor=office, note=" ")
    services.revised_budget_return(revision=first, actor=office, note="Resor saknas 2025.")
    second = services.revised_budget_submit(
        grant=grant, cells={**_cells(knivsta, af), (af, 2025, "travel"): 20_000}, actor=owner)
    assert (first.version, second.version) == (1, 2)
    first.refresh_from_db()
    assert first.status == RevisedBudget.Status.RETURNED
    changes = selectors.revision_changes(second, first, {af: "Arbetsförmedlingen"})
    assert [(c[0], c[1], c[3], c[4]) for c in changes] == [("Arbetsförmedlingen", 2025, None,
                                                           20_000)]
    with pytest.raises(services.InterventionError, match="redan"):
        services.revised_budget_approve(revision=first, actor=office)


def test_the_owner_sends_and_the_office_approves_in_the_browser_pages(grant, login):
    knivsta, af = _ids()
    url = reverse("interventions:grant_budget", args=[grant.intervention_id, grant.pk])
    owner = login("insatsansvarig")
    page = owner.get(url).content.decode()
    assert "Fördelat per dag (preliminärt)" in page
    # the form starts from the grant spread over the columns and years
    assert f'name="cell_{knivsta}_2024_salary" value="369\xa0357"' in page
    posted = {f"cell_{knivsta}_2024_salary": "400 000", f"cell_{knivsta}_2025_salary": "350000",
              f"cell_{af}_2025_salary": "150 000 kr", "note": "Reviderad",
              "form_token": uuid.uuid4()}
    response = owner.post(url, posted)
    assert response.status_code == 302
    revision = RevisedBudget.objects.get(grant=grant)
    assert revision.total == 900_000
    decide = reverse("interventions:revision_decide", args=[revision.pk])
    assert owner.post(decide, {"decision": "approve"}).status_code == 403
    assert login("kansli").post(decide, {"decision": "approve"}).status_code == 302
    page = owner.get(url).content.decode()
    assert "Godkänd reviderad budget" in page


def test_a_rejected_form_keeps_what_was_typed(grant, login):
    knivsta, _af = _ids()
    url = reverse("interventions:grant_budget", args=[grant.intervention_id, grant.pk])
    response = login("insatsansvarig").post(url, {f"cell_{knivsta}_2024_salary": "2 000 000",
                                                  "note": "För mycket", "form_token": uuid.uuid4()})
    assert response.status_code == 200
    page = response.content.decode()
    assert "mer än beslutet" in page and "2\xa0000\xa0000" in page and "För mycket" in page
    assert not RevisedBudget.objects.exists()


@pytest.mark.parametrize(("role", "status"), [
    ("kansli", 403), ("styrelse", 403), ("rapportlasare", 403), ("deltagaransvarig", 404),
    ("handlaggare", 404), ("anonymous", 302),
])
def test_only_the_lead_owner_posts_a_revised_budget(grant, login, role, status):
    knivsta, _af = _ids()
    url = reverse("interventions:grant_budget", args=[grant.intervention_id, grant.pk])
    response = login(role).post(url, {f"cell_{knivsta}_2024_salary": "100",
                                      "form_token": uuid.uuid4()})
    assert response.status_code == status
    assert not RevisedBudget.objects.exists()


@pytest.mark.parametrize(("role", "status"), [
    ("styrelse", 403), ("insatsansvarig", 403), ("rapportlasare", 403),
    ("deltagaransvarig", 403), ("handlaggare", 403), ("anonymous", 302),
])
def test_only_the_office_decides_a_revised_budget(grant, people, login, role, status):
    knivsta, af = _ids()
    revision = services.revised_budget_submit(grant=grant, cells=_cells(knivsta, af),
                                              actor=people["insatsansvarig"])
    url = reverse("interventions:revision_decide", args=[revision.pk])
    assert login(role).post(url, {"decision": "approve"}).status_code == status
    revision.refresh_from_db()
    assert revision.status == RevisedBudget.Status.SUBMITTED
