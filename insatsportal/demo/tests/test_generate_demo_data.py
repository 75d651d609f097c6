"""generate_demo_data: fictional participants, reproducible, idempotent, demo mode only."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from stdnum import luhn

from insatsportal.cases.models import Grant
from insatsportal.demo.generate import fiction
from insatsportal.interventions.models import Intervention
from insatsportal.participants.identity import parse_identity_number
from insatsportal.participants.models import (
    Activity,
    Consent,
    Discharge,
    Enrolment,
    FollowUp,
    Participant,
    Rating,
)

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 6, 15)
DEMO = "En väg in – steget vidare"


@pytest.fixture
def demo_mode(settings, demo):
    settings.DEMO_MODE = True
    return demo


def generate(*args, **options) -> str:
    out = io.StringIO()
    options.setdefault("today", TODAY)
    call_command("generate_demo_data", *args, stdout=out, **options)
    return out.getvalue()


def snapshot(seed):
    """Everything a person's pages show, decrypted, in participant-number order."""
    rows = []
    for p in Participant.objects.filter(demo_seed=seed).order_by("intervention__name", "number"):
        enrolment = Enrolment.objects.filter(participant=p).first()
        discharge = Discharge.objects.filter(participant=p).first()
        follow_up = FollowUp.objects.filter(participant=p).first()
        rows.append((
            p.intervention.name, p.number, p.is_anonymous, p.sex, p.start_year,
            p.name if not p.is_anonymous else "", p.personnummer, p.birth_year,
            p.home_kommun_id,
            enrolment and (enrolment.enrolled_on, enrolment.target_group.code,
                           sorted(enrolment.income_before.values_list("code", flat=True))),
            sorted(p.activities.values_list("kind", "occurred_on", "duration_minutes", "note")),
            list(p.ratings.order_by("rated_on").values_list("occasion", "rated_on")),
            sorted(Rating.objects.filter(participant=p).values_list("answers__value",
                                                                    flat=True)),
            discharge and (discharge.discharged_on, discharge.end_type,
                           discharge.occupation_after_id),
            follow_up and (follow_up.followed_up_on, follow_up.contact_made,
                           follow_up.occupation_id),
        ))
    return rows


def test_it_refuses_to_run_without_demo_mode(settings, demo):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="DEMO_MODE"):
        generate("--participants", "3")
    assert not Participant.objects.filter(demo_seed__isnull=False).exists()


def test_force_runs_it_without_demo_mode_but_never_in_production(settings, demo):
    settings.DEMO_MODE = False
    generate("--participants", "3", "--seed", "5", "--force")
    assert Participant.objects.filter(demo_seed=5).count() == 3
    settings.PRODUCTION = True
    with pytest.raises(CommandError, match="production"):
        generate("--participants", "3", "--seed", "6", "--force")
    assert not Participant.objects.filter(demo_seed=6).exists()


def test_it_refuses_a_day_in_the_future_and_nothing_to_make(demo_mode):
    with pytest.raises(CommandError, match="future"):
        generate("--participants", "3", today=datetime.date(2999, 1, 1))
    with pytest.raises(CommandError, match="at least one"):
        generate("--participants", "0")
    assert not Participant.objects.filter(demo_seed__isnull=False).exists()


def test_it_makes_the_asked_number_of_people_with_their_whole_story(demo_mode):
    generate("--participants", "40", "--seed", "3", "--activities-per-participant", "6",
             "--ratings-per-participant", "3")
    people = Participant.objects.filter(demo_seed=3)
    assert people.count() == 40
    assert Activity.objects.filter(participant__demo_seed=3).count() == 40 * 6
    identified = people.filter(is_anonymous=False)
    assert 0 < identified.count() < 40  # a few registered anonymously
    assert Consent.objects.filter(participant__in=identified).count() == identified.count()
    assert Enrolment.objects.filter(participant__in=identified).count() == identified.count()
    assert all(p.ratings.count() <= 3 for p in identified)
    assert Rating.objects.filter(participant__in=identified).exists()
    assert Discharge.objects.filter(participant__in=people).exists()
    assert FollowUp.objects.filter(participant__in=people).exists()
    # An anonymous record keeps only sex and year of start (the database enforces the rest).
    assert not Enrolment.objects.filter(participant__demo_seed=3,
                                        participant__is_anonymous=True).exists()


def test_the_consents_name_partners_of_the_intervention(demo_mode):
    generate("--participants", "20", "--seed", "4")
    demo = Intervention.objects.get(name=DEMO)
    partners = set(demo.partners.values_list("pk", flat=True))
    consents = Consent.objects.filter(participant__demo_seed=4, participant__intervention=demo)
    assert consents.exists()
    for consent in consents:
        named = set(consent.partners.values_list("pk", flat=True))
        assert named and named <= partners


def test_the_dates_fit_the_demo_interventions_grants_and_lie_in_the_past(demo_mode):
    generate("--participants", "30", "--seed", "8")
    demo = Intervention.objects.get(name=DEMO)
    grants = list(Grant.objects.filter(intervention=demo).values_list("period_start",
                                                                      "period_end"))
    for enrolment in Enrolment.objects.filter(participant__demo_seed=8):
        day = enrolment.enrolled_on
        assert any(start <= day <= end for start, end in grants), day
        assert day <= TODAY
    for discharge in Discharge.objects.filter(participant__demo_seed=8):
        enrolment = Enrolment.objects.filter(participant=discharge.participant_id).first()
        assert discharge.discharged_on <= TODAY
        assert enrolment is None or discharge.discharged_on >= enrolment.enrolled_on
    assert not Activity.objects.filter(participant__demo_seed=8, occurred_on__gt=TODAY).exists()


def test_every_identity_number_is_a_valid_fictional_samordningsnummer(demo_mode):
    generate("--participants", "60", "--seed", "9")
    identified = Participant.objects.filter(demo_seed=9, is_anonymous=False)
    assert identified.exists()
    women, men = set(fiction.WOMEN), set(fiction.MEN)
    for p in identified:
        number = parse_identity_number(p.personnummer)  # raises if invalid
        assert number.coordination
        assert luhn.is_valid(number.normalised[2:])
        assert fiction.SERIAL_FIRST <= int(number.normalised[8:11]) <= fiction.SERIAL_FIRST + 19
        age = p.start_year - number.birth_date.year
        assert fiction.MIN_AGE - 1 <= age <= fiction.MAX_AGE + 1
        first, last = p.name.split(" ")
        assert first in women | men and last in fiction.SURNAMES
        if p.sex == "kvinna":
            assert first in women and int(number.normalised[10]) % 2 == 0
        if p.sex == "man":
            assert first in men and int(number.normalised[10]) % 2 == 1
        assert p.is_fictional
    hashes = list(identified.values_list("intervention_id", "personnummer_hash"))
    assert len(hashes) == len(set(hashes))


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data(demo_mode):
    generate("--participants", "25", "--seed", "11", "--interventions", "2")
    first = snapshot(11)
    Participant.objects.filter(demo_seed=11).delete()
    generate("--participants", "25", "--seed", "11", "--interventions", "2")
    assert snapshot(11) == first
    generate("--participants", "25", "--seed", "12", "--interventions", "2")
    other = snapshot(12)
    assert [row[5:] for row in other] != [row[5:] for row in first]


def test_running_again_with_the_same_seed_creates_nothing(demo_mode):
    generate("--participants", "15", "--seed", "13", "--interventions", "1")
    counts = (Participant.objects.count(), Activity.objects.count(), Grant.objects.count(),
              Intervention.objects.count(), FollowUp.objects.count())
    out = generate("--participants", "15", "--seed", "13", "--interventions", "1")
    assert "nothing changed" in out
    assert (Participant.objects.count(), Activity.objects.count(), Grant.objects.count(),
            Intervention.objects.count(), FollowUp.objects.count()) == counts


def test_a_second_seed_adds_people_numbered_after_the_first(demo_mode):
    generate("--participants", "10", "--seed", "14")
    generate("--participants", "10", "--seed", "15")
    demo = Intervention.objects.get(name=DEMO)
    numbers = list(demo.participants.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers))
    first = demo.participants.filter(demo_seed=14).order_by("-number").first().number
    assert not demo.participants.filter(demo_seed=15, number__lte=first).exists()


def test_generated_interventions_have_grants_owners_and_current_participants(demo_mode):
    generate("--participants", "30", "--seed", "16", "--interventions", "2")
    for name in ("Testinsats 01", "Testinsats 02"):
        intervention = Intervention.objects.get(name=name)
        assert intervention.owner.kind == "kommun"
        grant = Grant.objects.filter(intervention=intervention).order_by("period_start").first()
        assert grant.amount > 0 and grant.decision.is_final
        assert intervention.participants.filter(demo_seed=16).exists()
        enrolled = Enrolment.objects.filter(participant__intervention=intervention)
        assert all(grant.period_start <= e.enrolled_on <= TODAY for e in enrolled)
    # The persona for participants is responsible for the first, which has people in progress.
    first = Intervention.objects.get(name="Testinsats 01")
    assert first.participants.filter(discharge__isnull=True).exists()


def test_the_persona_sees_the_generated_participants(demo_mode, login):
    generate("--participants", "12", "--seed", "17", "--interventions", "1")
    client = login("deltagaransvarig")
    for name in (DEMO, "Testinsats 01"):
        intervention = Intervention.objects.get(name=name)
        page = client.get(f"/deltagare/insats/{intervention.pk}/").content.decode()
        person = intervention.participants.filter(demo_seed=17, is_anonymous=False).first()
        assert person.name in page
    response = client.get(f"/deltagare/{person.pk}/")
    assert response.status_code == 200
    assert person.personnummer in response.content.decode()


def test_a_stopped_generation_keeps_its_committed_chunks_and_goes_on_from_there(
        demo_mode, monkeypatch):
    from insatsportal.demo.generate import services, write

    monkeypatch.setattr(services, "CHUNK", 10)
    real, calls = write.write_people, []

    def stopped_at_the_third_chunk(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt  # the operator stops the build
        return real(*args, **kwargs)

    monkeypatch.setattr(write, "write_people", stopped_at_the_third_chunk)
    with pytest.raises(KeyboardInterrupt):
        services.demo_data_generate(participants=45, seed=77, today=TODAY)
    assert Participant.objects.filter(demo_seed=77).count() == 20  # two chunks kept
    monkeypatch.setattr(write, "write_people", real)
    result = services.demo_data_generate(participants=45, seed=77, today=TODAY)
    assert result.created and result.counts["participants"] == 25  # the rest only
    people = Participant.objects.filter(demo_seed=77)
    assert people.count() == 45
    assert len(set(people.values_list("intervention_id", "number"))) == 45
    again = services.demo_data_generate(participants=45, seed=77, today=TODAY)
    assert not again.created  # complete: nothing more
