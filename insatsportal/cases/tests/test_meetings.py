"""Meetings keep their word: justered minutes are fixed, the working committee proposes,
the protokoll states justering, posting and the appeal period, the board's papers are whole."""

import datetime
import io
import re

import docx
import pypdf
import pytest
from django.forms.models import model_to_dict

from insatsportal.accounts.models import User
from insatsportal.cases import appeal, selectors, services
from insatsportal.cases.models import AgendaItem, Case, Decision, Meeting
from insatsportal.cases.models.meeting import Body
from insatsportal.core.models import AuditEntry

D = datetime.date


@pytest.fixture
def kansli(demo):
    return User.objects.get(username="kansli")


@pytest.fixture
def jobbcentrum(demo, kansli):
    case = Case.objects.get(number="2021-15")
    services.case_start_preparation(case=case, actor=kansli)
    draft = selectors.case_draft(case, amount=4_800_000, period_start=D(2027, 1, 1),
                                 period_end=D(2028, 12, 31))
    services.proposal_save(case=case, draft=draft, amount=4_800_000,
                           period_start=D(2027, 1, 1), period_end=D(2028, 12, 31), actor=kansli)
    return case


BOARD_DAY = D(2026, 12, 10)


def _board(kansli, day=BOARD_DAY):
    meeting = services.meeting_create(body=Body.BOARD, date=day, actor=kansli)
    return services.meeting_update(meeting=meeting, actor=kansli, chair="Ola Ordförande",
                                   secretary="Siv Sekreterare", adjuster="Anna Justerare",
                                   present="Ola Ordförande\nAnna Justerare\nBo Ledamot")


def _decided_and_approved(case, kansli):
    board = _board(kansli)
    item = services.agenda_add(meeting=board, case=case, actor=kansli)
    services.agenda_minutes_save(item=item, minutes="Förbundschefen föredrar ärendet.",
                                 actor=kansli)
    services.decision_record(case=case, outcome=Decision.Outcome.PARTLY_GRANTED,
                             decided_on=board.date, amount=4_800_000,
                             period_start=D(2027, 1, 1), period_end=D(2028, 12, 31),
                             agenda_item=item, actor=kansli)
    services.minutes_approve(meeting=board, approved_on=D(2026, 12, 17), actor=kansli)
    board.refresh_from_db()
    return board, item


def _snapshot(meeting):
    meeting.refresh_from_db()
    items = [model_to_dict(item) for item in AgendaItem.objects.filter(meeting=meeting)]
    return model_to_dict(meeting), items, AuditEntry.objects.count()


def test_justered_minutes_refuse_every_change_posted_to_them(login, jobbcentrum, kansli):
    board, item = _decided_and_approved(jobbcentrum, kansli)
    other = Case.objects.filter(status__in=Case.OPEN).first()
    before = _snapshot(board)
    client = login("kansli")
    posts = [
        (f"/arenden/moten/{board.pk}/arende/", {"case": other.pk}),
        (f"/arenden/moten/{board.pk}/protokoll/{item.paragraph}/", {"minutes": "Ändrat."}),
        (f"/arenden/moten/{board.pk}/justering/", {"approved_on": "2026-12-20"}),
        (f"/arenden/moten/{board.pk}/uppgifter/", {"adjuster": "Någon annan", "present": "X"}),
        (f"/arenden/moten/{board.pk}/rattelse/", {"corrects": item.pk, "minutes": "Rättat."}),
    ]
    for url, data in posts:
        response = client.post(url, data, follow=True)
        assert response.status_code == 200, url
        assert "Protokollet är justerat och kan inte längre ändras" in response.content.decode() \
            or "Välj paragrafen" in response.content.decode(), url
    assert _snapshot(board) == before
    other.refresh_from_db()
    assert other.status != Case.Status.ON_AGENDA


def test_the_page_of_justered_minutes_offers_no_form_to_change_them(login, jobbcentrum, kansli):
    board, item = _decided_and_approved(jobbcentrum, kansli)
    page = login("kansli").get(f"/arenden/moten/{board.pk}/").content.decode()
    assert "Förbundschefen föredrar ärendet." in page
    assert f"/protokoll/{item.paragraph}/" not in page
    assert "/arende/" not in page and "/justering/" not in page and "/uppgifter/" not in page
    assert "Justerat 2026-12-17 av Anna Justerare" in page


def test_a_decision_cannot_be_filed_under_justered_minutes(jobbcentrum, kansli):
    board = _board(kansli)
    item = services.agenda_add(meeting=board, case=jobbcentrum, actor=kansli)
    services.minutes_approve(meeting=board, approved_on=D(2026, 12, 17), actor=kansli)
    with pytest.raises(services.CaseError, match="justerat"):
        services.decision_record(case=jobbcentrum, outcome="rejected", decided_on=board.date,
                                 agenda_item=item, actor=kansli)
    assert not Decision.objects.filter(case=jobbcentrum).exists()


def test_justering_needs_the_named_adjuster(jobbcentrum, kansli):
    board = services.meeting_create(body=Body.BOARD, date=D(2026, 12, 10), actor=kansli)
    with pytest.raises(services.CaseError, match="justerare"):
        services.minutes_approve(meeting=board, approved_on=D(2026, 12, 17), actor=kansli)
    board.refresh_from_db()
    assert board.minutes_approved_on is None


def test_a_correction_is_a_logged_paragraph_of_a_later_meeting(jobbcentrum, kansli):
    board, item = _decided_and_approved(jobbcentrum, kansli)
    later = _board(kansli, D(2027, 2, 4))
    with pytest.raises(services.CaseError):
        services.agenda_correction_add(meeting=board, corrects=item, minutes="x", actor=kansli)
    correction = services.agenda_correction_add(
        meeting=later, corrects=item, minutes="I § 1 ska villkoret lyda …", actor=kansli)
    assert (correction.paragraph, correction.corrects, correction.case) == (1, item, jobbcentrum)
    assert AuditEntry.objects.filter(action="case.minutes_corrected",
                                     object_id=str(jobbcentrum.pk)).exists()
    item.refresh_from_db()
    assert item.minutes == "Förbundschefen föredrar ärendet."  # the original stands


def test_the_working_committee_proposes_and_never_decides(jobbcentrum, kansli):
    committee = services.meeting_create(body=Body.WORKING_COMMITTEE, date=D(2026, 11, 20),
                                        actor=kansli)
    proposal_item = services.agenda_add(meeting=committee, case=jobbcentrum, actor=kansli)
    with pytest.raises(services.CaseError, match="arbetsutskottet|Arbetsutskottets"):
        services.decision_record(case=jobbcentrum, outcome="granted", decided_on=committee.date,
                                 amount=1, period_start=D(2027, 1, 1),
                                 period_end=D(2027, 12, 31), agenda_item=proposal_item,
                                 actor=kansli)
    assert committee.appeal_ends_on is None
    assert proposal_item not in selectors.decision_agenda_items(jobbcentrum)


def test_the_decision_form_names_meeting_and_paragraph_and_chooses_nothing(
    login, jobbcentrum, kansli
):
    committee = services.meeting_create(body=Body.WORKING_COMMITTEE, date=D(2026, 11, 20),
                                        actor=kansli)
    services.agenda_add(meeting=committee, case=jobbcentrum, actor=kansli)
    board = _board(kansli)
    services.agenda_add(meeting=board, case=jobbcentrum, actor=kansli)
    page = login("kansli").get(f"/arenden/{jobbcentrum.pk}/beslut/").content.decode()
    assert "Förbundsstyrelsen 2026-12-10, § 1: 2021-15 Jobbcentrum – din väg framåt" in page
    assert "Arbetsutskottet 2026-11-20" not in page
    options = page.split('name="agenda_item"')[1].split("</select>")[0]
    assert re.search(r'<option value="\d+"[^>]* selected', options) is None
    assert '<option value="" selected>' in options
    assert "checked" not in page.split('name="outcome"')[1].split("</fieldset>")[0]


def test_a_decision_under_a_paragraph_is_dated_the_meeting_day(login, jobbcentrum, kansli):
    board = _board(kansli)
    item = services.agenda_add(meeting=board, case=jobbcentrum, actor=kansli)
    response = login("kansli").post(f"/arenden/{jobbcentrum.pk}/beslut/", {
        "outcome": "rejected", "decided_on": "2026-12-11", "agenda_item": item.pk})
    assert response.status_code == 200
    assert "mötesdagen" in response.content.decode() or "2026-12-10" in response.content.decode()
    assert not Decision.objects.filter(case=jobbcentrum).exists()


@pytest.mark.parametrize(("posted", "last_day"), [
    (D(2026, 12, 18), D(2027, 1, 8)),    # three weeks, a Friday
    (D(2026, 12, 3), D(2026, 12, 28)),   # 24 December: julafton, juldagen, annandag, weekend
    (D(2027, 3, 5), D(2027, 3, 30)),     # 26 March 2027 is Good Friday, 29 Easter Monday
    (D(2027, 5, 29), D(2027, 6, 21)),    # a Saturday posting, the last day a Saturday
])
def test_the_appeal_period_is_three_weeks_moved_past_holidays(posted, last_day):
    assert appeal.appeal_last_day(posted) == last_day


def _minutes_text(client, meeting):
    word = docx.Document(io.BytesIO(
        client.get(f"/arenden/moten/{meeting.pk}/protokoll.docx").content))
    pdf = pypdf.PdfReader(io.BytesIO(
        client.get(f"/arenden/moten/{meeting.pk}/protokoll.pdf").content))
    word_text = "\n".join(p.text for p in word.paragraphs)
    pdf_text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    return word_text, pdf_text


def test_the_protokoll_states_justering_and_no_legal_force_before_the_appeal_period(
    login, jobbcentrum, kansli
):
    board, _item = _decided_and_approved(jobbcentrum, kansli)
    client = login("styrelse")
    word, pdf = _minutes_text(client, board)
    for text in (word, " ".join(word.split()), pdf):
        assert "laga kraft" in text
    assert "Protokollet justerades den 17 december 2026 av justerare Anna Justerare." in word
    assert "Närvarande ledamöter: Ola Ordförande\nAnna Justerare\nBo Ledamot" in word
    assert "att bevilja Enköpings kommun finansiellt stöd" in word
    assert "delvis bifall" in word
    assert "inte anslaget" in word
    assert "har vunnit laga kraft" not in word and "senast den" not in word

    services.minutes_post(meeting=board, posted_on=D(2026, 12, 18), actor=kansli)
    word, pdf = _minutes_text(client, board)
    assert "anslogs på förbundets anslagstavla den 18 december 2026" in word
    assert "13 kap. kommunallagen (2017:725)" in word
    assert "senast den 8 januari 2027" in word
    assert "senast den 8 januari 2027" in pdf
    page = client.get(f"/arenden/{jobbcentrum.pk}/").content.decode()
    assert "Vinner laga kraft om beslutet inte överklagas senast 2027-01-08" in page


def test_the_minutes_are_posted_once_and_only_after_justering(jobbcentrum, kansli):
    board = _board(kansli)
    with pytest.raises(services.CaseError):
        services.minutes_post(meeting=board, posted_on=D(2026, 12, 18), actor=kansli)
    services.minutes_approve(meeting=board, approved_on=D(2026, 12, 17), actor=kansli)
    with pytest.raises(services.CaseError):
        services.minutes_post(meeting=board, posted_on=D(2026, 12, 16), actor=kansli)
    services.minutes_post(meeting=board, posted_on=D(2026, 12, 18), actor=kansli)
    with pytest.raises(services.CaseError):
        services.minutes_post(meeting=board, posted_on=D(2026, 12, 21), actor=kansli)
    board.refresh_from_db()
    assert board.posted_on == D(2026, 12, 18)


def test_the_committee_minutes_say_they_are_proposals(login, jobbcentrum, kansli):
    committee = services.meeting_create(body=Body.WORKING_COMMITTEE, date=D(2026, 11, 20),
                                        actor=kansli)
    item = services.agenda_add(meeting=committee, case=jobbcentrum, actor=kansli)
    services.agenda_minutes_save(item=item, minutes="Arbetsutskottet föreslår bifall.",
                                 actor=kansli)
    word, _pdf = _minutes_text(login("kansli"), committee)
    assert "Arbetsutskottet föreslår bifall." in word
    assert "är förslag; de är inte beslut i ärendena och vinner inte laga kraft" in word
    assert "anslagstavla" not in word


def test_the_boards_papers_hold_agenda_proposal_committee_minute_and_application(
    login, jobbcentrum, kansli
):
    committee = services.meeting_create(body=Body.WORKING_COMMITTEE, date=D(2026, 11, 20),
                                        actor=kansli)
    item = services.agenda_add(meeting=committee, case=jobbcentrum, actor=kansli)
    services.agenda_minutes_save(item=item, minutes="AU föreslår styrelsen att bevilja.",
                                 actor=kansli)
    board = _board(kansli)
    services.agenda_add(meeting=board, case=jobbcentrum, actor=kansli)
    response = login("styrelse").get(f"/arenden/moten/{board.pk}/handlingar.pdf")
    pdf = pypdf.PdfReader(io.BytesIO(response.content))
    text = " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)
    agenda = text.index("Föredragningslista")
    proposal = text.index("Förslag till beslut", agenda)
    minute = text.index("Utdrag ur arbetsutskottets protokoll 20 november 2026 § 1")
    annex = text.index("Bilaga till § 1")
    assert agenda < minute < proposal < annex
    assert "AU föreslår styrelsen att bevilja." in text
    assert "Jobbcentrum – din väg framåt" in text[annex:]
    assert "Budgetsammanställning" in text[annex:] or "Budget" in text[annex:]
    assert pdf.metadata.title == "Handlingar till förbundsstyrelsens sammanträde 10 december 2026"


def test_the_board_member_sees_the_coming_meeting_with_its_papers(login, jobbcentrum, kansli,
                                                                  settings):
    from django.utils import timezone

    today = timezone.localdate()
    board = _board(kansli, today + datetime.timedelta(days=7))
    services.agenda_add(meeting=board, case=jobbcentrum, actor=kansli)
    services.meeting_create(body=Body.BOARD, date=today - datetime.timedelta(days=7),
                            actor=kansli)
    page = login("styrelse").get("/").content.decode()
    assert "Kommande sammanträden" in page
    # the papers are made in the background: the button starts the job
    assert f'action="/arenden/moten/{board.pk}/handlingar/"' in page
    assert "Ärenden på dagordningen: 1" in page
    assert str(today - datetime.timedelta(days=7)) not in page
    assert "Kommande sammanträden" not in login("insatsansvarig").get("/").content.decode()


def test_decisions_filed_under_the_committee_move_to_the_boards_paragraph(jobbcentrum, kansli):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("insatsportal.cases.migrations.0002_meeting_minutes")
    committee = Meeting.objects.create(body=Body.WORKING_COMMITTEE, date=D(2026, 11, 20))
    wrong = AgendaItem.objects.create(meeting=committee, case=jobbcentrum, paragraph=1)
    board = Meeting.objects.create(body=Body.BOARD, date=D(2026, 12, 10))
    right = AgendaItem.objects.create(meeting=board, case=jobbcentrum, paragraph=4)
    decision = Decision.objects.create(case=jobbcentrum, agenda_item=wrong, outcome="rejected",
                                       paragraph="§ 1", decided_on=board.date)
    migration.detach_decisions_from_the_working_committee(apps, None)
    decision.refresh_from_db()
    assert (decision.agenda_item, decision.paragraph) == (right, "§ 4")


@pytest.mark.parametrize("role", ["anonymous", "styrelse", "insatsansvarig", "deltagaransvarig",
                                  "handlaggare", "rapportlasare"])
def test_only_the_office_changes_a_meeting(login, jobbcentrum, kansli, role):
    board = _board(kansli)
    item = services.agenda_add(meeting=board, case=jobbcentrum, actor=kansli)
    earlier = Meeting.objects.filter(body=Body.BOARD, minutes_approved_on__isnull=False).first()
    before = _snapshot(board)
    client = login(role)
    posts = [
        ("arende/", {"case": Case.objects.filter(status__in=Case.OPEN).first().pk}),
        (f"protokoll/{item.paragraph}/", {"minutes": "Ändrat."}),
        ("uppgifter/", {"adjuster": "Någon annan", "present": "X"}),
        ("rattelse/", {"corrects": earlier.items.first().pk, "minutes": "Rättat."}),
        ("justering/", {"approved_on": "2026-12-20"}),
        ("anslag/", {"posted_on": "2026-12-21"}),
    ]
    for path, data in posts:
        response = client.post(f"/arenden/moten/{board.pk}/{path}", data)
        assert response.status_code == (302 if role == "anonymous" else 403), path
        if role == "anonymous":
            assert "/konto/logga-in/" in response["Location"]
    assert _snapshot(board) == before


def test_the_demo_decision_shows_when_its_appeal_period_ended(login, demo):
    case = Case.objects.get(title="En väg in – steget vidare")
    page = login("insatsansvarig").get(f"/arenden/{case.pk}/").content.decode()
    assert "Justerat 2022-09-29" in page
    assert "Tiden för överklagande gick ut 2022-10-21" in page
