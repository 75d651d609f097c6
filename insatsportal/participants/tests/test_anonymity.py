"""Anonymisation does what the form says; a consent ends, at the latest with the intervention."""

import datetime

import pytest
from django.utils import timezone, translation

from insatsportal.participants import anonymity
from insatsportal.participants.models import (
    ActionPlan,
    Activity,
    Answer,
    Consent,
    Discharge,
    Enrolment,
    FollowUp,
    Participant,
    PlanRevision,
    Rating,
)
from insatsportal.participants.services import registration
from insatsportal.participants.services.plan import plan_revise
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def _everything():
    """An identified participant with something in every part of the record."""
    factories.keep_running()
    person = factories.identified(name="Fullständig Uppgiftsson",
                                  partners=("Arbetsförmedlingen", "Försäkringskassan"))
    factories.enrol(person, referral_text="Remiss från AF.")
    factories.plan(person)
    plan_revise(actor=factories.staff(), participant=person, revised_on=D(2024, 5, 2),
                notes="Reviderad.")
    factories.rate(person)
    factories.activity(person, note="Samtal om praktik.")
    factories.discharge(person, exit_conversation_held=True,
                        exit_conversation_on=D(2024, 9, 25), next_step="Studier")
    factories.follow_up(person, note="Studerar.")
    return Participant.objects.get(pk=person.pk)


def _page_lines(client, url):
    with translation.override("sv"):
        return client.get(url).content.decode()


def _removed_everywhere(person):
    assert person.is_anonymous
    assert (person.name_encrypted, person.personnummer_encrypted, person.name_index) == (
        "", "", "")
    assert person.personnummer_hash is None and person.birth_year is None
    assert person.home_kommun_id is None
    assert (person.sex, person.start_year) == ("kvinna", 2024)
    for model in (Enrolment, ActionPlan, PlanRevision, Rating, Answer, FollowUp):
        field = "plan__participant" if model is PlanRevision else (
            "rating__participant" if model is Answer else "participant")
        assert not model.objects.filter(**{field: person}).exists(), model.__name__


def test_withdrawn_consent_keeps_exactly_what_the_form_says(login, demo):
    person = _everything()
    client = login("deltagaransvarig")
    page = _page_lines(client, f"/deltagare/{person.pk}/aterkalla-samtycke/")
    with translation.override("sv"):
        for line in anonymity.KEPT_AFTER_WITHDRAWAL + anonymity.REMOVED_AFTER_WITHDRAWAL:
            assert str(line)[1:40] in page, line
    client.post(f"/deltagare/{person.pk}/aterkalla-samtycke/", {"confirm": "on"})
    person.refresh_from_db()
    _removed_everywhere(person)
    # Kept: the end, the activities without notes, the consent's dates naming no partner.
    discharge = Discharge.objects.get(participant=person)
    assert (discharge.discharged_on, discharge.end_type) == (D(2024, 9, 30), "planned")
    assert discharge.next_step == "" and not discharge.income_after.exists()
    assert discharge.occupation_after is None and not discharge.exit_conversation_held
    [activity] = Activity.objects.filter(participant=person)
    assert (activity.occurred_on, activity.duration_minutes, activity.note) == (
        D(2024, 3, 4), 60, "")
    consent = Consent.objects.get(participant=person)
    assert consent.given_on == D(2024, 1, 10) and consent.withdrawn_at is not None
    assert not consent.partners.exists() and not consent.scan
    assert login("handlaggare").get(f"/deltagare/{person.pk}/").status_code == 404


def test_protected_identity_keeps_only_sex_and_year_of_start(login, demo):
    person = _everything()
    client = login("deltagaransvarig")
    page = _page_lines(client, f"/deltagare/{person.pk}/skyddad-identitet/")
    with translation.override("sv"):
        for line in anonymity.KEPT_FOR_PROTECTED + anonymity.REMOVED_FOR_PROTECTED:
            assert str(line)[1:40] in page, line
        assert str(anonymity.KEPT_AFTER_WITHDRAWAL[-1])[1:40] not in page
    client.post(f"/deltagare/{person.pk}/skyddad-identitet/", {"confirm": "on"})
    person = Participant.objects.get(pk=person.pk)
    _removed_everywhere(person)
    assert person.protected_identity
    for model in (Discharge, Activity, Consent):
        assert not model.objects.filter(participant=person).exists(), model.__name__


def test_protecting_a_record_whose_consent_was_withdrawn_removes_the_rest(demo):
    person = _everything()
    registration.consent_withdraw(actor=factories.staff(), participant=person)
    registration.participant_mark_protected(actor=factories.staff(),
                                            participant=Participant.objects.get(pk=person.pk))
    for model in (Discharge, Activity, Consent):
        assert not model.objects.filter(participant=person).exists(), model.__name__


def test_a_consent_without_end_date_ends_with_the_intervention(login, demo):
    running = factories.keep_running()
    person = factories.identified(name="Samtyckes Slutsson")
    client = login("handlaggare")
    assert client.get(f"/deltagare/{person.pk}/").status_code == 200
    running.end_date = timezone.localdate() - datetime.timedelta(days=1)
    running.save(update_fields=["end_date"])
    assert client.get(f"/deltagare/{person.pk}/").status_code == 404
    assert "Samtyckes Slutsson" not in client.get("/deltagare/").content.decode()
    # The intervention's own staff still see the person.
    assert login("deltagaransvarig").get(f"/deltagare/{person.pk}/").status_code == 200


def test_a_consent_ends_on_its_own_date_before_the_intervention(login, demo):
    factories.keep_running()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    ended = factories.identified(name="Utgången Samtyckesson", given_on=D(2024, 1, 10),
                                 consent_valid_until=yesterday)
    assert login("handlaggare").get(f"/deltagare/{ended.pk}/").status_code == 404
    assert ended.consent.ends_on == yesterday


def test_the_participant_page_says_when_the_consent_ends(login, demo):
    running = factories.keep_running()
    person = factories.identified()
    page = login("deltagaransvarig").get(f"/deltagare/{person.pk}/").content.decode()
    assert f"{running.end_date:%Y-%m-%d} (insatsens slut)" in page
