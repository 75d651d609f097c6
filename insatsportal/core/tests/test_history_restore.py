"""An overwritten text can be seen in the history and restored by the office."""

import html
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


# --- The decision proposal and a paragraph's minutes ------------------------------------

MATTER = "Ärendet: förbundet har tagit emot en ansökan om fortsatt stöd."
MINUTES = "Förbundschefen föredrar ärendet. Styrelsen beslutar enligt förslaget."


@pytest.fixture
def case(demo):
    import datetime

    from insatsportal.cases import selectors as case_selectors
    from insatsportal.cases import services as case_services
    from insatsportal.cases.models import Case

    office = User.objects.get(username="kansli")
    case = Case.objects.get(number="2021-15")
    case_services.case_start_preparation(case=case, actor=office)
    draft = case_selectors.case_draft(case)
    case_services.proposal_save(case=case, draft=draft, amount=4_800_000, matter=MATTER,
                                period_start=datetime.date(2027, 1, 1),
                                period_end=datetime.date(2028, 12, 31), actor=office)
    return case


def _overwrite_proposal(case):
    from insatsportal.cases import selectors as case_selectors
    from insatsportal.cases import services as case_services

    proposal = case.proposal
    case_services.proposal_save(
        case=case, draft=case_selectors.case_draft(case), amount=proposal.amount,
        period_start=proposal.period_start, period_end=proposal.period_end,
        matter="Skrivet över av misstag.", actor=User.objects.get(username="kansli"))
    return audit_history(case).filter(action="case.proposal_edited").first()


def test_the_office_restores_an_overwritten_proposal_text(login, case):
    from insatsportal.cases.models import DecisionProposal

    entry = _overwrite_proposal(case)
    office = login("kansli")
    link = reverse("core:history_entry", args=[entry.uuid])
    assert link in office.get(reverse("cases:detail", args=[case.pk])).content.decode()
    shown = html.unescape(office.get(link).content.decode())
    assert MATTER in shown and "Skrivet över av misstag." in shown

    answer = office.post(reverse("core:history_restore", args=[entry.uuid]), {"field": "matter"})
    assert answer.status_code == 302
    proposal = DecisionProposal.objects.get(case=case)
    assert proposal.matter == MATTER
    assert proposal.updated_by.username == "kansli"
    restored = audit_history(case).first()
    assert restored.action == "history.restored"
    assert restored.data["changes"] == {"matter": ["Skrivet över av misstag.", MATTER]}


def test_a_decided_case_keeps_its_proposal(login, case):
    from insatsportal.cases.models import Case, DecisionProposal

    entry = _overwrite_proposal(case)
    Case.objects.filter(pk=case.pk).update(status=Case.Status.DECIDED)
    answer = login("kansli").post(reverse("core:history_restore", args=[entry.uuid]),
                                  {"field": "matter"}, follow=True)
    assert "can no longer be changed" in answer.content.decode() or \
        "kan inte längre ändras" in answer.content.decode()
    assert DecisionProposal.objects.get(case=case).matter == "Skrivet över av misstag."
    assert not audit_history(case).filter(action="history.restored").exists()


@pytest.fixture
def paragraph(case):
    import datetime

    from insatsportal.cases import services as case_services
    from insatsportal.cases.models.meeting import Body

    office = User.objects.get(username="kansli")
    meeting = case_services.meeting_create(body=Body.BOARD, date=datetime.date(2026, 12, 10),
                                           actor=office)
    item = case_services.agenda_add(meeting=meeting, case=case, actor=office)
    case_services.agenda_minutes_save(item=item, minutes=MINUTES, actor=office)
    case_services.agenda_minutes_save(item=item, minutes="Fel paragraf inklistrad.",
                                      actor=office)
    return item


def test_the_office_restores_a_paragraphs_minutes(login, paragraph):
    from insatsportal.cases.models import AgendaItem

    meeting = paragraph.meeting
    entry = audit_history(meeting).filter(action="meeting.minutes_written").first()
    office = login("kansli")
    link = reverse("core:history_entry", args=[entry.uuid])
    assert link in office.get(reverse("cases:meeting", args=[meeting.pk])).content.decode()
    answer = office.post(reverse("core:history_restore", args=[entry.uuid]),
                         {"field": "minutes"})
    assert answer.status_code == 302
    assert AgendaItem.objects.get(pk=paragraph.pk).minutes == MINUTES
    restored = audit_history(meeting).first()
    assert restored.action == "history.restored"
    assert restored.data["paragraph"] == paragraph.paragraph
    assert restored.data["changes"] == {"minutes": ["Fel paragraf inklistrad.", MINUTES]}

    # The restore is itself in the history, and can be undone from there.
    office.post(reverse("core:history_restore", args=[restored.uuid]), {"field": "minutes"})
    assert AgendaItem.objects.get(pk=paragraph.pk).minutes == "Fel paragraf inklistrad."


def test_approved_minutes_are_not_changed_by_a_restore(login, paragraph):
    import datetime

    from insatsportal.cases.models import AgendaItem, Meeting

    meeting = paragraph.meeting
    entry = audit_history(meeting).filter(action="meeting.minutes_written").first()
    Meeting.objects.filter(pk=meeting.pk).update(minutes_approved_on=datetime.date(2026, 12, 17))
    login("kansli").post(reverse("core:history_restore", args=[entry.uuid]),
                         {"field": "minutes"})
    assert AgendaItem.objects.get(pk=paragraph.pk).minutes == "Fel paragraf inklistrad."
    assert not audit_history(meeting).filter(action="history.restored").exists()


def test_a_personnummer_in_the_minutes_never_enters_the_log(login, paragraph):
    from insatsportal.cases import services as case_services
    from insatsportal.cases.models import AgendaItem

    office = User.objects.get(username="kansli")
    case_services.agenda_minutes_save(item=paragraph, minutes="Ring 19900101-0017 om saken.",
                                      actor=office)
    case_services.agenda_minutes_save(item=paragraph, minutes=MINUTES, actor=office)
    stored = json.dumps([entry.data for entry in AuditEntry.objects.all()])
    assert "19900101" not in stored and "900101" not in stored
    # The masked text is never written back in place of the minutes.
    masked = audit_history(paragraph.meeting).filter(action="meeting.minutes_written").first()
    login("kansli").post(reverse("core:history_restore", args=[masked.uuid]),
                         {"field": "minutes"})
    assert AgendaItem.objects.get(pk=paragraph.pk).minutes == MINUTES
