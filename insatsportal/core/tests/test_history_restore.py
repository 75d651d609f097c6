"""An overwritten text can be seen in the history and restored by the office."""

import json

import pytest
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.core.audit import audit_history
from insatsportal.core.models import AuditEntry
from insatsportal.core.tests import filled
from insatsportal.reports.models import QuarterlyReport
from insatsportal.reports.quarterly import services

FIRST = "Det som gick bra: alla sex deltagare kom till varje träff."
SECOND = "Skrivet över av misstag."


@pytest.fixture
def report(demo):
    return filled._report(filled.build().intervention)


def _page(report):
    return reverse("reports:quarterly", kwargs={"pk": report.intervention_id,
                                                 "year": report.year, "quarter": report.quarter})


def _overwrite(report):
    owner = User.objects.get(username="insatsansvarig")
    report = services.report_save(report=report, actor=owner, went_well=FIRST,
                                  problems=report.problems, samverkan=report.samverkan,
                                  next_quarter=report.next_quarter)
    services.report_save(report=report, actor=owner, went_well=SECOND,
                         problems=report.problems, samverkan=report.samverkan,
                         next_quarter=report.next_quarter)
    return audit_history(report).filter(action="quarterly_report.saved").first()


def test_the_log_keeps_the_old_and_the_new_text(report):
    entry = _overwrite(report)
    assert entry.data["changes"] == {"went_well": [FIRST, SECOND]}


def test_the_office_sees_the_overwritten_text_and_restores_it(login, report):
    entry = _overwrite(report)
    office = login("kansli")
    page = office.get(_page(report)).content.decode()
    link = reverse("core:history_entry", args=[entry.uuid])
    assert link in page
    shown = office.get(link).content.decode()
    assert FIRST in shown and SECOND in shown

    answer = office.post(reverse("core:history_restore", args=[entry.uuid]),
                         {"field": "went_well"})
    assert answer.status_code == 302
    report = QuarterlyReport.objects.get(pk=report.pk)
    assert report.went_well == FIRST
    restored = audit_history(report).first()
    assert restored.action == "history.restored"
    assert restored.actor.username == "kansli"
    assert restored.data["changes"] == {"went_well": [SECOND, FIRST]}


def test_only_the_office_restores(login, report):
    entry = _overwrite(report)
    owner = login("insatsansvarig")
    assert owner.get(reverse("core:history_entry", args=[entry.uuid])).status_code == 403
    answer = owner.post(reverse("core:history_restore", args=[entry.uuid]),
                        {"field": "went_well"})
    assert answer.status_code == 403
    assert QuarterlyReport.objects.get(pk=report.pk).went_well == SECOND


def test_a_submitted_report_is_not_changed_by_a_restore(login, report):
    entry = _overwrite(report)
    QuarterlyReport.objects.filter(pk=report.pk).update(status=QuarterlyReport.Status.SUBMITTED)
    login("kansli").post(reverse("core:history_restore", args=[entry.uuid]),
                         {"field": "went_well"})
    assert QuarterlyReport.objects.get(pk=report.pk).went_well == SECOND


def test_a_personnummer_never_enters_the_log(report):
    owner = User.objects.get(username="insatsansvarig")
    services.report_save(report=report, actor=owner, went_well="Ring 19900101-0017 om tiden.",
                         problems=report.problems, samverkan=report.samverkan,
                         next_quarter=report.next_quarter)
    stored = json.dumps([entry.data for entry in AuditEntry.objects.all()])
    assert "19900101" not in stored and "900101" not in stored
