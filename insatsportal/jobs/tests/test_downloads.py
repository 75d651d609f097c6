"""The national export and the meeting's papers are made in the background: the page's
button answers at once with the job, whose page offers the file when it is ready."""

import io
import re

import pytest
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook

from insatsportal.cases.models import Meeting
from insatsportal.jobs.models import Job
from insatsportal.reports.national.services import NationalExport


def _start(client, url, data=None):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data or {})
    assert response.status_code == 302
    return response.url, client.get(response.url).content.decode()


def _download_link(page: str) -> str:
    return re.search(r'href="(/jobb/[^"]+/hamta/)"', page)[1]


def test_the_national_export_is_made_in_the_background_and_downloaded(login, demo):
    client = login("rapportlasare")
    page = client.get(reverse("reports:national") + "?ar=2024").content.decode()
    assert "Ta fram Excel-filen (.xlsx)" in page and "Ta fram CSV-filen" in page

    url, page = _start(client, reverse("reports:national_export_start"),
                       {"ar": "2024", "format": "xlsx"})
    assert "Nationell uppföljning 2024 (.xlsx)" in page
    assert "Klart: filen är färdig." in page
    assert "Hämta uppfoljning-finsam-2024.xlsx" in page
    download = client.get(_download_link(page))
    assert download["Content-Disposition"] == 'attachment; filename="uppfoljning-finsam-2024.xlsx"'
    sheet = load_workbook(io.BytesIO(download.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[1:] == [list(r) for r in NationalExport(2024).rows()]


def test_a_format_the_export_does_not_have_starts_nothing(login, demo):
    response = login("kansli").post(reverse("reports:national_export_start"),
                                    {"ar": "2024", "format": "exe"})
    assert response.status_code == 404
    assert not Job.objects.exists()


def test_the_meeting_papers_are_made_in_the_background_and_downloaded(login, demo):
    client = login("styrelse")
    meeting = Meeting.objects.order_by("pk").first()
    assert "Ta fram sammanträdets handlingar (PDF)" in client.get(
        reverse("cases:meeting", args=[meeting.pk])).content.decode()

    url, page = _start(client, reverse("cases:meeting_papers_start", args=[meeting.pk]))
    assert "Klart: filen är färdig." in page
    download = client.get(_download_link(page))
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")
    assert f"handlingar-{meeting.body}-{meeting.date:%Y-%m-%d}.pdf" in download[
        "Content-Disposition"]
    # the file is the starter's: another board member does not get it
    other = login("kansli").get(_download_link(page))
    assert other.status_code == 404


def test_the_quarterly_report_is_made_in_the_background_and_downloaded(login, demo):
    from insatsportal.core.tests import filled

    report = filled._report(filled.build().intervention)
    page_url = reverse("reports:quarterly", kwargs={
        "pk": report.intervention_id, "year": report.year, "quarter": report.quarter})
    client = login("insatsansvarig")
    assert "Ta fram PDF-filen" in client.get(page_url).content.decode()

    start = reverse("reports:quarterly_download_start", kwargs={
        "pk": report.intervention_id, "year": report.year, "quarter": report.quarter})
    url, page = _start(client, start, {"format": "pdf"})
    assert f"Kvartalsrapport {report.year} kv{report.quarter}" in page
    assert "Klart: filen är färdig." in page
    download = client.get(_download_link(page))
    assert download["Content-Type"] == "application/pdf"
    assert download.content.startswith(b"%PDF")
    assert (f"kvartalsrapport-{report.intervention_id}-{report.year}-q{report.quarter}.pdf"
            in download["Content-Disposition"])


def test_a_removed_quarterly_report_fails_the_job_with_the_reason(login, demo):
    from insatsportal.core.tests import filled
    from insatsportal.reports.models import QuarterlyReport

    report = filled._report(filled.build().intervention)
    start = reverse("reports:quarterly_download_start", kwargs={
        "pk": report.intervention_id, "year": report.year, "quarter": report.quarter})
    client = login("kansli")
    response = client.post(start, {"format": "docx"})  # queued; runs after the removal
    QuarterlyReport.objects.filter(pk=report.pk).delete()
    from insatsportal.jobs.services import JobError
    from insatsportal.reports.quarterly.tasks import quarterly_document_build

    with pytest.raises(JobError):  # the task backend records the failure too
        quarterly_document_build.call(str(Job.objects.get().pk))
    page = client.get(response.url).content.decode()
    assert "Kvartalsrapporten har tagits bort." in page
    assert not Job.objects.get().has_result
