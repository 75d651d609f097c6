"""PARTICIPANTS_AGGREGATES_ONLY: anonymous registration only, and every page still works."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse

from insatsportal.core.tests.urlwalk import collect_matrix
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import Participant
from insatsportal.participants.tests import factories


@pytest.fixture
def aggregates_only(settings):
    settings.PARTICIPANTS_AGGREGATES_ONLY = True
    return settings


def test_the_service_refuses_an_identified_participant(aggregates_only, demo):
    before = Participant.objects.count()
    with pytest.raises(ParticipantError, match="anonym"):
        factories.identified(pnr="19911111-1119", name="Får Inte")
    assert Participant.objects.count() == before


def test_the_consent_form_is_gone_and_anonymous_registration_works(aggregates_only, login):
    client = login("deltagaransvarig")
    intervention = factories.intervention()
    page = client.get(reverse("participants:intervention", args=[intervention.pk]))
    assert reverse("participants:register", args=[intervention.pk]).encode() not in page.content
    assert reverse("participants:register_anonymous", args=[intervention.pk]).encode() in (
        page.content)

    before = Participant.objects.filter(is_anonymous=False).count()
    posted = client.post(reverse("participants:register", args=[intervention.pk]), {
        "name": "Får Inte", "personnummer": "19911111-1119", "sex": "kvinna",
        "consent_given_on": "2024-01-10",
    })
    assert posted["Location"] == reverse("participants:register_anonymous",
                                         args=[intervention.pk])
    assert Participant.objects.filter(is_anonymous=False).count() == before

    anonymous = client.post(reverse("participants:register_anonymous", args=[intervention.pk]),
                            {"sex": "man", "start_year": "2024"})
    assert anonymous.status_code == 302
    assert Participant.objects.filter(is_anonymous=True, intervention=intervention,
                                      start_year=2024, sex="man").exists()


def test_generated_demo_people_are_all_anonymous(aggregates_only, demo):
    aggregates_only.DEMO_MODE = True
    call_command("generate_demo_data", "--participants", "40", "--seed", "11",
                 "--interventions", "1", stdout=StringIO())
    generated = Participant.objects.filter(demo_seed=11)
    assert generated.count() == 40
    assert not generated.filter(is_anonymous=False).exists()


MATRIX = collect_matrix()
ROLES = ("kansli", "styrelse", "insatsansvarig", "deltagaransvarig", "rapportlasare")


@pytest.mark.parametrize("role", ROLES)
def test_every_page_and_export_works_with_aggregates_only(aggregates_only, login, demo, role):
    """Every URL of the permission matrix, with anonymous people only: no page breaks, and
    each page a role may open still opens (a participant's pages show an anonymous one)."""
    aggregates_only.DEMO_MODE = True
    call_command("generate_demo_data", "--participants", "30", "--seed", "12",
                 "--interventions", "1", stdout=StringIO())
    anonymous = Participant.objects.filter(
        is_anonymous=True, intervention=factories.intervention()).first()
    client = login(role)
    broken, refused = [], []
    for name, (url_for, expected) in sorted(MATRIX.items()):
        try:
            url = url_for(demo)
        except ParticipantError:
            try:
                url = reverse(name, args=[anonymous.pk])
            except NoReverseMatch:
                continue
        status = client.get(url).status_code
        if status >= 500:
            broken.append((name, status))
        elif expected[role] == 200 and status != 200 and name != "participants:register":
            refused.append((name, status))
    assert broken == []
    # An anonymous record has no name, plan or consent: its edit pages send the user back.
    assert {name for name, _status in refused} <= {
        "participants:edit", "participants:plan", "participants:enrolment",
        "participants:discharge", "participants:rating_create", "participants:follow_up",
        "participants:consent_withdraw", "participants:protect", "participants:activity_create",
        "participants:progress",
    }
