"""Claims follow the budget of record of the period they fall in (hand-made grants)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.cases.revised_budget import services as intervention_services
from insatsportal.core.models import AuditEntry
from insatsportal.core.tests.matrix import form_token
from insatsportal.interventions.tests.factories import D, application_data, grant_make
from insatsportal.organisations.models import Member
from insatsportal.reports.errors import ReportError
from insatsportal.reports.models import Requisition
from insatsportal.reports.requisitions import services as requisitions
from insatsportal.reports.requisitions.money import money_summary, remaining_of_grant

TODAY = D(2025, 5, 10)


@pytest.fixture
def grant(demo):
    """Delvis bifall: 1 000 000 kr for 2024–2025; Knivsta and AF have budget columns,
    Försäkringskassan is a partner without one."""
    grant = grant_make(amount=1_000_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                       data=application_data())
    grant.intervention.partners.add(*Member.objects.filter(
        name__in=["Arbetsförmedlingen", "Försäkringskassan"]))
    return grant


def _member(name):
    return Member.objects.get(name=name)


def _claim(grant, total, *, member="Knivsta kommun", year=2024, quarter=1, reason="",
           today=TODAY):
    return requisitions.requisition_submit(
        intervention=grant.intervention, member=_member(member), year=year, quarter=quarter,
        amounts={"salary": Decimal(total)}, actor=User.objects.get(username="insatsansvarig"),
        reason=reason, today=today)


def test_only_an_organisation_with_a_budget_column_can_claim(grant):
    with pytest.raises(ReportError, match="Försäkringskassan har ingen budgetkolumn"):
        _claim(grant, 100, member="Försäkringskassan")
    assert _claim(grant, 100, member="Arbetsförmedlingen").member.name == "Arbetsförmedlingen"


def test_no_claim_for_a_quarter_that_has_not_begun(grant):
    with pytest.raises(ReportError, match="2025 kv3 har inte börjat"):
        _claim(grant, 100, year=2025, quarter=3)
    assert _claim(grant, 100, year=2025, quarter=2).quarter == 2  # begun on 1 April


def test_a_claim_outside_the_granted_period_is_refused(grant):
    with pytest.raises(ReportError, match="utanför de beviljade perioderna.*2024-01-01–2025-12-31"):
        _claim(grant, 100, year=2023, quarter=4)
    assert not Requisition.objects.filter(intervention=grant.intervention).exists()


def test_a_refused_claim_is_in_the_interventions_history(grant, login):
    response = login("insatsansvarig").post(
        reverse("reports:requisitions", args=[grant.intervention.pk]),
        {**form_token(), "year": "2023", "quarter": "4", "amount_salary": "1000"})
    assert "utanför de beviljade perioderna" in response.content.decode()
    with pytest.raises(ReportError):
        _claim(grant, 100, member="Försäkringskassan")
    entries = AuditEntry.objects.filter(action="requisition.refused",
                                        object_id=str(grant.intervention.pk)).order_by("pk")
    assert [(e.actor.username, e.data["member"], e.data["year"], e.data["total"])
            for e in entries] == [("insatsansvarig", "Knivsta kommun", 2023, "1000"),
                                  ("insatsansvarig", "Försäkringskassan", 2024, "100")]
    assert "ingen budgetkolumn" in entries[1].data["reason"]
    assert not Requisition.objects.filter(intervention=grant.intervention).exists()


def test_a_second_claim_for_the_same_quarter_needs_a_reason(grant):
    office = User.objects.get(username="kansli")
    first = _claim(grant, 100)
    with pytest.raises(ReportError, match="har redan rekvirerat 2024 kv1.*skäl"):
        _claim(grant, 200)
    second = _claim(grant, 200, reason="Faktura från januari kom sent.")
    assert second.reason == "Faktura från januari kom sent."
    # a returned claim does not count: the organisation sends it again without a reason
    requisitions.requisition_return(requisition=first, actor=office, note="Fel belopp")
    requisitions.requisition_return(requisition=second, actor=office, note="Fel belopp")
    assert _claim(grant, 150).reason == ""


def test_money_follows_the_approved_revised_budget_of_the_period(grant):
    knivsta, af = _member("Knivsta kommun").pk, _member("Arbetsförmedlingen").pk
    summary = money_summary(grant.intervention, today=TODAY)
    assert summary.granted == 1_000_000 and summary.record.source == "pro_rata"
    revision = intervention_services.revised_budget_submit(
        grant=grant, cells={(knivsta, 2024, "salary"): 500_000, (knivsta, 2025, "travel"): 100_000,
                            (af, 2025, "salary"): 300_000},
        actor=User.objects.get(username="insatsansvarig"))
    intervention_services.revised_budget_approve(revision=revision,
                                                 actor=User.objects.get(username="kansli"))
    _claim(grant, 50_000)
    summary = money_summary(grant.intervention, today=TODAY)
    assert summary.record.source == "revised"
    assert (summary.granted, summary.claimed, summary.remaining) == (900_000, 50_000, 850_000)
    assert {r.category: r.planned for r in summary.rows if r.planned} == {
        "salary": 800_000, "travel": 100_000}
    own = money_summary(grant.intervention, member_id=af, record=summary.record)
    assert own.granted == 300_000 and own.claimed == 0
    with pytest.raises(ReportError, match="mer än vad som återstår"):
        _claim(grant, 850_001, quarter=2)
    _claim(grant, 850_000, quarter=2)


def test_each_period_has_its_own_money(grant):
    later = grant_make(amount=400_000, start=D(2026, 1, 1), end=D(2026, 12, 31),
                       data=application_data(name="Steg för steg – fortsättning",
                                             start="2026-01-01", end="2026-12-31"),
                       intervention=grant.intervention)
    _claim(grant, 300_000)
    assert remaining_of_grant(grant.intervention_id, year=2024, quarter=1) == 700_000
    assert remaining_of_grant(grant.intervention_id, year=2026, quarter=1) == 400_000
    summary = money_summary(grant.intervention, today=D(2026, 3, 1))
    assert summary.record.grant == later and summary.claimed == 0
    assert summary.record.name == "Steg för steg – fortsättning"


def test_the_office_sees_which_budget_is_used_and_who_cannot_claim(grant, login):
    page = login("kansli").get(
        reverse("reports:requisitions", args=[grant.intervention_id])).content.decode()
    assert "Beslutet (1\xa0000\xa0000\xa0kr för 2024-01-01–2025-12-31) skiljer sig" in page
    assert "Kan inte rekvirera (ingen budgetkolumn i beviljandet): Försäkringskassan" in page
