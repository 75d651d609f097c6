import datetime
import importlib
import re
import uuid
from decimal import Decimal

import pytest
import time_machine
from django.db import connection
from django.utils.translation import gettext

from insatsportal.core import charts
from insatsportal.participants.due import due_rows
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Instrument, Item, Participant, Rating
from insatsportal.participants.progress import intervention_change
from insatsportal.participants.services.rating import instrument_copy
from insatsportal.participants.tests import factories
from insatsportal.participants.tests.test_queries import PNRS

pytestmark = pytest.mark.django_db
D = datetime.date


def _freeze(day):
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, 12,
                                                 tzinfo=datetime.UTC), tick=False)


def test_the_template_instrument_has_eleven_indicators_answered_by_both(demo):
    instrument = Instrument.objects.get(name="Steg mot arbete – mall", version=1)
    items = list(instrument.items.all())
    assert len(items) == 11
    assert {i.answered_by for i in items} == {"participant", "staff"}
    assert [v for v, _ in instrument.steps()] == [1, 2, 3, 4, 5]
    assert all(label for _, label in instrument.steps())


def test_the_coordinator_records_a_rating_with_one_value_per_item(login, demo):
    participant = factories.identified()
    items = list(factories.instrument().items.all())
    client = login("deltagaransvarig")
    page = client.get(f"/deltagare/{participant.pk}/progression/ny/").content.decode()
    assert items[0].text in page
    data = {"form_token": str(uuid.uuid4()), "instrument": factories.instrument().pk,
            "occasion": "start", "rated_on": "2024-01-20", "comment": "Bra start"}
    data |= {f"item_{item.pk}": str(1 + n % 5) for n, item in enumerate(items)}
    response = client.post(f"/deltagare/{participant.pk}/progression/ny/", data)
    assert response.status_code == 302
    rating = Rating.objects.get(participant=participant)
    assert sorted(a.value for a in rating.answers.all()) == sorted(1 + n % 5
                                                                   for n in range(len(items)))


def test_a_rating_missing_an_item_or_holding_a_personnummer_is_refused(login, demo):
    participant = factories.identified()
    items = list(factories.instrument().items.all())
    client = login("deltagaransvarig")
    data = {"form_token": str(uuid.uuid4()), "occasion": "start", "rated_on": "2024-01-20",
            "comment": "Ring 19900101-0017"}
    data |= {f"item_{item.pk}": "3" for item in items[1:]}
    response = client.post(f"/deltagare/{participant.pk}/progression/ny/", data)
    assert response.status_code == 200
    assert Rating.objects.count() == 0
    assert "Ring 19900101-0017" in response.content.decode()  # the user's text stays
    assert len(response.context["form"].errors) == 2


def test_a_value_outside_the_scale_and_an_anonymous_record_are_refused(demo):
    participant = factories.identified()
    with pytest.raises(ParticipantError):
        factories.rate(participant, value=6)
    with pytest.raises(ParticipantError):
        factories.rate(factories.anonymous())
    assert Rating.objects.count() == 0


def test_withdrawing_consent_removes_the_ratings(demo):
    from insatsportal.participants.services.registration import consent_withdraw

    participant = factories.identified()
    factories.rate(participant, comment="Kommentar")
    consent_withdraw(actor=factories.staff(), participant=participant)
    assert Rating.objects.count() == 0


def test_ratings_are_due_at_enrolment_and_three_months_after_the_latest(demo, settings):
    first = factories.identified(name="Första Skattning")
    factories.enrol(first, enrolled_on=D(2024, 1, 15))
    rated = factories.identified(pnr=factories.OTHER_PNR, name="Skattad Person")
    factories.enrol(rated, enrolled_on=D(2024, 1, 15))
    factories.rate(rated, rated_on=D(2024, 1, 20))
    factories.rate(rated, rated_on=D(2024, 2, 29))  # next due 2024-05-29
    intervention = factories.intervention().pk

    def due(today):
        return {(r.participant.pk, r.due_on, r.overdue) for r in due_rows([intervention],
                                                                           today=today)
                if r.what == gettext("Progress rating")}

    with _freeze(D(2024, 5, 1)):
        assert due(D(2024, 5, 1)) == {(first.pk, D(2024, 1, 15), True)}
    with _freeze(D(2024, 5, 20)):
        assert due(D(2024, 5, 20)) == {(first.pk, D(2024, 1, 15), True),
                                       (rated.pk, D(2024, 5, 29), False)}
    assert (rated.pk, D(2024, 5, 29), True) in due(D(2024, 5, 30))
    settings.RATING_INTERVAL_MONTHS = 6
    assert (rated.pk, D(2024, 8, 29), False) in due(D(2024, 8, 20))


def test_the_due_page_lists_overdue_ratings(login, demo):
    participant = factories.identified(name="Sen Skattning")
    factories.enrol(participant, enrolled_on=D(2024, 1, 15))
    factories.rate(participant, rated_on=D(2024, 1, 20))
    page = login("deltagaransvarig").get(
        f"/deltagare/insats/{participant.intervention_id}/att-gora/").content.decode()
    assert "Sen Skattning" in page and "2024-04-20" in page


def test_the_progress_page_draws_a_radar_and_a_line_without_style_attributes(login, demo):
    participant = factories.identified()
    factories.rate(participant, rated_on=D(2024, 1, 20), value=2)
    factories.rate(participant, rated_on=D(2024, 4, 20), value=4, occasion="quarterly")
    page = login("deltagaransvarig").get(f"/deltagare/{participant.pk}/progression/")
    html = page.content.decode()
    assert html.count("<svg") == 2
    assert not re.search(r"\sstyle\s*=", html)
    assert "Hälsa" in html and "2024-04-20" in html
    # The mean rises from 2.0 to 4.0, written beside the points and in the table.
    assert html.count(">2,0<") == 2 and html.count(">4,0<") == 2  # Swedish decimals
    # Two outlines in the radar, told apart by dash pattern and marker shape too.
    assert 'stroke-dasharray="6 3"' in html and "<rect" in html


def test_the_radar_puts_the_highest_value_at_the_rim_of_the_first_axis():
    svg = charts.radar_svg(["A", "B", "C", "D"], [charts.Series("x", [5, 1, 1, 1])],
                           low=1, high=5, title="t")
    # Centre (320, 200), radius 140: the top of the first axis is (320, 60); the others
    # sit at the centre.
    assert 'points="320.0,60.0 320.0,200.0 320.0,200.0 320.0,200.0"' in svg


def _rated_people(count, start, end):
    people = []
    for n, pnr in enumerate(PNRS[:count]):
        person = factories.identified(pnr=pnr, name=f"Person {n}")
        factories.rate(person, rated_on=D(2024, 1, 20), value=start)
        factories.rate(person, rated_on=D(2024, 3, 20), value=start + 1)
        factories.rate(person, rated_on=D(2024, 6, 20), value=end, occasion="exit")
        people.append(person)
    return people


def test_the_average_change_per_indicator_uses_the_first_and_latest_rating(demo):
    _rated_people(5, 1, 4)
    person = factories.identified(pnr=PNRS[5], name="Bara En Gång")
    factories.rate(person, value=5)  # rated once: no change to count
    [(instrument, items)] = intervention_change(factories.intervention().pk)
    assert len(items) == 11
    assert {(item.change, item.people) for item in items} == {(Decimal("3.0"), 5)}


def test_the_average_change_of_fewer_than_five_people_is_hidden(login, demo):
    _rated_people(4, 2, 3)
    [(instrument, items)] = intervention_change(factories.intervention().pk)
    assert {item.change for item in items} == {None}
    page = login("kansli").get("/deltagare/statistik/").content.decode()
    assert "Average change" in page or "Genomsnittlig förändring" in page
    assert "+1.0" not in page


def test_an_instrument_in_use_is_copied_as_a_new_version(demo):
    original = factories.instrument()
    factories.rate(factories.identified())
    copy = instrument_copy(actor=factories.staff(), instrument=original)
    assert copy.version == original.version + 1
    assert Item.objects.filter(instrument=copy).count() == 11
    original.refresh_from_db()
    assert not original.is_active and factories.instrument() == copy


def test_a_rating_keeps_the_mean_of_its_answers(demo):
    participant = factories.identified()
    factories.enrol(participant)
    values = [1, 2, 2, 3, 4, 4, 5, 1, 2, 3, 3]  # 30 / 11
    rating = factories.rate(participant, values=values)
    assert Rating.objects.get(pk=rating.pk).mean == Decimal("2.7273")


def test_each_rating_knows_whether_it_improved_on_the_first_and_when_the_next_came(demo):
    participant = factories.identified()
    factories.enrol(participant, enrolled_on=datetime.date(2024, 1, 2))
    may = factories.rate(participant, rated_on=datetime.date(2024, 5, 1), value=3)
    august = factories.rate(participant, rated_on=datetime.date(2024, 8, 1), value=4)
    facts = {r.pk: (r.improved, r.next_rated_on) for r in Rating.objects.filter(
        participant=participant)}
    assert facts == {may.pk: (None, datetime.date(2024, 8, 1)), august.pk: (True, None)}
    # A rating recorded afterwards with an earlier date becomes the first of the series.
    february = factories.rate(participant, rated_on=datetime.date(2024, 2, 1), value=5)
    facts = {r.pk: (r.improved, r.next_rated_on) for r in Rating.objects.filter(
        participant=participant)}
    assert facts == {february.pk: (None, datetime.date(2024, 5, 1)),
                     may.pk: (False, datetime.date(2024, 8, 1)), august.pk: (False, None)}


def test_the_migration_fills_in_the_same_series_for_ratings_recorded_before(demo):
    participant = factories.identified()
    factories.enrol(participant, enrolled_on=datetime.date(2024, 1, 2))
    for day, value in ((5, 3), (2, 4), (8, 2), (8, 5), (11, 4)):  # two on one day
        factories.rate(participant, rated_on=datetime.date(2024, day, 1), value=value)
    recorded = dict(Rating.objects.filter(participant=participant).values_list(
        "pk", "improved"))
    following = dict(Rating.objects.filter(participant=participant).values_list(
        "pk", "next_rated_on"))
    Rating.objects.filter(participant=participant).update(improved=None, next_rated_on=None)
    migration = importlib.import_module(
        "insatsportal.participants.migrations.0012_rating_series").Migration
    with connection.cursor() as cursor:
        for operation in migration.operations[2:]:
            cursor.execute(operation.sql)
    rows = Rating.objects.filter(participant=participant)
    assert dict(rows.values_list("pk", "improved")) == recorded
    assert dict(rows.values_list("pk", "next_rated_on")) == following
    assert list(recorded.values()).count(None) == 1 and True in recorded.values()


def test_the_person_keeps_the_latest_rating_and_the_migration_fills_it_in(demo):
    participant = factories.identified()
    factories.enrol(participant, enrolled_on=datetime.date(2024, 1, 2))
    factories.rate(participant, rated_on=datetime.date(2024, 5, 1), value=3)
    factories.rate(participant, rated_on=datetime.date(2024, 8, 1), value=4)
    factories.rate(participant, rated_on=datetime.date(2024, 2, 1), value=2)  # backdated
    kept = Participant.objects.values_list("latest_rated_on", "latest_rating_improved")
    assert kept.get(pk=participant.pk) == (datetime.date(2024, 8, 1), True)
    Participant.objects.filter(pk=participant.pk).update(latest_rated_on=None,
                                                         latest_rating_improved=None)
    migration = importlib.import_module(
        "insatsportal.participants.migrations.0013_latest_rating").Migration
    [fill_in] = [op for op in migration.operations if hasattr(op, "sql")]
    with connection.cursor() as cursor:
        cursor.execute(fill_in.sql)
    assert kept.get(pk=participant.pk) == (datetime.date(2024, 8, 1), True)
