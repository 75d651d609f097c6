import datetime

import pytest
from django.urls import reverse

from insatsportal.interventions.models import Intervention
from insatsportal.participants.tests import factories
from insatsportal.reports import goal_data
from insatsportal.reports.goals import REACHED
from insatsportal.reports.models import InterventionMeeting

pytestmark = pytest.mark.django_db


def _intervention():
    return Intervention.objects.get(name="En väg in – steget vidare")


def _participants(count, sex="kvinna"):
    for _ in range(count):
        participant = factories.anonymous(sex=sex, start_year=2024)
        yield participant


def test_the_selector_reads_the_demo_goals_in_a_fixed_number_of_queries(
        demo, django_assert_num_queries):
    intervention = _intervention()
    with django_assert_num_queries(5):
        few = goal_data.intervention_goals(intervention, today=datetime.date(2024, 6, 30))
    list(_participants(12))
    for day in range(1, 8):
        InterventionMeeting.objects.create(intervention=intervention,
                                           held_on=datetime.date(2024, 3, day), kind="operative")
    with django_assert_num_queries(5):
        many = goal_data.intervention_goals(intervention, today=datetime.date(2024, 6, 30))
    assert len(few) == len(many) == 1
    by_kind = {r.goal.target_kind: r for r in many[0].results}
    operative = InterventionMeeting.objects.filter(intervention=intervention, kind="operative",
                                                   held_on__year=2024).count()
    assert operative >= 7
    assert by_kind["meetings_per_year"].outcome == operative
    assert by_kind["meetings_per_year"].status == REACHED
    assert by_kind["participants_per_year"].outcome == 12


def test_the_goal_page_shows_status_and_reason(login):
    page = login("styrelse").get(reverse("reports:goals", args=[_intervention().pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Operativa avstämningar" in text
    assert 'class="status goal-' in text  # every goal shows a status
