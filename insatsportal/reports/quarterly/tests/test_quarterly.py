import datetime
import io
import zipfile

import pytest
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.interventions.models import Intervention
from insatsportal.participants.tests import factories
from insatsportal.reports.errors import ReportError
from insatsportal.reports.models import Deviation, QuarterlyReport
from insatsportal.reports.quarterly import services as quarterly

pytestmark = pytest.mark.django_db
NARRATIVE = {"went_well": "Bra flöde.", "problems": "Sjukskrivning i teamet.",
             "samverkan": "Täta avstämningar.", "next_quarter": "Fler gruppaktiviteter."}


def _intervention():
    return Intervention.objects.get(name="En väg in – steget vidare")


def _owner():
    return User.objects.get(username="insatsansvarig")


def _submitted(year=2024, quarter=2):
    report = quarterly.report_open(intervention=_intervention(), year=year, quarter=quarter,
                                   actor=_owner())
    quarterly.report_save(report=report, actor=_owner(), **NARRATIVE)
    return quarterly.report_submit(report=report, actor=_owner(), today=datetime.date(2024, 7, 5))


def _pnr(serial: int) -> str:
    from stdnum import luhn

    body = f"900101{serial:03d}"
    return f"19900101-{serial:03d}{luhn.calc_check_digit(body)}"


def test_the_report_opens_with_the_quarters_figures_by_sex_with_small_groups_hidden(demo):
    for serial in range(1, 7):
        factories.enrol(factories.identified(pnr=_pnr(serial), name=f"Test {serial}"),
                        enrolled_on=datetime.date(2024, 5, 2))
    for serial in range(7, 12):
        factories.enrol(factories.identified(pnr=_pnr(serial), name=f"Man {serial}", sex="man"),
                        enrolled_on=datetime.date(2024, 5, 3))
    factories.enrol(factories.identified(pnr=_pnr(12), name="Annan", sex="annat"),
                    enrolled_on=datetime.date(2024, 6, 3))
    facts = quarterly.quarter_facts(_intervention(), 2024, 2)
    new = facts["participants"][0]
    assert new["total"] == 12
    # One "other" is hidden, and then the men too, so that 12 - 6 does not reveal them.
    assert new["cells"] == [6, None, None]
    assert "Test" not in str(facts)  # no names in the figures


def test_a_submitted_report_is_frozen(demo):
    report = _submitted()
    assert report.snapshot is not None
    frozen = report.snapshot
    Deviation.objects.create(intervention=_intervention(), kind="budget", description="Ny",
                             consequence="-", proposed_measure="-",
                             reported_on=datetime.date(2024, 5, 5))
    report.refresh_from_db()
    assert quarterly.report_facts(report) == frozen  # later data do not change it
    with pytest.raises(ReportError):
        quarterly.report_save(report=report, actor=_owner(), **{**NARRATIVE, "problems": "x"})
    with pytest.raises(ReportError):
        quarterly.report_submit(report=report, actor=_owner(), today=datetime.date(2024, 8, 1))
    report.refresh_from_db()
    assert report.problems == NARRATIVE["problems"]


def test_the_report_includes_the_quarters_deviations(demo):
    Deviation.objects.create(intervention=_intervention(), kind="staffing",
                             description="Vakans som coach", consequence="-",
                             proposed_measure="-", reported_on=datetime.date(2024, 5, 5))
    Deviation.objects.create(intervention=_intervention(), kind="budget",
                             description="Annat kvartal", consequence="-",
                             proposed_measure="-", reported_on=datetime.date(2024, 8, 5))
    report = _submitted()
    descriptions = [d["description"] for d in report.snapshot["deviations"]]
    assert "Vakans som coach" in descriptions
    assert "Annat kvartal" not in descriptions


def test_a_report_cannot_be_submitted_before_the_quarter_ends_or_without_narrative(demo):
    report = quarterly.report_open(intervention=_intervention(), year=2024, quarter=3,
                                   actor=_owner())
    with pytest.raises(ReportError):
        quarterly.report_submit(report=report, actor=_owner(), today=datetime.date(2024, 10, 5))
    quarterly.report_save(report=report, actor=_owner(), **NARRATIVE)
    with pytest.raises(ReportError):
        quarterly.report_submit(report=report, actor=_owner(), today=datetime.date(2024, 9, 1))


def test_the_office_accepts_or_returns_and_a_returned_report_opens_again(demo):
    office = User.objects.get(username="kansli")
    report = _submitted()
    with pytest.raises(ReportError):
        quarterly.report_review(report=report, actor=office, decision="return")  # no comment
    report = quarterly.report_review(report=report, actor=office, decision="return",
                                     comment="Beskriv samverkan mer.")
    assert report.status == QuarterlyReport.Status.RETURNED
    quarterly.report_save(report=report, actor=_owner(), **NARRATIVE)
    report = quarterly.report_submit(report=report, actor=_owner(),
                                     today=datetime.date(2024, 7, 20))
    report = quarterly.report_review(report=report, actor=office, decision="accept")
    assert report.status == QuarterlyReport.Status.ACCEPTED


def test_due_and_overdue_reports(demo, settings):
    settings.QUARTERLY_REPORT_DAYS = 30
    intervention = _intervention()
    due = quarterly.reports_due([intervention], today=datetime.date(2024, 7, 10))
    assert [(d.year, d.quarter, d.overdue) for d in due] == [(2024, 2, False)]
    late = quarterly.reports_due([intervention], today=datetime.date(2024, 8, 1))
    assert late[0].overdue
    _submitted()
    assert quarterly.reports_due([intervention], today=datetime.date(2024, 8, 1)) == []


def test_pages_submit_freeze_and_download(login, demo):
    intervention = _intervention()
    url = reverse("reports:quarterly", args=[intervention.pk, 2024, 2])
    owner = login("insatsansvarig")
    assert owner.post(url, {**NARRATIVE, "submit": "1"}).status_code == 302
    report = QuarterlyReport.objects.get(intervention=intervention, year=2024, quarter=2)
    assert report.status == QuarterlyReport.Status.SUBMITTED
    again = owner.post(url, {**NARRATIVE, "went_well": "Ändrat", "save": "1"})
    assert again.status_code == 200  # refused with a message, nothing saved
    report.refresh_from_db()
    assert report.went_well == NARRATIVE["went_well"]
    assert login("styrelse").post(url, NARRATIVE).status_code == 403
    for fmt, start in (("docx", b"PK"), ("pdf", b"%PDF")):
        response = login("kansli").get(
            reverse("reports:quarterly_download", args=[intervention.pk, 2024, 2, fmt]))
        assert response.content.startswith(start)
    office = login("kansli")
    office.post(reverse("reports:quarterly_review", args=[intervention.pk, 2024, 2]),
                {"decision": "accept", "comment": "Tack!"})
    report.refresh_from_db()
    assert report.status == QuarterlyReport.Status.ACCEPTED


def test_the_report_counts_the_quarters_ratings_improvement_and_activities_by_kind(demo):
    before = quarterly.quarter_facts(_intervention(), 2024, 2)
    assert before["progress"]["compared"] == 0  # the demo has nobody rated in the quarter
    people = [factories.identified(pnr=_pnr(serial), name=f"Test {serial}")
              for serial in range(1, 10)]
    for person in people[:5]:  # rated in Q1 and Q2, better
        factories.rate(person, rated_on=datetime.date(2024, 3, 1), value=2)
        factories.rate(person, rated_on=datetime.date(2024, 5, 1), value=3, occasion="quarterly")
    factories.rate(people[5], rated_on=datetime.date(2024, 3, 1), value=3)  # worse
    factories.rate(people[5], rated_on=datetime.date(2024, 5, 1), value=2, occasion="quarterly")
    factories.rate(people[6], rated_on=datetime.date(2024, 6, 1), value=2)  # rated once only
    factories.rate(people[7], rated_on=datetime.date(2024, 1, 10), value=2)  # not in Q2
    factories.rate(people[7], rated_on=datetime.date(2024, 2, 10), value=4)
    factories.activity(people[0], kind="coaching", occurred_on=datetime.date(2024, 4, 2))
    factories.activity(people[1], kind="coaching", occurred_on=datetime.date(2024, 6, 30))
    factories.activity(people[0], people[1], people[2], kind="group",
                       occurred_on=datetime.date(2024, 5, 20))
    factories.activity(people[3], kind="coaching", occurred_on=datetime.date(2024, 7, 1))  # Q3
    facts = quarterly.quarter_facts(_intervention(), 2024, 2)
    assert facts["progress"]["ratings"] - before["progress"]["ratings"] == 7  # 5 + 1 + 1
    assert facts["progress"]["compared"] == 6
    assert facts["progress"]["improved_share"] == 83.3  # 5 of 6
    counts = {row["key"]: row["count"] for row in facts["activities"]}
    old = {row["key"]: row["count"] for row in before["activities"]}
    assert counts["coaching"] - old["coaching"] == 2
    assert counts["group"] - old["group"] == 3  # one row per person


def test_the_quarters_progress_is_frozen_and_shown_on_the_page(login, demo):
    person = factories.identified()
    for serial in range(5):
        factories.activity(person, kind="sip", occurred_on=datetime.date(2024, 4, 2 + serial))
    report = _submitted()
    assert report.snapshot["progress"]["ratings"] >= 0
    frozen_sip = {row["key"]: row["count"] for row in report.snapshot["activities"]}
    factories.activity(person, kind="sip", occurred_on=datetime.date(2024, 4, 20))
    report.refresh_from_db()
    assert quarterly.report_facts(report)["activities"] == report.snapshot["activities"]
    page = login("insatsansvarig").get(
        reverse("reports:quarterly", args=[_intervention().pk, 2024, 2]))
    text = page.content.decode()
    assert "Progressionsmätningar under kvartalet" in text
    sip = str(frozen_sip["sip"])
    assert f'<td class="num">{sip}</td>' in text
    docx = login("kansli").get(
        reverse("reports:quarterly_download", args=[_intervention().pk, 2024, 2, "docx"]))
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        body = archive.read("word/document.xml").decode()
    assert "Progressionsmätningar och aktiviteter" in body
    assert "Antal under kvartalet" in body


def test_the_quarters_improvement_is_hidden_when_fewer_than_five_were_compared(demo):
    for serial in range(1, 5):
        person = factories.identified(pnr=_pnr(serial), name=f"Test {serial}")
        factories.rate(person, rated_on=datetime.date(2024, 3, 1), value=2)
        factories.rate(person, rated_on=datetime.date(2024, 5, 1), value=3, occasion="quarterly")
    progress = quarterly.quarter_facts(_intervention(), 2024, 2)["progress"]
    assert progress["ratings"] == 4
    assert progress["compared"] is None
    assert progress["improved_share"] is None


def _draft_queries(client, url, django_assert_max_num_queries) -> int:
    with django_assert_max_num_queries(40) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_a_draft_report_reads_as_many_queries_for_many_people_as_for_one(
        demo, login, django_assert_max_num_queries):
    url = reverse("reports:quarterly", args=[_intervention().pk, 2024, 2])
    client = login("kansli")
    factories.enrol(factories.identified(pnr=_pnr(1), name="Test 1"),
                    enrolled_on=datetime.date(2024, 5, 2))
    few = _draft_queries(client, url, django_assert_max_num_queries)
    for serial in range(2, 8):
        person = factories.identified(pnr=_pnr(serial), name=f"Test {serial}")
        factories.enrol(person, enrolled_on=datetime.date(2024, 4, 2))
        factories.rate(person, rated_on=datetime.date(2024, 4, 3), value=2)
        factories.rate(person, rated_on=datetime.date(2024, 6, 3), value=3)
        factories.activity(person, occurred_on=datetime.date(2024, 5, 6))
    assert _draft_queries(client, url, django_assert_max_num_queries) == few
