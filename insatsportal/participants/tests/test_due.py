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
from insatsportal.participants.models import Discharge, FollowUp, Participant
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
