import uuid

import pytest
from django.urls import reverse

from insatsportal.cases.models import Case
from insatsportal.interventions.models import Intervention
from insatsportal.reports.models import Deviation

pytestmark = pytest.mark.django_db


def _intervention():
    return Intervention.objects.get(name="En väg in – steget vidare")


DESCRIPTION = "Färre deltagare än planerat under kvartalet."


def _mine():
    return Deviation.objects.filter(description=DESCRIPTION)


def _report(client, **data):
    return client.post(reverse("reports:deviations", args=[_intervention().pk]), {
        "form_token": str(uuid.uuid4()), "kind": "participant_volume",
        "description": DESCRIPTION,
        "consequence": "Målet om 60 per år nås inte.",
        "proposed_measure": "Förlänga insatsen med sex månader.", "decision_needed": "on",
        **data,
    })


def test_owner_reports_a_deviation_that_reaches_the_office_inbox_and_start_page(login):
    assert _report(login("insatsansvarig")).status_code == 302
    deviation = _mine().get()
    assert deviation.status == Deviation.Status.NEW
    office = login("kansli")
    assert "Färre deltagare" in office.get(reverse("reports:deviation_inbox")).content.decode()
    start = office.get(reverse("core:start")).content.decode()
    assert reverse("reports:deviation_inbox") in start


def test_a_deviation_needing_a_decision_becomes_a_case_linked_to_the_intervention(login):
    _report(login("insatsansvarig"))
    deviation = _mine().get()
    office = login("kansli")
    office.post(reverse("reports:deviation_open_case", args=[deviation.pk]))
    deviation.refresh_from_db()
    assert deviation.status == Deviation.Status.CASE_OPENED
    case = Case.objects.get(pk=deviation.case_id)
    assert case.intervention == _intervention()
    assert case.application is None
    office.post(reverse("reports:deviation_open_case", args=[deviation.pk]))
    assert Case.objects.filter(deviation__isnull=False).count() == 1


def test_a_deviation_without_a_decision_needed_does_not_become_a_case(login):
    _report(login("insatsansvarig"), decision_needed="")
    deviation = _mine().get()
    login("kansli").post(reverse("reports:deviation_open_case", args=[deviation.pk]))
    deviation.refresh_from_db()
    assert deviation.case is None


def test_personal_identity_numbers_are_refused_in_the_text(login):
    before = Deviation.objects.count()
    response = _report(login("insatsansvarig"), description="Deltagare 19900101-0017 slutade.")
    assert response.status_code == 200
    assert Deviation.objects.count() == before


def test_only_the_owner_staff_report_and_only_the_office_handles(login):
    assert _report(login("styrelse")).status_code == 403
    _report(login("insatsansvarig"))
    deviation = _mine().get()
    assert login("styrelse").post(
        reverse("reports:deviation_acknowledge", args=[deviation.pk])).status_code == 403
    login("kansli").post(reverse("reports:deviation_acknowledge", args=[deviation.pk]))
    deviation.refresh_from_db()
    assert deviation.status == Deviation.Status.ACKNOWLEDGED
