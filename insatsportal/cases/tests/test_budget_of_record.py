from decimal import Decimal

from insatsportal.cases.budget_of_record import (
    APPLIED,
    PRO_RATA,
    budget_of_record,
    budgets_of_record,
    pro_rata_by_year,
    spread,
)
from insatsportal.interventions.tests.factories import D, application_data, grant_make
from insatsportal.organisations.models import Member


def _members():
    return (Member.objects.get(name="Knivsta kommun").pk,
            Member.objects.get(name="Arbetsförmedlingen").pk)


def test_spread_gives_whole_kronor_that_add_up_exactly():
    parts = spread(Decimal(100), {"a": 1, "b": 1, "c": 1})
    assert parts == {"a": 34, "b": 33, "c": 33}
    assert sum(spread(Decimal(3_391_000), {2023: 365, 2024: 366}).values()) == 3_391_000


def test_pro_rata_counts_days_of_each_calendar_year_in_the_period():
    by_year = pro_rata_by_year(Decimal(731_000), D(2023, 1, 1), D(2024, 12, 31))
    assert by_year == {2023: 365_000, 2024: 366_000}
    half = pro_rata_by_year(Decimal(1000), D(2024, 7, 1), D(2025, 6, 30))
    assert set(half) == {2024, 2025} and sum(half.values()) == 1000


def test_a_grant_equal_to_the_application_uses_its_year_table_and_owner_columns(demo):
    grant = grant_make(amount=1_220_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                       data=application_data())
    record = budget_of_record(grant)
    knivsta, af = _members()
    assert record.source == APPLIED
    assert record.by_year == {2024: 610_000, 2025: 610_000}
    assert record.by_owner == {knivsta: 920_000, af: 300_000}
    assert record.total == 1_220_000
    assert record.explanation.startswith("Ansökans budget används")


def test_a_smaller_grant_is_spread_by_days_and_flagged_until_a_revised_budget(demo):
    grant = grant_make(amount=1_000_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                       data=application_data())
    record = budget_of_record(grant)
    knivsta, af = _members()
    assert record.source == PRO_RATA and record.is_pro_rata
    assert record.total == 1_000_000
    assert sum(record.by_year.values()) == 1_000_000
    assert record.by_year == {2024: 500_684, 2025: 499_316}
    # the application's columns share the grant: 920 000 / 1 220 000 of it to Knivsta
    assert record.by_owner == {knivsta: 754_098, af: 245_902}
    assert "reviderad budget" in record.explanation


def test_a_grant_for_another_period_does_not_take_the_applied_year_table(demo):
    grant = grant_make(amount=1_220_000, start=D(2025, 1, 1), end=D(2026, 12, 31),
                       data=application_data())
    record = budget_of_record(grant)
    assert record.source == PRO_RATA
    assert set(record.by_year) == {2025, 2026}


def test_a_year_table_that_does_not_add_up_is_not_used(demo):
    years = [{"index": 1, "year": 2024, "salary": "600000"},
             {"index": 2, "year": 2025, "salary": "500000"}]
    grant = grant_make(amount=1_220_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                       data=application_data(years=years))
    record = budget_of_record(grant)
    assert record.source == PRO_RATA
    assert record.by_year == {2024: 610_834, 2025: 609_166}
    assert "årstabell" in record.explanation


def test_year_columns_without_a_calendar_year_count_from_the_start(demo):
    years = [{"index": 1, "salary": "600000", "other": "10000"},
             {"index": 2, "salary": "600000", "other": "10000"}]
    grant = grant_make(amount=1_220_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                       data=application_data(years=years))
    assert budget_of_record(grant).by_year == {2024: 610_000, 2025: 610_000}


def test_a_grant_without_an_application_goes_to_the_lead_owner_pro_rata(demo):
    grant = grant_make(amount=5_900_000, start=D(2018, 1, 1), end=D(2021, 12, 31))
    record = budget_of_record(grant)
    assert record.source == PRO_RATA
    assert record.by_owner == {grant.intervention.owner_id: 5_900_000}
    assert sorted(record.by_year) == [2018, 2019, 2020, 2021]
    assert sum(record.by_year.values()) == 5_900_000


def test_many_grants_cost_the_same_queries_as_one(demo, django_assert_max_num_queries):
    grants = [grant_make(amount=1_220_000 - i, start=D(2024, 1, 1), end=D(2025, 12, 31),
                         data=application_data(name=f"Insats {i}")) for i in range(6)]
    grants.append(grant_make(amount=100, start=D(2020, 1, 1), end=D(2020, 12, 31)))
    with django_assert_max_num_queries(6):
        records = budgets_of_record(grants)
    assert [r.grant.pk for r in records] == [g.pk for g in grants]
    assert all(sum(r.by_year.values()) == r.total for r in records)
