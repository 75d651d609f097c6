"""The due list is read a page at a time and counted in the database; both agree with the
rules read person by person, and the start page's count does not grow in queries."""

import datetime

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from insatsportal.core.calendar import add_months
from insatsportal.interventions.models import Intervention
from insatsportal.participants import due
from insatsportal.participants.models import ActionPlan, Discharge, Enrolment, FollowUp, Participant
from insatsportal.participants.services.followup import policy_for, sampled_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated(demo):
    from insatsportal.demo.generate.services import demo_data_generate

    with override_settings(DEMO_MODE=True):
        demo_data_generate(participants=200, seed=3, interventions_count=1,
                           ratings_per_participant=2)
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    # The generated people are mostly discharged: half of them taken back as ongoing.
    ongoing = Participant.objects.filter(intervention=intervention, number__lte=100)
    Discharge.objects.filter(participant__in=ongoing).delete()
    FollowUp.objects.filter(participant__in=ongoing).delete()
    ongoing.update(under_way=True)
    return intervention


def _expected(intervention, today):
    """(participant pk, due date) of every step, read person by person."""
    horizon = today + datetime.timedelta(days=settings.DUE_SOON_DAYS)
    policy = policy_for(intervention.pk)
    sample = {str(pk) for pk in sampled_ids(intervention.pk)} if policy.sample_only else None
    rows = []
    for p in Participant.objects.filter(intervention=intervention, is_anonymous=False) \
            .select_related("plan", "enrolment", "discharge", "follow_up"):
        discharge = getattr(p, "discharge", None)
        enrolment = getattr(p, "enrolment", None)
        plan = getattr(p, "plan", None)
        if discharge is None:
            if plan is not None:
                rows.append((p.pk, plan.next_revision_due))
            elif enrolment is not None:
                rows.append((p.pk, enrolment.enrolled_on
                          + datetime.timedelta(days=settings.PLAN_FIRST_DAYS)))
            if p.latest_rated_on:
                rows.append((p.pk, add_months(p.latest_rated_on, settings.RATING_INTERVAL_MONTHS)))
            elif enrolment is not None:
                rows.append((p.pk, enrolment.enrolled_on))
        elif (discharge.end_type != "wrong" and getattr(p, "follow_up", None) is None
              and (sample is None or str(p.pk) in sample)):
            rows.append((p.pk, add_months(discharge.discharged_on, policy.months)))
    return sorted((pk, day) for pk, day in rows if day <= horizon)


def test_the_pages_and_the_counts_are_the_rules_read_person_by_person(generated):
    today = datetime.date.today()
    expected = _expected(generated, today)
    assert len(expected) > 40
    rows = due.due_rows([generated.pk], today=today)
    assert sorted((r.participant.pk, r.due_on) for r in rows) == expected
    assert [(r.due_on, r.participant.number) for r in rows] == sorted(
        (r.due_on, r.participant.number) for r in rows)
    count = due.due_counts([generated.pk], today=today)[generated.pk]
    assert count.due == len(expected)
    assert count.overdue == sum(day < today for _pk, day in expected)
    assert count.became_due_on == max(day for _pk, day in expected if day <= today)
    page, total = due.due_page(generated.pk, today=today, offset=20, size=20)
    assert total == len(expected) and page == rows[20:40]
    ratings, total = due.due_page(generated.pk, today=today, kind="rating", size=1000)
    assert {r.what for r in ratings} == {"Progressionsmätning"} and total == len(ratings) > 0


def test_the_due_list_shows_one_page_and_filters_by_kind(generated, login,
                                                         django_assert_max_num_queries):
    client = login("deltagaransvarig")
    url = reverse("participants:due", args=[generated.pk])
    with django_assert_max_num_queries(40) as first:
        page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert text.split("<tbody>")[1].count("<tr") == 50  # one page of many
    assert "sida=2" in text
    with django_assert_max_num_queries(len(first.captured_queries)):
        second = client.get(url + "?sida=2")
    assert second.status_code == 200
    only = client.get(url + "?typ=follow_up").content.decode()
    assert "Åtgärdsplan" not in only.split("<tbody>")[1]


def test_the_start_page_counts_in_a_fixed_number_of_queries(demo, login,
                                                            django_assert_max_num_queries):
    from insatsportal.demo.generate.services import demo_data_generate

    client = login("deltagaransvarig")
    with override_settings(DEMO_MODE=True):
        demo_data_generate(participants=20, seed=4, interventions_count=1)
    with django_assert_max_num_queries(200) as few:
        assert client.get("/").status_code == 200
    with override_settings(DEMO_MODE=True):
        demo_data_generate(participants=120, seed=5, interventions_count=1, force=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/").status_code == 200


def _under_way_agrees(queryset):
    from insatsportal.participants import facts

    people = list(queryset.select_related("discharge"))
    assert people
    for person in people:
        assert person.under_way == facts.is_under_way(person), person.number
        enrolment = Enrolment.objects.filter(participant=person).first()
        assert person.enrolled_on == (enrolment.enrolled_on if enrolment else None)
        plan = ActionPlan.objects.filter(participant=person).first()
        assert person.plan_revision_due == (plan.next_revision_due if plan else None)
    assert queryset.filter(facts.UNDER_WAY).count() == sum(map(facts.is_under_way, people))


def test_the_generated_people_are_under_way_until_discharged(generated):
    _under_way_agrees(Participant.objects.filter(demo_seed=3))


def test_discharge_and_protection_keep_under_way_right(demo, login):
    from insatsportal.participants.services.registration import (
        consent_withdraw,
        participant_mark_protected,
    )
    from insatsportal.participants.tests import factories

    staff = factories.staff()
    kept, protected = factories.identified(), factories.identified(
        pnr="19900202-0007", name="Skydda Mig")
    for person in (kept, protected):
        factories.enrol(person)
    factories.enrol(kept, enrolled_on=datetime.date(2024, 1, 20))  # a correction
    client = login("deltagaransvarig")
    url = reverse("participants:due", args=[kept.intervention_id])
    assert "Testa Testsson" in client.get(url).content.decode()
    factories.discharge(kept)
    factories.discharge(kept, discharged_on=datetime.date(2024, 10, 1))  # a correction
    factories.discharge(protected)
    assert "Testa Testsson" not in client.get(url + "?typ=first_plan").content.decode()
    participant_mark_protected(actor=staff, participant=protected)  # its discharge goes too
    consent_withdraw(actor=staff, participant=Participant.objects.get(pk=kept.pk))
    _under_way_agrees(Participant.objects.filter(pk__in=[kept.pk, protected.pk]))
    assert not Participant.objects.get(pk=kept.pk).under_way
    assert Participant.objects.get(pk=protected.pk).under_way


@pytest.mark.django_db(transaction=True)
def test_the_migration_marks_everyone_discharged_as_no_longer_under_way(demo):
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def migrate(targets):
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(targets)
        return executor.loader.project_state(targets).apps

    old = migrate([("participants", "0017_participant_facts")])
    try:  # whatever happens, the schema goes forward again for the tests after this one
        Person = old.get_model("participants", "Participant")
        with connection.cursor() as cursor:
            cursor.execute("SELECT MIN(id) FROM interventions_intervention")
            where = cursor.fetchone()[0]
        people = [Person.objects.create(intervention_id=where, number=9000 + n, sex="kvinna",
                                        start_year=2024, is_anonymous=True) for n in range(3)]
        old.get_model("participants", "Discharge").objects.create(
            participant_id=people[0].pk, discharged_on=datetime.date(2024, 9, 30), end_type="wrong")
        # A test run with a flushed database has no code lists: make one code.
        Code = old.get_model("participants", "Code")
        code = (Code.objects.order_by("pk").first() or Code.objects.create(
            code_list=old.get_model("participants", "CodeList").objects.create(
                key="test", name="Test"), code="x", label="X")).pk
        old.get_model("participants", "Enrolment").objects.create(
            participant_id=people[1].pk, enrolled_on=datetime.date(2024, 2, 1),
            occupation_before_id=code, support_time_before_id=code, education_id=code)
        old.get_model("participants", "ActionPlan").objects.create(
            participant_id=people[1].pk, established_on=datetime.date(2024, 2, 1), goals="Arbete",
            next_revision_due=datetime.date(2024, 5, 1))
        migrate([("participants", "0018_under_way")])
    finally:
        migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
    assert sorted(Participant.objects.filter(pk__in=[p.pk for p in people])
                  .values_list("number", "under_way", "enrolled_on")) == [
        (9000, False, None), (9001, True, datetime.date(2024, 2, 1)), (9002, True, None)]
    # 0020 copies the plan's next revision date onto its person.
    assert sorted(Participant.objects.filter(pk__in=[p.pk for p in people])
                  .values_list("number", "plan_revision_due")) == [
        (9000, None), (9001, datetime.date(2024, 5, 1)), (9002, None)]


def test_the_plan_services_keep_the_revision_date_on_the_person(demo, login):
    from insatsportal.participants.services.plan import plan_revise
    from insatsportal.participants.services.registration import consent_withdraw
    from insatsportal.participants.tests import factories

    person = factories.identified()
    factories.enrol(person)
    url = reverse("participants:due", args=[person.intervention_id])
    client = login("deltagaransvarig")
    assert "Testa Testsson" in client.get(url + "?typ=first_plan").content.decode()
    factories.plan(person, established_on=datetime.date(2024, 2, 1))
    _under_way_agrees(Participant.objects.filter(pk=person.pk))
    assert "Testa Testsson" not in client.get(url + "?typ=first_plan").content.decode()
    assert "Testa Testsson" in client.get(url + "?typ=revision").content.decode()
    plan_revise(actor=factories.staff(), participant=person, revised_on=datetime.date(2024, 3, 5))
    factories.plan(person, established_on=datetime.date(2024, 1, 15))  # a correction
    _under_way_agrees(Participant.objects.filter(pk=person.pk))
    assert Participant.objects.get(pk=person.pk).plan_revision_due == datetime.date(2024, 6, 5)
    consent_withdraw(actor=factories.staff(), participant=Participant.objects.get(pk=person.pk))
    assert Participant.objects.get(pk=person.pk).plan_revision_due is None  # the plan is gone


# Queries of the due list's first page (user, second factor and roles included; the
# session row is written at most once a minute).
DUE_LIST_QUERIES = 10


def test_the_due_list_takes_the_same_queries_for_few_and_many_people(demo, login, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from insatsportal.demo.generate.services import demo_data_generate

    settings.DEMO_MODE = True
    client = login("deltagaransvarig")
    url = reverse("participants:due", args=[Intervention.objects.get(
        name="En väg in – steget vidare").pk])

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    demo_data_generate(participants=10, seed=11, interventions_count=0)
    few = queries()
    demo_data_generate(participants=60, seed=12, interventions_count=0, force=True)
    assert queries() == few == DUE_LIST_QUERIES
