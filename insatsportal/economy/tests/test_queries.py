"""The economy pages read every grant, open case and requisition in a fixed number of queries."""

import datetime
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from insatsportal.cases.models import Case, Decision, Grant
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member

D = datetime.date


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _another_grant(n: int) -> None:
    owner = Member.objects.filter(kind=Member.Kind.KOMMUN).order_by("pk")[n]
    intervention = Intervention.objects.create(name=f"Extra {n}", owner=owner)
    case = Case.objects.create(number=f"2099-{n}", year=2099, title=f"Extra {n}",
                               intervention=intervention, status=Case.Status.DECIDED)
    decision = Decision.objects.create(case=case, outcome="granted", amount=Decimal(100_000),
                                       period_start=D(2024, 1, 1), period_end=D(2025, 6, 30),
                                       decided_on=D(2023, 12, 1))
    Grant.objects.create(intervention=intervention, decision=decision, amount=Decimal(100_000),
                         period_start=D(2024, 1, 1), period_end=D(2025, 6, 30))


def test_more_grants_need_no_more_queries(login):
    client = login("styrelse")
    urls = (reverse("economy:overview") + "?fran=2023", reverse("economy:year", args=[2024]))
    _another_grant(0)
    before = [_count(client, url) for url in urls]
    _another_grant(1)
    _another_grant(2)
    assert [_count(client, url) for url in urls] == before
