"""The quarterly report as Word or PDF, made in the background (jobs app): its size grows
with the quarter's goals, deviations and budget rows, and a PDF takes seconds to lay out."""

from django.utils.translation import gettext as _
from django_tasks import task

from insatsportal.core.documents import render_docx, render_pdf
from insatsportal.jobs.services import JobError, job_result_attach, job_running
from insatsportal.reports.models import QuarterlyReport
from insatsportal.reports.quarterly.documents import quarterly_document

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def quarterly_filename(report, fmt: str) -> str:
    return f"kvartalsrapport-{report.intervention_id}-{report.year}-q{report.quarter}.{fmt}"


def quarterly_content(report, fmt: str) -> bytes:
    from insatsportal.reports.quarterly.services import report_facts

    document = quarterly_document(report, report_facts(report))
    return render_docx(document) if fmt == "docx" else render_pdf(document)


@task
def quarterly_document_build(job_id: str) -> str:
    with job_running(job_id) as job:
        report = QuarterlyReport.objects.select_related("intervention").filter(
            pk=job.params["report"]).first()
        if report is None:
            raise JobError(_("The quarterly report has been removed."))
        fmt = job.params["format"]
        name = quarterly_filename(report, fmt)
        job_result_attach(job, name=name, content_type=CONTENT_TYPES[fmt],
                          content=quarterly_content(report, fmt))
    return name


def quarterly_document_request(*, actor, report, fmt: str):
    """Make the file in the background; the job's page offers it when it is ready."""
    from insatsportal.jobs.models import Job
    from insatsportal.jobs.services import job_start

    return job_start(actor=actor, kind=Job.Kind.QUARTERLY_REPORT,
                     title=_("Quarterly report %(year)s Q%(quarter)s: %(intervention)s "
                             "(.%(format)s)") % {
                         "year": report.year, "quarter": report.quarter,
                         "intervention": report.intervention.name, "format": fmt},
                     task=quarterly_document_build, params={"report": report.pk, "format": fmt})
