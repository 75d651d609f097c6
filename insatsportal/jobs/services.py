"""Writes of background jobs: start one (enqueued after commit), record its steps and its
result, mark it failed with a reason the user can read, and try a failed one again."""

import contextlib
import functools
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from insatsportal.jobs.models import Job, JobItem

logger = logging.getLogger(__name__)


class JobError(Exception):
    """The job cannot go on; the message is one line for the user."""


class JobNotRetryable(JobError):
    pass


def _enqueue(job_pk) -> None:
    """Hand the job to the task backend; a backend that does not answer fails the job with
    the reason instead of the request that started it."""
    job = Job.objects.get(pk=job_pk)
    try:
        result = import_string(job.task_path).enqueue(str(job.pk))
    except Exception:
        logger.exception("job %s could not be enqueued", job.pk)
        with translation.override(settings.LANGUAGE_CODE):
            message = _("The job could not be queued: the background service did not answer. "
                        "Nothing is lost; try again in a while.")
        Job.objects.filter(pk=job.pk).update(
            status=Job.Status.FAILED, message=message, finished_at=timezone.now())
        return
    # The immediate backend has run the job by now: keep the status it reached.
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))


@transaction.atomic
def job_start(*, actor, kind: str, title: str, task, params: dict | None = None,
              items=(), total: int | None = None) -> Job:
    """Record the job and enqueue `task` (called with the job's id) once the transaction
    has committed, so the worker never looks for a job it cannot see yet.

    `items`: (name, content) pairs kept until each is handled; `total` defaults to their
    number (or one step)."""
    items = list(items)
    job = Job.objects.create(
        kind=kind, title=title[:300], task_path=task.module_path, params=params or {},
        started_by=actor, total=total or len(items) or 1)
    JobItem.objects.bulk_create(
        JobItem(job=job, position=n, name=name[:255], content=content)
        for n, (name, content) in enumerate(items, start=1))
    transaction.on_commit(functools.partial(_enqueue, job.pk))
    return job


@transaction.atomic
def job_retry(*, actor, job: Job) -> Job:
    """Run a failed job again: items already handled stay as they are."""
    from insatsportal.jobs.selectors import job_state

    locked = Job.objects.select_for_update().get(pk=job.pk)
    if job_state(locked).status != Job.Status.FAILED:
        raise JobNotRetryable(_("Only a job that failed can be tried again."))
    locked.status, locked.message, locked.finished_at = Job.Status.QUEUED, "", None
    locked.save(update_fields=["status", "message", "finished_at"])
    transaction.on_commit(functools.partial(_enqueue, locked.pk))
    return locked


def failure_message(error: BaseException) -> str:
    if isinstance(error, JobError):
        return str(error)
    return _("The work stopped because of an unexpected error (%(error)s). Nothing is lost: "
             "try again, and tell the administrator if it fails again.") % {
        "error": type(error).__name__}


@contextlib.contextmanager
def job_running(job_id: str):
    """Inside a task: mark the job running, then done, or failed with the reason (the
    exception still propagates, so the task backend records the failure too). Messages are
    written in the site's language."""
    job = Job.objects.get(pk=job_id)
    Job.objects.filter(pk=job.pk).update(
        status=Job.Status.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1)
    with translation.override(settings.LANGUAGE_CODE):
        try:
            yield job
        except BaseException as error:
            Job.objects.filter(pk=job.pk).update(
                status=Job.Status.FAILED, message=failure_message(error),
                finished_at=timezone.now())
            raise
        Job.objects.filter(pk=job.pk, status=Job.Status.RUNNING).update(
            status=Job.Status.DONE, done=F("total"), finished_at=timezone.now())


def job_waiting_items(job: Job):
    """The items not yet handled, with their content, in the order they were given."""
    return job.items.filter(status=JobItem.Status.WAITING).order_by("position")


def job_item_handled(item: JobItem, *, failed: bool = False, message: str = "",
                     link: str = "", warning: bool = False) -> None:
    """One step done. A read item's content is dropped (the result holds it now); a failed
    one keeps it for a later try."""
    item.status = JobItem.Status.FAILED if failed else JobItem.Status.DONE
    item.message, item.link, item.warning = message, link, warning
    fields = ["status", "message", "link", "warning"]
    if not failed:
        item.content = None
        fields.append("content")
    item.save(update_fields=fields)
    Job.objects.filter(pk=item.job_id).update(done=F("done") + 1)


def job_result_attach(job: Job, *, name: str, content_type: str, content: bytes) -> None:
    Job.objects.filter(pk=job.pk).update(result_name=name, result_type=content_type,
                                         result=content)


def jobs_prune(*, before) -> int:
    """Remove jobs that ended before `before`, with the files they kept and made. A job
    still waiting or running is kept, however old."""
    ended = Job.objects.filter(status__in=(Job.Status.DONE, Job.Status.FAILED),
                               created_at__lt=before)
    count = ended.count()
    ended.delete()
    return count
