"""The national export made in the background (jobs app); the builder stays
services.NationalExport, called the same way as the direct download."""

from django_tasks import task

from insatsportal.jobs.services import job_result_attach, job_running
from insatsportal.reports.national.services import NationalExport

CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def national_export_content(year: int, fmt: str) -> bytes:
    exporter = NationalExport(year)
    return exporter.to_xlsx() if fmt == "xlsx" else exporter.to_csv()


@task
def national_export_build(job_id: str) -> str:
    with job_running(job_id) as job:
        year, fmt = job.params["year"], job.params["format"]
        name = f"{NationalExport(year).filename}.{fmt}"
        job_result_attach(job, name=name, content_type=CONTENT_TYPES[fmt],
                          content=national_export_content(year, fmt))
    return name


def national_export_request(*, actor, year: int, fmt: str):
    """Make the export in the background; the job's page offers the file when ready."""
    from django.utils.translation import gettext as _

    from insatsportal.jobs.models import Job
    from insatsportal.jobs.services import job_start

    return job_start(actor=actor, kind=Job.Kind.NATIONAL_EXPORT,
                     title=_("National reporting %(year)s (.%(format)s)") % {
                         "year": year, "format": fmt},
                     task=national_export_build, params={"year": year, "format": fmt})
