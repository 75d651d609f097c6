import datetime
import io

import docx
import pytest

from insatsportal.accounts.models import User
from insatsportal.applications.models import Application
from insatsportal.cases import selectors, services
from insatsportal.cases.models import Case, Decision, Meeting, Recommendation
from insatsportal.cases.models.meeting import Body
from insatsportal.core.models import AuditEntry
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.selectors import association_current

D = datetime.date


@pytest.fixture
def kansli(demo):
    return User.objects.get(username="kansli")


@pytest.fixture
def jobbcentrum(demo):
    return Case.objects.get(number="2021-15")


def test_the_demo_has_the_seeds_decisions_linked_to_application_and_intervention(demo):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    amounts = sorted(g.amount for g in intervention.grants.all())
    assert amounts == [3_391_000, 5_900_000]
    extension = Decision.objects.get(amount=3_391_000)
    assert extension.case.application.name == "En väg in – steget vidare"
    assert (extension.period_start, extension.period_end) == (D(2023, 1, 1), D(2024, 12, 31))
    assert extension.is_final
    assert extension.case.application.status == Application.Status.DECIDED


def test_a_submitted_application_gets_a_case_number_of_the_year(demo, kansli, settings):
    association = association_current()
    association.case_number_format = "Dnr {year}/{seq:03d}"
    association.save()
    first = services.case_number_next(year=2027)
    second = services.case_number_next(year=2027)
    assert (first, second) == ("Dnr 2027/001", "Dnr 2027/002")
    assert services.case_number_next(year=2028) == "Dnr 2028/001"


def test_the_whole_flow_from_submission_to_a_running_intervention(jobbcentrum, kansli):
    case = jobbcentrum
    services.case_start_preparation(case=case, actor=kansli)
    services.recommendation_record(case=case, outcome=Recommendation.Outcome.GRANT,
                                   motivation="Väl förankrad.", actor=kansli)
    draft = selectors.case_draft(case, amount=5_000_000, period_start=D(2027, 1, 1),
                                 period_end=D(2028, 12, 31))
    proposal = services.proposal_save(case=case, draft=draft, amount=5_000_000,
                                      period_start=D(2027, 1, 1), period_end=D(2028, 12, 31),
                                      actor=kansli)
    assert proposal.clauses[0].endswith(
        "1 januari 2027 till 31 december 2028, maximalt 5\xa0000\xa0000\xa0kronor"
    )
    board = services.meeting_create(body=Body.BOARD, date=D(2026, 12, 10), actor=kansli)
    item = services.agenda_add(meeting=board, case=case, actor=kansli)
    decision = services.decision_record(
        case=case, outcome=Decision.Outcome.PARTLY_GRANTED, decided_on=board.date,
        amount=5_000_000, period_start=D(2027, 1, 1), period_end=D(2028, 12, 31),
        agenda_item=item, actor=kansli,
    )
    case.refresh_from_db()
    assert case.status == Case.Status.DECIDED
    assert decision.paragraph == f"§ {item.paragraph}"
    intervention = case.intervention
    assert intervention.name == "Jobbcentrum – din väg framåt"
    assert intervention.owner.name == "Enköpings kommun"
    assert intervention.grants.get().amount == 5_000_000
    assert set(intervention.partners.values_list("name", flat=True)) == {"Arbetsförmedlingen"}
    assert intervention.applications.get() == case.application
    assert not decision.is_final
    services.meeting_update(meeting=board, adjuster="Anna Justerare", actor=kansli)
    services.minutes_approve(meeting=board, approved_on=D(2026, 12, 17), actor=kansli)
    decision.refresh_from_db()
    assert decision.is_final
    actions = set(AuditEntry.objects.filter(object_id=str(case.pk)).values_list("action",
                                                                                flat=True))
    assert {"case.opened", "case.preparation_started", "case.recommended",
            "case.proposal_drafted", "case.decided"} <= actions


def test_a_completion_request_returns_the_application_and_the_resubmission_the_case(
    jobbcentrum, kansli
):
    case = jobbcentrum
    services.case_start_preparation(case=case, actor=kansli)
    services.recommendation_record(case=case, outcome=Recommendation.Outcome.COMPLETE,
                                   motivation="Budgeten stämmer inte.",
                                   questions="Rätta lönernas period.", actor=kansli)
    application = Application.objects.get(pk=case.application_id)
    assert application.status == Application.Status.RETURNED
    case.refresh_from_db()
    assert case.status == Case.Status.COMPLETION_REQUESTED
    from insatsportal.applications import completion

    completion.completion_answers_save(actor=None, application=application, answers={
        q.pk: "Perioden är rättad." for q in completion.open_questions(application)})
    services.application_resubmit(actor=None, application=application)
    case.refresh_from_db()
    assert case.status == Case.Status.IN_PREPARATION
    assert Case.objects.filter(application=application).count() == 1
    application.refresh_from_db()
    assert application.status == Application.Status.UNDER_PREPARATION


def test_completion_needs_questions(jobbcentrum, kansli):
    services.case_start_preparation(case=jobbcentrum, actor=kansli)
    with pytest.raises(services.CaseError):
        services.recommendation_record(case=jobbcentrum, outcome="complete", motivation="x",
                                       questions=" ", actor=kansli)


def test_a_case_cannot_be_decided_twice(demo, kansli):
    case = Case.objects.get(title="En väg in – steget vidare")
    with pytest.raises(services.CaseError, match="redan beslutat"):
        services.decision_record(case=case, outcome="rejected", decided_on=D(2026, 1, 1),
                                 actor=kansli)


def test_a_grant_needs_amount_and_period(jobbcentrum, kansli):
    services.case_start_preparation(case=jobbcentrum, actor=kansli)
    with pytest.raises(services.CaseError):
        services.decision_record(case=jobbcentrum, outcome="granted",
                                 decided_on=D(2026, 1, 1), actor=kansli)


def test_a_rejection_creates_no_intervention(jobbcentrum, kansli):
    services.case_start_preparation(case=jobbcentrum, actor=kansli)
    before = Intervention.objects.count()
    services.decision_record(case=jobbcentrum, outcome="rejected", decided_on=D(2026, 1, 1),
                             actor=kansli)
    assert Intervention.objects.count() == before


def test_the_same_day_cannot_have_two_meetings_of_one_body(demo, kansli):
    services.meeting_create(body=Body.BOARD, date=D(2027, 3, 1), actor=kansli)
    with pytest.raises(services.CaseError):
        services.meeting_create(body=Body.BOARD, date=D(2027, 3, 1), actor=kansli)


def test_paragraphs_are_numbered_in_order(demo, kansli):
    meeting = Meeting.objects.create(body=Body.WORKING_COMMITTEE, date=D(2027, 2, 1))
    open_cases = Case.objects.filter(status__in=Case.OPEN)[:2]
    paragraphs = [services.agenda_add(meeting=meeting, case=c, actor=kansli).paragraph
                  for c in open_cases]
    assert paragraphs == [1, 2]


def test_the_office_downloads_the_proposal_as_word(login, demo):
    case = Case.objects.get(title="En väg in – steget vidare")
    response = login("kansli").get(f"/arenden/{case.pk}/forslag.docx")
    word = docx.Document(io.BytesIO(response.content))
    texts = [p.text for p in word.paragraphs]
    assert "Arbetsutskottet föreslår förbundsstyrelsen besluta" in texts
    assert any(t.startswith("att bevilja finansiellt stöd") and "3\xa0391\xa0000\xa0kronor" in t
               for t in texts)
    assert "Åsa Fichtel, Förbundschef" in texts


def test_the_office_downloads_the_meetings_papers_as_pdf(login, demo):
    import pypdf

    meeting = Meeting.objects.get(body=Body.BOARD, date=D(2022, 9, 22))
    response = login("styrelse").get(f"/arenden/moten/{meeting.pk}/handlingar.pdf")
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)
    assert "En väg in – steget vidare" in text
    assert "Förslag till beslut" in text


def test_the_intervention_shows_its_chain_and_total_granted(login, demo):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    page = login("styrelse").get(f"/insatser/{intervention.pk}/").content.decode()
    assert "9\xa0291\xa0000\xa0kr" in page
    chain = page[page.index('id="chain-heading"'):]  # the periods table above lists grants too
    first, application, last = (chain.index("5\xa0900\xa0000"), chain.index("2022-01-01 –"),
                                chain.index("3\xa0391\xa0000"))
    assert first < application < last


def test_the_owner_sees_the_outcome_but_not_the_preparation(login, demo):
    case = Case.objects.get(title="En väg in – steget vidare")
    page = login("insatsansvarig").get(f"/arenden/{case.pk}/").content.decode()
    assert "Bifall" in page
    assert "Kontrollista för beredning" not in page
    other = Case.objects.get(number="2021-15")
    assert login("insatsansvarig").get(f"/arenden/{other.pk}/").status_code == 404


def test_minutes_are_written_per_paragraph_and_fixed_at_approval(login, demo, kansli):
    meeting = services.meeting_create(body=Body.BOARD, date=D(2027, 5, 1), actor=kansli)
    case = Case.objects.get(number="2021-15")
    item = services.agenda_add(meeting=meeting, case=case, actor=kansli)
    client = login("kansli")
    client.post(f"/arenden/moten/{meeting.pk}/protokoll/{item.paragraph}/",
                {"minutes": "Styrelsen beslutar enligt förslaget."})
    item.refresh_from_db()
    assert item.minutes == "Styrelsen beslutar enligt förslaget."
    services.meeting_update(meeting=meeting, adjuster="Anna Justerare", actor=kansli)
    services.minutes_approve(meeting=meeting, approved_on=D(2027, 5, 8), actor=kansli)
    item.refresh_from_db()
    with pytest.raises(services.CaseError):
        services.agenda_minutes_save(item=item, minutes="Ändrat i efterhand", actor=kansli)


def test_the_start_page_lists_open_cases_for_the_office(login, demo):
    page = login("kansli").get("/").content.decode()
    assert "2021-15 Jobbcentrum – din väg framåt" in page
    assert "Inkommet" in page
    assert "2021-15" not in login("styrelse").get("/").content.decode()


def test_the_start_page_tells_the_owner_about_a_returned_application(login, demo, kansli):
    case = Case.objects.get(title="En väg in – steget vidare")
    Case.objects.filter(pk=case.pk).update(status=Case.Status.COMPLETION_REQUESTED)
    page = login("insatsansvarig").get("/").content.decode()
    assert "En väg in – steget vidare" in page
    assert "Återsänd för komplettering" in page
