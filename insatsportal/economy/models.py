"""The förbund's own money: the members' contributions and the förbund's budget per year.

Commitments (grants), prospective amounts (open cases) and outcome (approved
requisitions) are read from the cases and reports apps, never stored here.
"""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DEFAULT_EQUITY_CEILING_PERCENT = Decimal(20)  # a common guideline: a fifth of the contributions


class EconomySettings(models.Model):
    """The förbund's own rules for its money (one row per förbund)."""

    association = models.OneToOneField(
        "organisations.Association", on_delete=models.CASCADE, related_name="economy_settings",
        verbose_name=_("association"),
    )
    equity_ceiling_percent = models.DecimalField(
        _("equity ceiling (percent of the year's contributions)"), max_digits=5, decimal_places=1,
        default=DEFAULT_EQUITY_CEILING_PERCENT,
        help_text=_("The equity at the end of a year should not exceed this share of the "
                    "year's contributions."),
    )

    class Meta:
        verbose_name = _("economy settings")
        verbose_name_plural = _("economy settings")
        constraints = [
            models.CheckConstraint(
                condition=Q(equity_ceiling_percent__gte=0) & Q(equity_ceiling_percent__lte=100),
                name="equity_ceiling_percent_0_to_100",
            ),
        ]

    def __str__(self):
        return f"{self.association}: {self.equity_ceiling_percent} %"


class FiscalYear(models.Model):
    """The förbund's budget for one calendar year."""

    association = models.ForeignKey(
        "organisations.Association", on_delete=models.CASCADE, related_name="fiscal_years",
        verbose_name=_("association"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    opening_equity = models.DecimalField(
        _("equity carried over"), max_digits=12, decimal_places=0, null=True, blank=True,
        help_text=_("The equity at the start of the year, from the books. Leave empty to "
                    "carry over the projection of the year before."),
    )
    administration = models.DecimalField(
        _("administration budget"), max_digits=12, decimal_places=0, default=0
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=pgettext_lazy("economy", "changed by"),
    )
    updated_at = models.DateTimeField(pgettext_lazy("economy", "changed"), auto_now=True)

    class Meta:
        verbose_name = _("fiscal year")
        verbose_name_plural = _("fiscal years")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"],
                                    name="one_fiscal_year_per_association"),
            models.CheckConstraint(condition=Q(administration__gte=0),
                                   name="fiscal_year_administration_not_negative"),
            models.CheckConstraint(condition=Q(year__gte=2000) & Q(year__lte=2100),
                                   name="fiscal_year_in_range"),
        ]

    def __str__(self):
        return str(self.year)


class Contribution(models.Model):
    """One member's contribution (medlemsavgift) for a year: planned, decided, paid."""

    fiscal_year = models.ForeignKey(
        FiscalYear, on_delete=models.CASCADE, related_name="contributions",
        verbose_name=_("fiscal year"),
    )
    member = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, related_name="contributions",
        verbose_name=_("member"),
    )
    share_weight = models.DecimalField(
        _("basis of the split"), max_digits=12, decimal_places=0, null=True, blank=True,
        help_text=_("For the municipalities: the figure their agreement splits by, "
                    "e.g. the population."),
    )
    planned = models.DecimalField(_("planned"), max_digits=12, decimal_places=0, default=0)
    decided = models.DecimalField(
        _("decided"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    paid = models.DecimalField(_("paid"), max_digits=12, decimal_places=0, default=0)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["fiscal_year", "member"]
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "member"],
                                    name="one_contribution_per_member_and_year"),
            models.CheckConstraint(
                condition=Q(planned__gte=0) & Q(paid__gte=0)
                & (Q(decided__isnull=True) | Q(decided__gte=0)),
                name="contribution_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(decided__isnull=True) | Q(decided_on__isnull=False),
                name="contribution_decided_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.fiscal_year} {self.member}"

    @property
    def amount(self) -> Decimal:
        """What the budget counts on: the decided amount, or the planned one until then."""
        return self.planned if self.decided is None else self.decided


class PlannedCost(models.Model):
    """Another cost the förbund plans for a year: competence development, conferences …"""

    fiscal_year = models.ForeignKey(
        FiscalYear, on_delete=models.CASCADE, related_name="planned_costs",
        verbose_name=_("fiscal year"),
    )
    label = models.CharField(_("cost"), max_length=200)
    amount = models.DecimalField(_("budget"), max_digits=12, decimal_places=0)
    outcome = models.DecimalField(
        _("outcome"), max_digits=12, decimal_places=0, null=True, blank=True
    )

    class Meta:
        verbose_name = _("planned cost")
        verbose_name_plural = _("planned costs")
        ordering = ["fiscal_year", "label"]
        constraints = [
            models.UniqueConstraint(fields=["fiscal_year", "label"],
                                    name="one_planned_cost_per_label"),
            models.CheckConstraint(
                condition=Q(amount__gte=0) & (Q(outcome__isnull=True) | Q(outcome__gte=0)),
                name="planned_cost_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.fiscal_year} {self.label}"
