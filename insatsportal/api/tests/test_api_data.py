"""What the API answers agrees with the portal's own figures, in the API's formats."""

import datetime

import pytest
from django.db.models import Sum

from insatsportal.applications.models import Application
from insatsportal.cases.models import Decision, Grant
from insatsportal.cases.selectors import applied_amount
from insatsportal.interventions.models import Intervention
from insatsportal.participants.tests import factories
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.models import Requisition
from insatsportal.reports.quarterly import services as quarterly


@pytest.fixture
def client(api):
    return api()


def test_interventions_carry_their_grants_in_whole_kronor_and_iso_dates(client, demo):
    intervention = Intervention.objects.order_by("pk").first()
    body = client.get(f"/api/v1/interventions/{intervention.pk}").json()
    grants = Grant.objects.filter(intervention=intervention).order_by("period_start")
    assert body["granted_total"] == int(grants.aggregate(s=Sum("amount"))["s"])
    assert [g["amount"] for g in body["grants"]] == [int(g.amount) for g in grants]
    assert all(isinstance(g["amount"], int) for g in body["grants"])
    assert body["periods"][0]["start"] == grants[0].period_start.isoformat()


def test_interventions_filter_by_year_and_status(client, demo):
    intervention = Intervention.objects.order_by("pk").first()
    start, end = intervention.start_date, intervention.end_date
    assert client.get(f"/api/v1/interventions?year={start.year}").json()["count"] == 1
    assert client.get(f"/api/v1/interventions?year={end.year + 1}").json()["count"] == 0
    assert client.get(f"/api/v1/interventions?status={intervention.status}").json()["count"] == 1
    other = "planned" if intervention.status != "planned" else "ended"
    assert client.get(f"/api/v1/interventions?status={other}").json()["count"] == 0
    assert client.get("/api/v1/interventions?status=paused").status_code == 400


def test_lists_are_paged(client, demo):
    first = client.get("/api/v1/applications?page_size=1").json()
    count = first["count"]
    assert count >= 2 and first["next_page"] == 2 and len(first["items"]) == 1
    last = client.get(f"/api/v1/applications?page_size=1&page={count}").json()
    assert last["next_page"] is None and len(last["items"]) == 1
    assert last["items"][0]["id"] != first["items"][0]["id"]
    beyond = client.get(f"/api/v1/applications?page_size=1&page={count + 1}").json()
    assert beyond["items"] == [] and beyond["count"] == count


def test_applied_amounts_are_the_budgets_from_the_forbund(client, demo):
    intervention = Intervention.objects.order_by("pk").first()
    items = client.get(f"/api/v1/applications?intervention={intervention.pk}&status=decided"
                       ).json()["items"]
    decided = Application.objects.filter(Application.in_status("decided"),
                                         intervention=intervention)
    planned = sum(applied_amount(application) or 0 for application in decided)
    assert sum(a["amount_applied"] for a in items) == int(planned)
    assert {a["status"] for a in items} == {"decided"}
    assert client.get("/api/v1/applications?status=draft").status_code == 400


def test_decisions_filter_by_year_and_outcome(client, demo):
    decision = Decision.objects.order_by("pk").first()
    body = client.get(f"/api/v1/decisions?year={decision.decided_on.year}"
                      f"&status={decision.outcome}").json()
    assert decision.pk in [d["id"] for d in body["items"]]
    assert body["items"][0]["decided_on"] == decision.decided_on.isoformat()
    none = client.get("/api/v1/decisions?year=2001").json()
    assert none["count"] == 0


def test_goals_are_the_goal_pages_statuses(client, demo):
    intervention = Intervention.objects.order_by("pk").first()
    today = datetime.date.today()
    expected = [(r.goal.pk, r.status) for item in goal_data.intervention_goals(
        intervention, today=today) for r in item.results]
    body = client.get(f"/api/v1/interventions/{intervention.pk}/goals").json()
    assert [(g["id"], g["status"]) for g in body] == expected
    status = expected[0][1]
    filtered = client.get(f"/api/v1/goals?status={status}").json()["items"]
    assert {g["status"] for g in filtered} == {status}


def test_quarterly_aggregates_hide_small_groups_like_the_report(client, demo):
    for _ in range(6):
        factories.anonymous(sex="man", start_year=2024)
    for _ in range(2):
        factories.anonymous(sex="kvinna", start_year=2024)
    intervention = factories.intervention()
    body = client.get(f"/api/v1/interventions/{intervention.pk}/quarters/2024/1").json()
    new = body["participants"][0]
    assert new["key"] == "new" and new["total"] == 8
    assert new["by_sex"]["kvinna"] is None  # two women: never shown, nor derivable
    assert list(new["by_sex"].values()).count(None) >= 2
    report = quarterly.quarter_facts(intervention, 2024, 1)["participants"]
    assert [list(r["by_sex"].values()) for r in body["participants"]] == [
        r["cells"] for r in report]
    yearly = client.get(f"/api/v1/aggregates/yearly?year=2024&intervention={intervention.pk}"
                        ).json()["items"][0]
    assert yearly["total"] == 8 and yearly["participants"]["kvinna"] is None


def test_requisitions_and_payments(client, demo):
    approved = Requisition.objects.filter(status=Requisition.Status.APPROVED).first()
    body = client.get(f"/api/v1/requisitions/{approved.pk}").json()
    assert body["total"] == int(approved.total)
    assert sum(line["amount"] for line in body["lines"]) == int(approved.total)
    assert "office_note" not in body
    payments = client.get(f"/api/v1/payments?year={approved.year}").json()["items"]
    assert approved.pk in [p["requisition_id"] for p in payments]
    waiting = client.get("/api/v1/requisitions?status=submitted").json()["items"]
    assert approved.pk not in [r["id"] for r in waiting]


def test_national_rows_match_the_export(client, demo):
    from insatsportal.reports.national.services import national_rows

    rows = national_rows(2024)
    body = client.get("/api/v1/national-report?year=2024").json()
    assert [(r["intervention_id"], r["outcome"]) for r in body["items"]] == [
        (r["intervention"].pk, int(r["outcome"])) for r in rows]
    assert client.get("/api/v1/national-report").status_code == 400  # the year is needed


def test_no_draft_application_is_served(client, demo):
    intervention = Intervention.objects.order_by("pk").first()
    draft = Application.objects.create(
        association=demo, name="Ett utkast", owner=intervention.owner,
        intervention=intervention)
    assert client.get(f"/api/v1/applications/{draft.pk}").status_code == 404
    listed = client.get("/api/v1/applications?page_size=200").json()["items"]
    assert draft.pk not in [a["id"] for a in listed]


def test_each_grant_carries_its_budget_of_record(client, demo):
    from insatsportal.cases.budget_of_record import budget_of_record

    grant = Grant.objects.order_by("pk").first()
    body = client.get(f"/api/v1/interventions/{grant.intervention_id}").json()
    served = next(g for g in body["grants"] if g["id"] == grant.pk)["budget_of_record"]
    record = budget_of_record(grant)
    assert served["source"] == record.source
    assert served["total"] == int(record.total)
    assert {y["year"]: y["amount"] for y in served["by_year"]} == {
        year: int(amount) for year, amount in record.by_year.items()}
    assert sum(o["amount"] for o in served["by_owner"]) == served["total"]


def test_the_interventions_list_reads_a_fixed_number_of_queries(client, demo):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/api/v1/interventions").status_code == 200
        return len(context.captured_queries)

    before = queries()
    owner = Intervention.objects.first().owner
    for n in range(5):
        Intervention.objects.create(name=f"Insats {n}", owner=owner)
    assert queries() == before
