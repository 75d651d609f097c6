"""Documents of cases made in the background (jobs app): the meeting's papers."""

from django.utils.translation import gettext as _
from django_tasks import task

from insatsportal.cases.models import Meeting
from insatsportal.cases.papers import meeting_papers_filename, meeting_papers_pdf
from insatsportal.jobs.services import JobError, job_result_attach, job_running


@task
def meeting_papers_build(job_id: str) -> str:
    with job_running(job_id) as job:
        meeting = Meeting.objects.filter(pk=job.params["meeting"]).first()
        if meeting is None:
            raise JobError(_("The meeting has been removed."))
        name = meeting_papers_filename(meeting)
        job_result_attach(job, name=name, content_type="application/pdf",
                          content=meeting_papers_pdf(meeting))
    return name
