import datetime
import uuid

import pytest
from django.utils.translation import gettext

from insatsportal.core.models import AuditEntry
from insatsportal.participants.due import due_rows
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import FollowUp, FollowUpSample
from insatsportal.participants.services.followup import (
    follow_up_policy_set,
    follow_up_sample_draw,
    select_sample,
)
from insatsportal.participants.tests import factories
from insatsportal.participants.tests.test_queries import PNRS

pytestmark = pytest.mark.django_db
D = datetime.date


def _discharged(n, *, sexes=("kvinna", "man"), day=datetime.date(2024, 9, 30)):
    people = []
    for i, pnr in enumerate(PNRS[:n]):
        person = factories.identified(pnr=pnr, name=f"Utskriven {i}", sex=sexes[i % len(sexes)])
        factories.discharge(person, discharged_on=day)
        people.append(person)
    return people


def _follow_ups_due(today):
    return {(r.participant.pk, r.due_on, r.overdue)
            for r in due_rows([factories.intervention().pk], today=today)
            if r.what == gettext("Follow-up after discharge")}


def test_the_follow_up_is_due_six_months_after_discharge_by_default_or_twelve(demo):
    [person] = _discharged(1, day=D(2024, 8, 31))
    wrong = factories.identified(pnr=PNRS[1], name="Felregistrerad")
    factories.discharge(wrong, discharged_on=D(2024, 8, 31), end_type="wrong")
    assert _follow_ups_due(D(2025, 2, 13)) == set()
    assert _follow_ups_due(D(2025, 2, 14)) == {(person.pk, D(2025, 2, 28), False)}
    assert _follow_ups_due(D(2025, 3, 1)) == {(person.pk, D(2025, 2, 28), True)}
    follow_up_policy_set(actor=factories.staff(), intervention=factories.intervention(),
                         months=12, sample_only=False)
    assert _follow_ups_due(D(2025, 3, 1)) == set()
    assert _follow_ups_due(D(2025, 9, 1)) == {(person.pk, D(2025, 8, 31), True)}
    factories.follow_up(person, followed_up_on=D(2025, 9, 1))
    assert _follow_ups_due(D(2025, 9, 2)) == set()


def test_the_coordinator_records_the_outcome_with_the_code_lists(login, demo):
    [person] = _discharged(1)
    studies = factories.code("occupation", "studier")
    response = login("deltagaransvarig").post(f"/deltagare/{person.pk}/uppfoljning/", {
        "followed_up_on": "2025-03-30", "contact_made": "on", "occupation": studies.pk,
        "income": [factories.code("income", "ingen").pk], "note": "Läser på komvux"})
    assert response.status_code == 302
    follow_up = FollowUp.objects.get()
    assert (follow_up.months, follow_up.occupation, follow_up.contact_made) == (6, studies, True)
    page = login("deltagaransvarig").get(f"/deltagare/{person.pk}/").content.decode()
    assert "Läser på komvux" in page


def test_a_follow_up_without_contact_has_no_situation_and_not_before_discharge(demo):
    [person] = _discharged(1)
    with pytest.raises(ParticipantError):
        factories.follow_up(person, followed_up_on=D(2024, 9, 1))
    follow_up = factories.follow_up(person, contact_made=False)
    assert follow_up.occupation is None and not follow_up.income.exists()
    with pytest.raises(ParticipantError):
        factories.follow_up(factories.identified(pnr=PNRS[3], name="Ej utskriven"))


def test_the_same_seed_draws_the_same_sample_and_stratification_keeps_the_shares():
    population = [f"id-{n:02d}" for n in range(40)]
    sexes = ["kvinna"] * 30 + ["man"] * 10
    first = select_sample(population, sexes, size=8, seed=1234, stratify=True)
    assert first == select_sample(population, sexes, size=8, seed=1234, stratify=True)
    assert first != select_sample(population, sexes, size=8, seed=4321, stratify=True)
    women = [pid for pid in first if sexes[population.index(pid)] == "kvinna"]
    assert (len(first), len(women)) == (8, 6)
    assert len(select_sample(population, sexes, size=100, seed=1, stratify=False)) == 40


def test_a_sample_is_stored_reproducible_and_audited(demo):
    people = _discharged(7)
    later = factories.identified(pnr=PNRS[7], name="Annan Period")
    factories.discharge(later, discharged_on=D(2024, 10, 1))
    sample = follow_up_sample_draw(
        actor=factories.staff(), intervention=factories.intervention(),
        discharged_from=D(2024, 9, 1), discharged_to=D(2024, 9, 30), size=3,
        stratified_by_sex=True)
    assert sorted(sample.population_ids) == sorted(str(p.pk) for p in people)
    assert sample.selected_ids == select_sample(sample.population_ids, sample.population_sexes,
                                                size=3, seed=sample.seed, stratify=True)
    entry = AuditEntry.objects.get(action="followup.sample_drawn")
    assert entry.data["seed"] == sample.seed and entry.data["selected"] == 3


def test_a_second_draw_for_the_period_needs_a_reason_and_keeps_the_first(demo):
    _discharged(6)
    args = {"actor": factories.staff(), "intervention": factories.intervention(),
            "discharged_from": D(2024, 9, 1), "discharged_to": D(2024, 9, 30), "size": 2}
    first = follow_up_sample_draw(**args)
    with pytest.raises(ParticipantError):
        follow_up_sample_draw(**args)
    second = follow_up_sample_draw(**args, reason="Två personer har flyttat utomlands")
    assert list(FollowUpSample.objects.order_by("pk")) == [first, second]
    assert AuditEntry.objects.filter(action="followup.sample_drawn").count() == 2


def test_with_sampling_only_the_drawn_participants_are_due(login, demo):
    people = _discharged(6)
    follow_up_policy_set(actor=factories.staff(), intervention=factories.intervention(),
                         months=6, sample_only=True)
    assert _follow_ups_due(D(2025, 4, 1)) == set()
    client = login("deltagaransvarig")
    url = f"/deltagare/insats/{factories.intervention().pk}/uppfoljning/urval/"
    response = client.post(url, {"form_token": str(uuid.uuid4()),
                                 "discharged_from": "2024-09-01", "discharged_to": "2024-09-30",
                                 "size": "2"})
    assert response.status_code == 302
    sample = FollowUpSample.objects.get()
    due = _follow_ups_due(D(2025, 4, 1))
    assert {str(pk) for pk, _, _ in due} == set(sample.selected_ids)
    page = client.get(f"/deltagare/insats/{factories.intervention().pk}/uppfoljning/")
    chosen = [p for p in people if str(p.pk) in sample.selected_ids]
    assert all(p.name in page.content.decode() for p in chosen)
    assert str(sample.seed) in page.content.decode()


@pytest.mark.parametrize(("day", "months", "ok"), [
    (D(2025, 3, 30), 6, True),   # discharged 2024-09-30: six months later
    (D(2025, 2, 28), 6, True),   # one month early: the window's first day
    (D(2025, 2, 27), 6, False),
    (D(2025, 4, 30), 6, True),   # one month late: the window's last day
    (D(2025, 5, 1), 6, False),
    (D(2025, 3, 30), 12, False),  # a 12-month follow-up made after six months
    (D(2025, 9, 30), 12, True),
])
def test_a_follow_up_is_dated_in_its_window_around_6_or_12_months(demo, day, months, ok):
    [person] = _discharged(1)
    follow_up_policy_set(actor=factories.staff(), intervention=factories.intervention(),
                         months=months, sample_only=False)
    if ok:
        assert factories.follow_up(person, followed_up_on=day).months == months
    else:
        with pytest.raises(ParticipantError, match="utanför"):
            factories.follow_up(person, followed_up_on=day)
        assert not FollowUp.objects.filter(participant=person).exists()


def test_the_window_is_a_setting(demo, settings):
    [person] = _discharged(1)
    settings.FOLLOW_UP_WINDOW_MONTHS = 2
    assert factories.follow_up(person, followed_up_on=D(2025, 5, 30)).months == 6


@pytest.mark.parametrize("shifted", [
    (D(2024, 9, 2), D(2024, 10, 1)),   # the same period moved by one day
    (D(2024, 9, 30), D(2024, 12, 31)),  # sharing the earlier period's last day
    (D(2024, 9, 15), D(2024, 9, 30)),  # inside it
    (D(2024, 8, 1), D(2024, 12, 31)),  # around it
])
def test_any_draw_that_overlaps_an_earlier_period_needs_a_reason_and_is_logged(demo, shifted):
    _discharged(6)
    staff, intervention = factories.staff(), factories.intervention()
    first = follow_up_sample_draw(actor=staff, intervention=intervention,
                                  discharged_from=D(2024, 9, 1), discharged_to=D(2024, 9, 30),
                                  size=2)
    start, end = shifted
    with pytest.raises(ParticipantError, match="2024-09-01 – 2024-09-30"):
        follow_up_sample_draw(actor=staff, intervention=intervention, discharged_from=start,
                              discharged_to=end, size=2)
    assert list(FollowUpSample.objects.all()) == [first]
    follow_up_sample_draw(actor=staff, intervention=intervention, discharged_from=start,
                          discharged_to=end, size=2, reason="Fel period första gången")
    entry = AuditEntry.objects.filter(action="followup.sample_drawn").order_by("-pk").first()
    assert entry.data["overlaps"] == [first.pk]
    assert entry.data["reason"] == "Fel period första gången"


def test_a_period_next_to_an_earlier_one_needs_no_reason(demo):
    _discharged(6)
    later = factories.identified(pnr=PNRS[7], name="Senare Utskriven")
    factories.discharge(later, discharged_on=D(2024, 10, 15))
    staff, intervention = factories.staff(), factories.intervention()
    follow_up_sample_draw(actor=staff, intervention=intervention, discharged_from=D(2024, 9, 1),
                          discharged_to=D(2024, 9, 30), size=2)
    nxt = follow_up_sample_draw(actor=staff, intervention=intervention,
                                discharged_from=D(2024, 10, 1), discharged_to=D(2024, 12, 31),
                                size=2)
    assert nxt.reason == ""


def test_the_page_says_how_the_sample_is_drawn_and_by_whom(login, demo):
    _discharged(6)
    follow_up_sample_draw(actor=factories.staff(), intervention=factories.intervention(),
                          discharged_from=D(2024, 9, 1), discharged_to=D(2024, 9, 30), size=3,
                          stratified_by_sex=True, seed=4711)
    page = login("deltagaransvarig").get(
        f"/deltagare/insats/{factories.intervention().pk}/uppfoljning/").content.decode()
    assert "Så dras urvalet" in page
    assert "Reproducerbart" in page
    assert "stratifierat efter kön" in page and "4711" in page
    staff = factories.staff()
    assert f"av {staff.get_full_name() or staff.username}" in page


def test_an_overlapping_draw_without_reason_is_refused_on_the_page_and_keeps_the_input(
        login, demo):
    _discharged(6)
    intervention = factories.intervention()
    follow_up_sample_draw(actor=factories.staff(), intervention=intervention,
                          discharged_from=D(2024, 9, 1), discharged_to=D(2024, 9, 30), size=2)
    client = login("deltagaransvarig")
    page = client.get(f"/deltagare/insats/{intervention.pk}/uppfoljning/").content.decode()
    from insatsportal.core.tests.formparse import parse_forms

    [form] = [f for f in parse_forms(page) if f.action.endswith("/uppfoljning/urval/")]
    data = form.submission() | {"discharged_from": ["2024-09-02"],
                                "discharged_to": ["2024-10-01"], "size": ["2"]}
    response = client.post(f"/deltagare/insats/{intervention.pk}/uppfoljning/urval/", data)
    text = response.content.decode()
    assert "överlappar" in text and 'value="2024-09-02"' in text
    assert FollowUpSample.objects.count() == 1
