import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from insatsportal.interventions.models import Intervention
from insatsportal.participants import facts
from insatsportal.participants.tests import factories
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.goals.rules import REACHED
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


def test_each_participants_latest_rating_is_compared_with_their_first(demo):
    better, worse, once = (factories.identified(pnr=pnr) for pnr in (
        factories.PNR, factories.OTHER_PNR, "19911111-1119"))
    factories.rate(better, rated_on=datetime.date(2024, 2, 1), value=2)
    factories.rate(better, rated_on=datetime.date(2024, 5, 1), value=4, occasion="quarterly")
    factories.rate(worse, rated_on=datetime.date(2024, 2, 1), value=4)
    factories.rate(worse, rated_on=datetime.date(2024, 5, 1), value=3, occasion="quarterly")
    factories.rate(once, rated_on=datetime.date(2024, 2, 1), value=1)
    as_of = datetime.date(2024, 6, 30)
    results = [facts.improved_at(p, as_of) for p in (better, worse, once)]
    assert results == [True, False, None]  # better, worse, rated once


def test_a_progress_goal_reads_the_ratings_in_the_same_queries_and_shows_the_share(
        login, demo, django_assert_num_queries):
    from insatsportal.applications.models import Application, Goal

    intervention = _intervention()
    application = Application.objects.filter(
        Application.in_status(Application.Status.DECIDED), intervention=intervention).first()
    Goal.objects.create(application=application, kind="outcome", text="Mätbar progression",
                        target_kind="progress_improved", target_value=50, target_unit="%")
    serials = (factories.PNR, factories.OTHER_PNR, "19911111-1119")
    for n, pnr in enumerate(serials):
        person = factories.identified(pnr=pnr)
        factories.rate(person, rated_on=datetime.date(2024, 2, 1), value=2)
        factories.rate(person, rated_on=datetime.date(2024, 5, 1), value=3 if n else 1,
                       occasion="quarterly")
    with django_assert_num_queries(5):
        [item] = goal_data.intervention_goals(intervention, today=datetime.date(2024, 6, 30))
    [result] = [r for r in item.results if r.goal.target_kind == "progress_improved"]
    assert result.outcome == Decimal("66.7")  # two of three rated twice got better
    page = login("styrelse").get(reverse("reports:goals", args=[intervention.pk]))
    assert "Mätbar progression" in page.content.decode()
