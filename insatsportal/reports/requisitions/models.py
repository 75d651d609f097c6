from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from insatsportal.applications import budget as b
from insatsportal.core.calendar import quarter_label

# The applications budget's categories: salary costs, then the template's cost rows.
CATEGORIES = b.COST_CATEGORIES
CATEGORY_LABELS = b.COST_CATEGORY_LABELS


class Requisition(models.Model):
    """Rekvisition: one owner's claim of actual costs for a quarter, against the grant."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting approval")
        APPROVED = "approved", _("Approved for payment")
        RETURNED = "returned", _("Returned")

    intervention = models.ForeignKey(
        "interventions.Intervention", on_delete=models.PROTECT, related_name="requisitions",
        verbose_name=_("intervention"),
    )
    member = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, related_name="requisitions",
        verbose_name=_("claiming organisation"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SUBMITTED, db_index=True)
    total = models.DecimalField(_("amount claimed"), max_digits=12, decimal_places=0)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    office_note = models.TextField(_("the office's note"), blank=True)
    reason = models.TextField(
        _("reason for a second requisition"), blank=True,
        help_text=_("Why the organisation claims again for a quarter it has already claimed."),
    )

    class Meta:
        verbose_name = _("requisition")
        verbose_name_plural = _("requisitions")
        ordering = ["intervention", "-year", "-quarter", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(quarter__gte=1) & Q(quarter__lte=4),
                                   name="requisition_quarter_1_to_4"),
            models.CheckConstraint(condition=Q(total__gt=0), name="requisition_total_positive"),
        ]

    def __str__(self):
        return f"{self.intervention} {quarter_label(self.year, self.quarter)}: {self.member}"


class RequisitionLine(models.Model):
    requisition = models.ForeignKey(Requisition, on_delete=models.CASCADE, related_name="lines",
                                    verbose_name=_("requisition"))
    category = models.CharField(_("budget category"), max_length=30, choices=CATEGORIES)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=0)

    class Meta:
        verbose_name = _("requisition line")
        verbose_name_plural = _("requisition lines")
        ordering = ["requisition", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="requisition_line_positive"),
            models.UniqueConstraint(fields=["requisition", "category"],
                                    name="one_line_per_category"),
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.amount}"
