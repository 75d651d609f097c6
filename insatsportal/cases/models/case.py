from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.applications.models import Journey


class CaseNumberSequence(models.Model):
    """The last case number handed out per year; locked while a number is taken."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("case number series")
        verbose_name_plural = _("case number series")

    def __str__(self):
        return f"{self.year}: {self.last}"


class Case(models.Model):
    """A matter (ärende) with a case number: one submitted application, prepared and decided.

    Historic decisions imported without their application have a case too.
    """

    Status = Journey

    OPEN = (Status.RECEIVED, Status.IN_PREPARATION, Status.COMPLETION_REQUESTED,
            Status.PROPOSAL_DRAFTED, Status.ON_AGENDA)

    number = models.CharField(_("case number"), max_length=30, unique=True)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("heading"), max_length=300)
    application = models.OneToOneField(
        "applications.Application", null=True, blank=True, on_delete=models.PROTECT,
        related_name="case", verbose_name=_("application"),
    )
    intervention = models.ForeignKey(
        "interventions.Intervention", null=True, blank=True, on_delete=models.PROTECT,
        related_name="cases", verbose_name=_("intervention"),
    )
    status = models.CharField(
        _("status"), max_length=30, choices=Status.choices, default=Status.RECEIVED
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="handled_cases", verbose_name=_("handler"),
    )
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["-year", "-number"]

    def __str__(self):
        return f"{self.number} {self.title}"

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class CaseStatusChange(models.Model):
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("case")
    )
    from_status = models.CharField(_("from"), max_length=30, choices=Case.Status.choices,
                                   blank=True)
    to_status = models.CharField(_("to"), max_length=30, choices=Case.Status.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("user"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        ordering = ["case", "at", "pk"]

    def __str__(self):
        return f"{self.case.number}: {self.from_status} → {self.to_status}"


class ChecklistNote(models.Model):
    """The office's own note on one item of the preparation checklist."""

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="checklist_notes", verbose_name=_("case")
    )
    item = models.CharField(_("checklist item"), max_length=50)
    text = models.TextField(_("note"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("written by"),
    )
    written_at = models.DateTimeField(_("written"), auto_now=True)

    class Meta:
        verbose_name = _("checklist note")
        verbose_name_plural = _("checklist notes")
        constraints = [
            models.UniqueConstraint(fields=["case", "item"], name="one_note_per_checklist_item")
        ]

    def __str__(self):
        return f"{self.case.number} {self.item}"


class Recommendation(models.Model):
    """The preparation group's recommendation; the newest one counts."""

    class Outcome(models.TextChoices):
        GRANT = "grant", _("Grant")
        COMPLETE = "complete", _("Request completion")
        REJECT = "reject", _("Reject")

    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="recommendations", verbose_name=_("case")
    )
    outcome = models.CharField(_("recommendation"), max_length=10, choices=Outcome.choices)
    motivation = models.TextField(_("motivation"))
    questions = models.TextField(
        _("questions to the applicant"), blank=True,
        help_text=_("What the applicant must complete (for a completion request)."),
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("recorded by"),
    )
    made_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["case", "-made_at", "-pk"]

    def __str__(self):
        return f"{self.case.number}: {self.get_outcome_display()}"
