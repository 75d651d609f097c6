import datetime

import pytest
import time_machine
from django.urls import reverse

from insatsportal.core.models import AuditEntry
from insatsportal.interventions import services
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member

pytestmark = pytest.mark.django_db
D = datetime.date


def _member(name="Knivsta kommun"):
    return Member.objects.get(name=name)


def _actions(intervention):
    return list(AuditEntry.objects.filter(object_id=str(intervention.pk),
                                          content_type__model="intervention")
                .order_by("timestamp", "id").values_list("action", flat=True))


@time_machine.travel(D(2025, 6, 1), tick=False)
@pytest.mark.parametrize(("start", "end", "status"), [
    (D(2025, 8, 1), D(2026, 7, 31), Intervention.Status.PLANNED),
    (D(2025, 1, 1), D(2026, 12, 31), Intervention.Status.RUNNING),
    (D(2023, 1, 1), D(2024, 12, 31), Intervention.Status.ENDED),
    (None, None, Intervention.Status.PLANNED),
])
def test_a_created_intervention_takes_its_status_from_its_period(demo, start, end, status):
    af = _member("Arbetsförmedlingen")
    intervention = services.intervention_create(
        actor=None, name="Ny väg", owner=_member(), start_date=start, end_date=end,
        partners=[af], data={"case": "2025-001"})
    intervention.refresh_from_db()
    assert intervention.status == status
    assert list(intervention.partners.all()) == [af]
    assert _actions(intervention) == ["intervention.created"]


@time_machine.travel(D(2025, 6, 1), tick=False)
def test_extending_widens_the_period_and_never_narrows_it(demo):
    intervention = services.intervention_create(
        actor=None, name="Ny väg", owner=_member(), start_date=D(2023, 1, 1),
        end_date=D(2024, 12, 31))
    assert intervention.status == Intervention.Status.ENDED
    services.intervention_extend(
        actor=None, intervention=intervention, period_start=D(2025, 1, 1),
        period_end=D(2026, 12, 31), name="Ny väg 2", partners=[_member("Region Uppsala")])
    intervention.refresh_from_db()
    assert (intervention.start_date, intervention.end_date) == (D(2023, 1, 1), D(2026, 12, 31))
    assert intervention.name == "Ny väg 2"
    assert intervention.status == Intervention.Status.RUNNING
    assert [p.name for p in intervention.partners.all()] == ["Region Uppsala"]
    assert _actions(intervention) == ["intervention.created", "intervention.extended"]


def _running():
    return services.intervention_create(
        actor=None, name="Ny väg", owner=_member(), start_date=D(2025, 1, 1),
        end_date=D(2026, 12, 31))


@time_machine.travel(D(2025, 6, 1), tick=False)
def test_the_office_closes_an_intervention_early_on_its_page(login):
    intervention = _running()
    client = login("kansli")
    page = client.get(reverse("interventions:detail", args=[intervention.pk])).content.decode()
    assert "Avsluta insatsen" in page
    response = client.post(reverse("interventions:close", args=[intervention.pk]),
                           {"end_date": "2025-05-31", "reason": "Inga fler deltagare"},
                           follow=True)
    assert "Insatsen är avslutad." in response.content.decode()
    assert "Insatsen avslutad" in response.content.decode()  # in the history
    intervention.refresh_from_db()
    assert (intervention.status, intervention.end_date) == (Intervention.Status.ENDED,
                                                            D(2025, 5, 31))
    assert _actions(intervention)[-1] == "intervention.closed"


@time_machine.travel(D(2025, 6, 1), tick=False)
@pytest.mark.parametrize(("end_date", "message"), [
    ("2025-06-02", "En insats avslutas på en dag som redan har kommit."),
    ("2024-12-31", "Sista dagen kan inte ligga före insatsens start."),
    ("31/5", "Ange insatsens sista dag som ett datum."),
])
def test_a_close_on_an_impossible_day_is_refused_and_changes_nothing(login, end_date, message):
    intervention = _running()
    response = login("kansli").post(reverse("interventions:close", args=[intervention.pk]),
                                    {"end_date": end_date}, follow=True)
    assert message in response.content.decode()
    intervention.refresh_from_db()
    assert (intervention.status, intervention.end_date) == (Intervention.Status.RUNNING,
                                                            D(2026, 12, 31))
    assert _actions(intervention) == ["intervention.created"]


@time_machine.travel(D(2025, 6, 1), tick=False)
def test_an_ended_intervention_cannot_be_closed_again(demo):
    intervention = _running()
    services.intervention_close(actor=None, intervention=intervention, end_date=D(2025, 5, 1),
                                today=D(2025, 6, 1))
    with pytest.raises(services.InterventionError):
        services.intervention_close(actor=None, intervention=intervention,
                                    end_date=D(2025, 5, 31), today=D(2025, 6, 1))
    intervention.refresh_from_db()
    assert intervention.end_date == D(2025, 5, 1)


@pytest.mark.parametrize("role", ["styrelse", "insatsansvarig", "rapportlasare"])
def test_only_the_office_may_close_an_intervention(login, role):
    intervention = _running()
    client = login(role)
    page = client.get(reverse("interventions:detail", args=[intervention.pk])).content.decode()
    assert "Avsluta insatsen" not in page
    response = client.post(reverse("interventions:close", args=[intervention.pk]),
                           {"end_date": "2025-05-31"})
    assert response.status_code == 403
    intervention.refresh_from_db()
    assert intervention.status != Intervention.Status.ENDED
