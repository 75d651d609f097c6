import datetime

import pytest
import time_machine

from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import ActionPlan, ReadLogEntry
from insatsportal.participants.services.plan import plan_revise
from insatsportal.participants.tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


def _freeze(day):
    return time_machine.travel(datetime.datetime(day.year, day.month, day.day, 12,
                                                 tzinfo=datetime.UTC), tick=False)


def test_the_coordinator_establishes_a_plan_anchored_with_the_parties(login, demo):
    participant = factories.identified()
    af = factories.Member.objects.get(name="Arbetsförmedlingen")
    response = login("deltagaransvarig").post(f"/deltagare/{participant.pk}/handlingsplan/", {
        "established_on": "2024-02-01", "goals": "Arbete inom handel", "steps": "Praktik",
        "anchored_with_participant": "on", "anchored_parties": [af.pk]})
    assert response.status_code == 302
    plan = ActionPlan.objects.get(participant=participant)
    assert plan.next_revision_due == D(2024, 5, 1)
    assert list(plan.anchored_parties.all()) == [af]


def test_the_next_revision_is_due_three_months_after_the_last(demo, settings):
    participant = factories.identified()
    factories.plan(participant, established_on=D(2023, 11, 30))
    assert ActionPlan.objects.get().next_revision_due == D(2024, 2, 29)
    plan_revise(actor=factories.staff(), participant=participant, revised_on=D(2024, 3, 5),
                notes="Ny praktikplats")
    assert ActionPlan.objects.get().next_revision_due == D(2024, 6, 5)
    settings.PLAN_REVISION_MONTHS = 2
    plan_revise(actor=factories.staff(), participant=participant, revised_on=D(2024, 6, 1))
    assert ActionPlan.objects.get().next_revision_due == D(2024, 8, 1)


def test_a_revision_before_the_plan_is_refused(demo):
    participant = factories.identified()
    factories.plan(participant, established_on=D(2024, 2, 1))
    with pytest.raises(ParticipantError):
        plan_revise(actor=factories.staff(), participant=participant, revised_on=D(2024, 1, 1))


def test_due_and_overdue_plans_are_listed_for_the_staff(login, demo):
    overdue = factories.identified(name="Sen Revidering")
    factories.enrol(overdue, enrolled_on=D(2024, 1, 2))
    factories.plan(overdue, established_on=D(2024, 1, 10))  # due 2024-04-10
    soon = factories.identified(pnr=factories.OTHER_PNR, name="Snart Revidering")
    factories.enrol(soon, enrolled_on=D(2024, 1, 2))
    factories.plan(soon, established_on=D(2024, 1, 25))  # due 2024-04-25
    later = factories.identified(pnr="19911111-1119", name="Senare Revidering")
    factories.enrol(later, enrolled_on=D(2024, 3, 1))
    factories.plan(later, established_on=D(2024, 3, 1))  # due 2024-06-01
    for person in (overdue, soon, later):  # rated recently: no progress rating is due
        factories.rate(person, rated_on=D(2024, 4, 1))
    no_plan = factories.anonymous()  # anonymous records have no plan to revise
    assert no_plan.is_anonymous
    with _freeze(D(2024, 4, 15)):
        page = login("deltagaransvarig").get(
            f"/deltagare/insats/{factories.intervention().pk}/att-gora/").content.decode()
    assert "Sen Revidering" in page and "Snart Revidering" in page
    assert "Senare Revidering" not in page
    assert page.index("Sen Revidering") < page.index("Snart Revidering")
    assert page.count("<strong>Försenad</strong>") == 1
    [read] = ReadLogEntry.objects.filter(what="list")  # one entry per page view
    assert set(read.participants) == {str(overdue.pk), str(soon.pk)}


def test_a_missing_first_plan_is_due_six_weeks_after_enrolment(login, demo):
    participant = factories.identified(name="Utan Plan")
    factories.enrol(participant, enrolled_on=D(2024, 3, 1))  # plan due 2024-04-12
    factories.rate(participant, rated_on=D(2024, 3, 1))  # no progress rating due
    url = f"/deltagare/insats/{factories.intervention().pk}/att-gora/"
    with _freeze(D(2024, 3, 28)):
        assert "Utan Plan" not in login("deltagaransvarig").get(url).content.decode()
    with _freeze(D(2024, 3, 29)):
        page = login("deltagaransvarig").get(url).content.decode()
    assert "Utan Plan" in page and "Handlingsplan att upprätta" in page


def test_the_start_page_shows_what_is_due_without_names(login, demo):
    participant = factories.identified(name="Startsida Namnsson")
    factories.plan(participant, established_on=D(2024, 1, 10))
    with _freeze(D(2024, 4, 15)):
        page = login("deltagaransvarig").get("/").content.decode()
    assert "1 deltagarsteg att göra" in page and "1 försenat" in page
    assert "Startsida" not in page
    assert not ReadLogEntry.objects.exists()


def test_a_discharged_participant_has_no_plan_due(login, demo):
    participant = factories.identified(name="Utskriven Person")
    factories.plan(participant, established_on=D(2024, 1, 10))
    factories.discharge(participant, discharged_on=D(2024, 3, 1))
    with _freeze(D(2024, 4, 15)):
        page = login("deltagaransvarig").get(
            f"/deltagare/insats/{factories.intervention().pk}/att-gora/").content.decode()
    assert "Utskriven Person" not in page
