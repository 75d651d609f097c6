"""Reads of background jobs: a person sees only the jobs they started, and only while
they may still do what the job does."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from insatsportal.accounts import policy
from insatsportal.jobs.models import Job

# What a person must be allowed to do to follow a job of each kind (and get its result).
KIND_CAPABILITY = {
    Job.Kind.IMPORT: policy.can_import_documents,
    Job.Kind.NATIONAL_EXPORT: policy.can_view_national_reporting,
    Job.Kind.MEETING_PAPERS: policy.can_view_case_preparation,
    Job.Kind.QUARTERLY_REPORT: policy.can_view_reports,
}


def job_list_for_user(*, user):
    return (Job.objects.filter(started_by=user).defer("result", "params")
            .order_by("-created_at"))


def job_get_for_user(*, user, pk) -> Job:
    """Another person's job is not there (404); a job the person may no longer run is
    refused (403)."""
    job = Job.objects.filter(pk=pk, started_by=user).defer("result").first()
    if job is None:
        raise Http404
    if not KIND_CAPABILITY[job.kind](user):
        raise PermissionDenied
    return job


@dataclass(frozen=True)
class JobState:
    status: str
    message: str

    @property
    def is_active(self) -> bool:
        return self.status in (Job.Status.QUEUED, Job.Status.RUNNING)


def job_state(job: Job) -> JobState:
    """The job's status, or failed if the task backend says its task failed before the job
    could record it (the task could not even start)."""
    if job.is_active and job.task_id:
        failed = _task_failed(job)
        if failed:
            return JobState(Job.Status.FAILED, failed)
    return JobState(job.status, job.message)


def _task_failed(job: Job) -> str:
    from django_tasks import default_task_backend

    try:
        if not default_task_backend.supports_get_result:
            return ""
        result = default_task_backend.get_result(job.task_id)
    except Exception:  # noqa: BLE001 - a backend that cannot answer says nothing new
        return ""
    if result.status != "FAILED":
        return ""
    error = result.errors[-1].exception_class_path.rsplit(".", 1)[-1] if result.errors else "?"
    return _("The work stopped because of an unexpected error (%(error)s). Nothing is lost: "
             "try again, and tell the administrator if it fails again.") % {"error": error}
