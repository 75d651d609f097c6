"""Long work a person started that runs in the background (Django's tasks API): what it
is, how far it has come, and what it gave (a file to download, or one outcome per item).

The job is the app's record; the task backend only runs it. Progress and the result live
here, so the page reads the same whether the database backend or RQ ran the work.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Kind(models.TextChoices):
        IMPORT = "import", _("Reading documents")
        NATIONAL_EXPORT = "national_export", _("National reporting export")
        MEETING_PAPERS = "meeting_papers", _("The meeting's papers (PDF)")
        QUARTERLY_REPORT = "quarterly_report", _("Quarterly report (Word or PDF)")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    # The task's dotted path, so that "try again" enqueues the same work.
    task_path = models.CharField(_("task"), max_length=200)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("started by"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.QUEUED)
    total = models.PositiveIntegerField(_("steps in all"), default=1)
    done = models.PositiveIntegerField(_("steps done"), default=0)
    message = models.TextField(_("message"), blank=True,
                               help_text=_("Why the job failed, in words for the user."))
    task_id = models.CharField(_("task id in the queue"), max_length=64, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    result_name = models.CharField(_("file name of the result"), max_length=200, blank=True)
    result_type = models.CharField(_("content type of the result"), max_length=100, blank=True)
    result = models.BinaryField(_("result"), null=True, blank=True)

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=models.Q(done__lte=models.F("total")),
                                   name="job_done_within_total"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_active(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    @property
    def has_result(self) -> bool:
        return self.status == self.Status.DONE and bool(self.result_name)


class JobItem(models.Model):
    """One input of a job (an uploaded file): kept until it is handled, so nothing the
    person gave is lost when the job fails part-way."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        DONE = "done", _("Done")
        FAILED = "failed", _("Could not be read")

    job = models.ForeignKey(Job, on_delete=models.CASCADE, related_name="items",
                            verbose_name=_("job"))
    position = models.PositiveIntegerField(_("position"))
    name = models.CharField(_("name"), max_length=255)
    content = models.BinaryField(_("content"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.WAITING)
    message = models.TextField(_("message"), blank=True)
    warning = models.BooleanField(_("needs attention"), default=False)
    link = models.CharField(_("link to the result"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("job item")
        verbose_name_plural = _("job items")
        ordering = ["job", "position"]
        constraints = [
            models.UniqueConstraint(fields=["job", "position"], name="one_job_item_per_position"),
        ]

    def __str__(self):
        return self.name
