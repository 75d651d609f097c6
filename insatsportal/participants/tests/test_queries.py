"""The participant list and page use a fixed number of queries, whatever the number of rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from insatsportal.participants.services.plan import plan_revise
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db
PNRS = ["19900101-0017", "19850615-1235", "19911111-1119", "19700101-0003", "19800101-0001",
        "19750505-0000", "19660606-0009", "19930303-0002"]


def _full(pnr, name):
    participant = factories.identified(pnr=pnr, name=name)
    factories.enrol(participant)
    factories.plan(participant)
    plan_revise(actor=factories.staff(), participant=participant,
                revised_on=datetime.date(2024, 4, 1), notes="Rev")
    for day in (4, 5, 11):
        factories.activity(participant, kind="group", occurred_on=datetime.date(2024, 3, day))
    factories.discharge(participant)
    factories.follow_up(participant)
    return participant


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_participant_list_does_not_grow_with_rows(login, demo):
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/"
    for pnr in PNRS[:2]:
        _full(pnr, "Person Ett")
    few = _count(client, url)
    for pnr in PNRS[2:]:
        _full(pnr, "Person Två")
    factories.anonymous()
    assert _count(client, url) == few
    # The sign-in checks (session limits, second factor) take 3 of these per request.
    assert few <= 14, few  # 13 before this week's activity counts


def test_the_participant_page_does_not_grow_with_rows(login, demo):
    client = login("deltagaransvarig")
    participant = _full(PNRS[0], "Person Ett")
    url = f"/deltagare/{participant.pk}/"
    few = _count(client, url)
    for day in (5, 6, 7):
        plan_revise(actor=factories.staff(), participant=participant,
                    revised_on=datetime.date(2024, day, 1), notes="Rev")
    for pnr in PNRS[1:4]:
        _full(pnr, "Annan Person")
    assert _count(client, url) == few
    assert few <= 25, few  # 20 before the ratings, activities and follow-up sections


def test_the_progress_page_does_not_grow_with_rows(login, demo):
    client = login("deltagaransvarig")
    participant = _full(PNRS[0], "Person Ett")
    factories.rate(participant, rated_on=datetime.date(2024, 1, 20))
    url = f"/deltagare/{participant.pk}/progression/"
    few = _count(client, url)
    for month in (3, 5, 7, 9):
        factories.rate(participant, rated_on=datetime.date(2024, month, 1), value=3)
    assert _count(client, url) == few
    assert few <= 16, few


def _shape(participant):
    return tuple(hasattr(participant, name) for name in
                 ("enrolment", "plan", "discharge", "follow_up"))


def test_generated_people_of_every_size_take_the_same_queries(login, demo, settings):
    """Many more rows (people, activities, ratings, revisions): the counts stay the same."""
    from insatsportal.demo.generate.services import demo_data_generate
    from insatsportal.participants.models import Participant

    settings.DEMO_MODE = True
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/"
    demo_data_generate(participants=8, seed=101, activities_per_participant=2,
                       ratings_per_participant=1)
    few = _count(client, url)
    demo_data_generate(participants=60, seed=102, activities_per_participant=30,
                       ratings_per_participant=6)
    assert _count(client, url) == few
    by_shape = {}
    for participant in Participant.objects.filter(demo_seed__in=[101, 102], is_anonymous=False):
        queries = _count(client, f"/deltagare/{participant.pk}/")
        rows = participant.activities.count() + participant.ratings.count()
        by_shape.setdefault(_shape(participant), []).append((queries, rows))
    for shape, counts in by_shape.items():
        assert len({queries for queries, _rows in counts}) == 1, (shape, counts)
    full = by_shape[(True, True, True, True)]
    assert min(rows for _q, rows in full) < max(rows for _q, rows in full)
