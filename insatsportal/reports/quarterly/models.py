from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from insatsportal.core.calendar import quarter_label
from insatsportal.participants.identity import reject_identity_number


def _narrative(label):
    return models.TextField(label, blank=True, validators=[reject_identity_number])


class QuarterlyReport(models.Model):
    """Kvartalsrapport: the system's figures for a quarter plus the owner's narrative.

    Once submitted, the figures are kept in `snapshot` and nothing changes any more.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for completion")
        ACCEPTED = "accepted", _("Accepted")

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    intervention = models.ForeignKey(
        "interventions.Intervention", on_delete=models.PROTECT,
        related_name="quarterly_reports", verbose_name=_("intervention"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT, db_index=True)
    went_well = _narrative(_("what went well"))
    problems = _narrative(_("problems and how they were met"))
    samverkan = _narrative(_("cooperation between the parties"))
    next_quarter = _narrative(_("plans for the next quarter"))
    snapshot = models.JSONField(_("figures as submitted"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    office_comment = models.TextField(_("the office's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("quarterly report")
        verbose_name_plural = _("quarterly reports")
        ordering = ["intervention", "-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(fields=["intervention", "year", "quarter"],
                                    name="one_report_per_quarter"),
            models.CheckConstraint(condition=Q(quarter__gte=1) & Q(quarter__lte=4),
                                   name="report_quarter_1_to_4"),
        ]

    def __str__(self):
        return f"{self.intervention} {quarter_label(self.year, self.quarter)}"

    @property
    def is_frozen(self) -> bool:
        return self.status not in self.EDITABLE
