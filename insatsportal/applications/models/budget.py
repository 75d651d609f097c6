from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from insatsportal.applications import budget as b

FUNDING_CHOICES = [(b.ASSOCIATION, _("From the förbund")), (b.CO_FINANCING, _("Co-financing"))]
SECTION_CHOICES = [(b.SALARY, _("Salary costs")), (b.PREMISES, _("Premises costs")),
                   (b.OTHER, _("Other costs"))]


def _amount(label):
    return models.DecimalField(label, max_digits=12, decimal_places=0, default=0)


class Budget(models.Model):
    """The detailed budget of an application, as in the förbund's Excel template."""

    application = models.OneToOneField(
        "applications.Application", on_delete=models.CASCADE, related_name="budget",
        verbose_name=_("application"),
    )
    stated_total = models.DecimalField(
        _("stated total from the förbund"), max_digits=12, decimal_places=0, null=True,
        blank=True, help_text=_("The total the applicant states; the computed total is checked "
                                "against it."),
    )

    class Meta:
        verbose_name = _("budget")
        verbose_name_plural = _("budgets")

    def __str__(self):
        return str(self.application)


class BudgetOwner(models.Model):
    """One owner column: Huvudinsatsägare (position 0) or Delinsatsägare 1–4."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="owners", verbose_name=_("budget")
    )
    position = models.PositiveSmallIntegerField(_("column"))
    member = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, related_name="budget_columns",
        verbose_name=_("member"),
    )
    label = models.CharField(_("note"), max_length=200, blank=True)
    stated_association = models.DecimalField(
        _("stated amount from the förbund"), max_digits=12, decimal_places=0, null=True,
        blank=True,
    )
    stated_co_financing = models.DecimalField(
        _("stated co-financing"), max_digits=12, decimal_places=0, null=True, blank=True
    )

    class Meta:
        verbose_name = _("owner column")
        verbose_name_plural = _("owner columns")
        ordering = ["budget", "position"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "position"], name="one_owner_per_column"),
            models.CheckConstraint(condition=Q(position__lte=b.OWNER_COLUMNS - 1),
                                   name="owner_column_in_template"),
        ]

    def __str__(self):
        return f"{self.position}: {self.member}"


class BudgetLine(models.Model):
    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="lines", verbose_name=_("budget")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    funding = models.CharField(_("funding"), max_length=20, choices=FUNDING_CHOICES)
    section = models.CharField(_("section"), max_length=20, choices=SECTION_CHOICES)
    category = models.CharField(
        _("category"), max_length=30, blank=True,
        choices=[(key, label) for key, label in b.CATEGORIES],
    )
    title = models.CharField(_("title"), max_length=300, blank=True)
    percent = models.DecimalField(
        _("% of full time"), max_digits=5, decimal_places=1, null=True, blank=True
    )
    period_from = models.DateField(_("from"), null=True, blank=True)
    period_to = models.DateField(_("to"), null=True, blank=True)
    amount_0 = _amount(_("lead owner"))
    amount_1 = _amount(_("co-owner 1"))
    amount_2 = _amount(_("co-owner 2"))
    amount_3 = _amount(_("co-owner 3"))
    amount_4 = _amount(_("co-owner 4"))

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["budget", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_0__gte=0) & Q(amount_1__gte=0) & Q(amount_2__gte=0)
                & Q(amount_3__gte=0) & Q(amount_4__gte=0),
                name="budget_amounts_not_negative",
            ),
            models.CheckConstraint(condition=Q(percent__isnull=True) | Q(percent__gte=0),
                                   name="budget_percent_not_negative"),
        ]

    def __str__(self):
        return self.title or self.get_category_display()

    @property
    def amounts(self) -> tuple:
        return tuple(getattr(self, f"amount_{i}") for i in range(b.OWNER_COLUMNS))


class BudgetYear(models.Model):
    """One column of the per-year table, as the applicant typed it."""

    budget = models.ForeignKey(
        Budget, on_delete=models.CASCADE, related_name="years", verbose_name=_("budget")
    )
    index = models.PositiveSmallIntegerField(_("year number"))
    year = models.PositiveSmallIntegerField(_("calendar year"), null=True, blank=True)
    salary = _amount(_("salary costs"))
    premises = _amount(_("premises costs"))
    other = _amount(_("other costs"))

    class Meta:
        verbose_name = _("budget year")
        verbose_name_plural = _("budget years")
        ordering = ["budget", "index"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "index"], name="one_budget_year_per_index"),
            models.CheckConstraint(condition=Q(index__gte=1) & Q(index__lte=b.YEAR_COLUMNS),
                                   name="budget_year_in_template"),
        ]

    def __str__(self):
        return f"{self.index}: {self.year or ''}"
