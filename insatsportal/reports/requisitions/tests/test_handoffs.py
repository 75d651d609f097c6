"""Start-page hand-offs after the decision (and so the daily reminder mails)."""

import pytest
from django.utils import timezone

from insatsportal.accounts.models import User
from insatsportal.cases.revised_budget import services
from insatsportal.core.selectors import waiting_for
from insatsportal.interventions.tests.factories import D, application_data, grant_make
from insatsportal.organisations.models import Member
from insatsportal.reports.models import QuarterlyReport
from insatsportal.reports.requisitions import services as requisitions


@pytest.fixture
def grant(demo):
    return grant_make(amount=1_000_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                      data=application_data(name="Halva vägen"))


def _titles(username):
    return [item.title for item in waiting_for(User.objects.get(username=username))]


def _budget_items(username):
    return [t for t in _titles(username) if "budget" in t and "Halva vägen" in t]


def test_a_partly_granted_budget_waits_on_the_owners_list_until_approved(grant):
    owner, office = (User.objects.get(username=n) for n in ("insatsansvarig", "kansli"))
    assert "Revidera budgeten efter beslutet: Halva vägen" in _titles("insatsansvarig")
    knivsta = Member.objects.get(name="Knivsta kommun").pk
    revision = services.revised_budget_submit(grant=grant, cells={(knivsta, 2024, "salary"): 10},
                                              actor=owner)
    assert _budget_items("insatsansvarig") == []
    assert "Reviderad budget att godkänna: Halva vägen" in _titles("kansli")
    services.revised_budget_return(revision=revision, actor=office, note="För lite")
    assert "Reviderad budget återsänd: Halva vägen" in _titles("insatsansvarig")
    second = services.revised_budget_submit(grant=grant, cells={(knivsta, 2024, "salary"): 9},
                                            actor=owner)
    services.revised_budget_approve(revision=second, actor=office)
    assert _budget_items("insatsansvarig") == _budget_items("kansli") == []


def test_a_returned_requisition_waits_on_the_owners_list_until_sent_again(grant):
    owner, office = (User.objects.get(username=n) for n in ("insatsansvarig", "kansli"))
    claim = dict(intervention=grant.intervention, member=grant.intervention.owner, year=2024,
                 quarter=1, amounts={"salary": 100}, actor=owner)
    first = requisitions.requisition_submit(**claim)
    requisitions.requisition_return(requisition=first, actor=office, note="Bilaga saknas")
    assert "Rekvisition återsänd: Halva vägen 2024 kv1" in _titles("insatsansvarig")
    requisitions.requisition_submit(**claim)
    assert "Rekvisition återsänd: Halva vägen 2024 kv1" not in _titles("insatsansvarig")


def test_a_submitted_quarterly_report_waits_on_the_offices_list(grant):
    before = [t for t in _titles("kansli") if t.startswith("Kvartalsrapporter att granska")]
    QuarterlyReport.objects.create(intervention=grant.intervention, year=2024, quarter=1,
                                   status=QuarterlyReport.Status.SUBMITTED,
                                   submitted_at=timezone.now())
    after = [t for t in _titles("kansli") if t.startswith("Kvartalsrapporter att granska")]
    count = int(before[0].rsplit(" ", 1)[1]) if before else 0
    assert after == [f"Kvartalsrapporter att granska: {count + 1}"]
