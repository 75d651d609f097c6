from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Intervention(models.Model):
    """A samverkansinsats funded by the förbund (created or extended by a grant)."""

    class Orientation(models.TextChoices):
        INDIVIDUAL = "individual", _("Individual-directed")
        STRUCTURAL = "structural", _("Structural")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        RUNNING = "running", _("Running")
        ENDED = "ended", _("Ended")

    name = models.CharField(_("name"), max_length=300)
    owner = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, related_name="interventions",
        verbose_name=_("lead owner"),
    )
    partners = models.ManyToManyField(
        "organisations.Member", blank=True, related_name="partner_interventions",
        verbose_name=_("partners"),
    )
    orientation = models.CharField(
        _("orientation"), max_length=20, choices=Orientation.choices,
        default=Orientation.INDIVIDUAL,
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="intervention_dates_in_order",
            )
        ]

    def __str__(self):
        return self.name


class RevisedBudget(models.Model):
    """The owner's budget revised to a grant that differs from the application.

    Each submission is a new version; the office approves or returns it. The latest
    approved version is the grant's budget of record.
    """

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned")

    grant = models.ForeignKey(
        "cases.Grant", on_delete=models.PROTECT, related_name="revised_budgets",
        verbose_name=_("grant"),
    )
    version = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.SUBMITTED, db_index=True)
    total = models.DecimalField(_("total from the förbund"), max_digits=12, decimal_places=0)
    owner_note = models.TextField(_("the owner's comment"), blank=True)
    office_note = models.TextField(_("the office's note"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("revised budget")
        verbose_name_plural = _("revised budgets")
        ordering = ["grant", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["grant", "version"], name="one_revision_per_version"),
            models.CheckConstraint(condition=Q(total__gte=0), name="revision_total_not_negative"),
        ]

    def __str__(self):
        return f"{self.grant}: v{self.version}"


class RevisedBudgetLine(models.Model):
    """One cell of the revised budget: an owner column's category in one calendar year."""

    revision = models.ForeignKey(RevisedBudget, on_delete=models.CASCADE, related_name="lines",
                                 verbose_name=_("revised budget"))
    member = models.ForeignKey("organisations.Member", on_delete=models.PROTECT,
                               related_name="+", verbose_name=_("owner column"))
    year = models.PositiveSmallIntegerField(_("year"))
    category = models.CharField(_("budget category"), max_length=30)
    amount = models.DecimalField(_("amount"), max_digits=12, decimal_places=0)

    class Meta:
        verbose_name = _("revised budget line")
        verbose_name_plural = _("revised budget lines")
        ordering = ["revision", "member", "year", "category"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "member", "year", "category"],
                                    name="one_revised_cell"),
            models.CheckConstraint(condition=Q(amount__gt=0), name="revised_line_positive"),
        ]

    def __str__(self):
        return f"{self.member_id} {self.year} {self.category}: {self.amount}"
