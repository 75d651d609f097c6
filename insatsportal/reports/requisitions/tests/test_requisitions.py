import threading
import uuid
from decimal import Decimal

import pytest
from django.db import connection
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.cases.models import Grant
from insatsportal.core.money import group_thousands
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.reports.errors import ReportError
from insatsportal.reports.models import Requisition
from insatsportal.reports.requisitions import services as requisitions
from insatsportal.reports.requisitions.money import money_summary, remaining_of_grant, summarise

NAME = "En väg in – steget vidare"


def _intervention():
    return Intervention.objects.get(name=NAME)


def _owner():
    return User.objects.get(username="insatsansvarig")


def _claim(total, *, category="salary", year=2024, quarter=1, intervention=None):
    intervention = intervention or _intervention()
    return requisitions.requisition_submit(
        intervention=intervention, member=intervention.owner, year=year, quarter=quarter,
        amounts={category: Decimal(total)}, actor=_owner())


def _granted():
    return sum(g.amount for g in Grant.objects.filter(intervention=_intervention()))


def _remaining():
    return remaining_of_grant(_intervention().pk)


def test_summarise_subtracts_claimed_and_paid_per_category():
    summary = summarise(granted=Decimal(1000), planned={"salary": Decimal(800)},
                        claimed={"salary": Decimal(100)}, paid={"salary": Decimal(300),
                                                               "travel": Decimal(50)})
    salary = next(r for r in summary.rows if r.category == "salary")
    travel = next(r for r in summary.rows if r.category == "travel")
    assert salary.remaining == 400
    assert travel.remaining == -50  # over the plan shows as negative
    assert summary.remaining == 1000 - 100 - 350


@pytest.mark.django_db
def test_a_claim_above_what_remains_of_the_grant_is_refused(demo):
    remaining = _remaining()
    assert 1000 < remaining <= _granted()
    _claim(remaining - 1000)
    with pytest.raises(ReportError, match="grant|bidrag|beviljade"):
        _claim(1001, quarter=2)
    _claim(1000, quarter=2)  # exactly what remains is accepted
    assert remaining_of_grant(_intervention().pk) == 0


@pytest.mark.django_db
def test_returned_claims_give_the_money_back_and_approved_ones_keep_it(demo):
    remaining = _remaining()
    paid_before = money_summary(_intervention()).paid
    office = User.objects.get(username="kansli")
    first = _claim(remaining)
    assert _remaining() == 0
    requisitions.requisition_return(requisition=first, actor=office, note="Bilaga saknas")
    assert _remaining() == remaining
    second = _claim(remaining - 10)
    requisitions.requisition_approve(requisition=second, actor=office)
    summary = money_summary(_intervention())
    assert summary.paid == paid_before + remaining - 10
    assert summary.remaining == 10


@pytest.mark.django_db
def test_a_requisition_is_approved_only_once(demo):
    office = User.objects.get(username="kansli")
    requisition = _claim(5000)
    requisitions.requisition_approve(requisition=requisition, actor=office)
    with pytest.raises(ReportError):
        requisitions.requisition_approve(requisition=requisition, actor=office)


@pytest.mark.django_db
def test_a_quarter_outside_every_grant_is_refused(demo):
    with pytest.raises(ReportError):
        _claim(100, year=2010)


@pytest.mark.django_db
def test_the_planned_budget_per_category_comes_from_the_decided_application(demo):
    summary = money_summary(_intervention())
    assert summary.planned > 0
    assert any(row.category == "salary" and row.planned > 0 for row in summary.rows)


@pytest.mark.django_db
def test_owner_staff_claim_and_the_office_approves_through_the_pages(login, demo):
    intervention = _intervention()
    url = reverse("reports:requisitions", args=[intervention.pk])
    owner = login("insatsansvarig")
    before = Requisition.objects.count()
    response = owner.post(url, {"form_token": str(uuid.uuid4()), "year": "2024", "quarter": "1",
                                "amount_salary": "120 000", "amount_travel": "2 500"})
    assert response.status_code == 302
    requisition = Requisition.objects.latest("pk")
    assert requisition.total == Decimal(122500)
    assert requisition.member == Member.objects.get(name="Knivsta kommun")
    too_much = owner.post(url, {"form_token": str(uuid.uuid4()), "year": "2024", "quarter": "2",
                                "amount_salary": str(_granted())})
    assert too_much.status_code == 200
    assert Requisition.objects.count() == before + 1
    assert group_thousands(_granted()) in too_much.content.decode()  # the typed amount stays
    assert login("styrelse").post(
        reverse("reports:requisition_decide", args=[requisition.pk]), {"decision": "approve"}
    ).status_code == 403
    office = login("kansli")
    office.post(reverse("reports:requisition_decide", args=[requisition.pk]),
                {"decision": "approve"})
    requisition.refresh_from_db()
    assert requisition.status == Requisition.Status.APPROVED


@pytest.mark.django_db
def test_requisition_page_query_count_does_not_grow_with_requisitions(
        login, demo, django_assert_max_num_queries):
    client = login("kansli")
    url = reverse("reports:requisitions", args=[_intervention().pk])
    _claim(100)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for quarter in (2, 3, 4):
        _claim(100, quarter=quarter, category="travel")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url)


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite has no row locks; two approvals at once need PostgreSQL.")
@pytest.mark.django_db(transaction=True)
def test_two_people_approving_at_the_same_moment_pay_once(demo):
    requisition = _claim(7000)
    office = User.objects.get(username="kansli")
    barrier = threading.Barrier(2)
    outcomes = []

    def approve():
        from django.db import connection as thread_connection

        try:
            barrier.wait()
            requisitions.requisition_approve(requisition=requisition, actor=office)
            outcomes.append("approved")
        except ReportError:
            outcomes.append("refused")
        finally:
            thread_connection.close()

    threads = [threading.Thread(target=approve) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["approved", "refused"]
    from insatsportal.core.models import AuditEntry

    assert AuditEntry.objects.filter(action="requisition.approved",
                                     object_id=str(requisition.pk)).count() == 1
    requisition.refresh_from_db()
    assert requisition.status == Requisition.Status.APPROVED


@pytest.mark.django_db
def test_a_category_claimed_beyond_its_budget_line_is_marked_but_not_refused(login):
    """The grant is the cap; moving money between lines is allowed but shown."""
    intervention = _intervention()
    url = reverse("reports:requisitions", args=[intervention.pk])
    client = login("kansli")
    marks = client.get(url).content.decode().count("över budgetraden")
    row = next(r for r in money_summary(intervention).rows if r.remaining >= 0)
    _claim(row.remaining + 1000, category=row.category, year=2023, quarter=2)
    assert client.get(url).content.decode().count("över budgetraden") == marks + 1
