from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Payer(models.TextChoices):
    """The public party that pays a form of support (or receives a negative cost)."""

    KOMMUN = "kommun", _("Municipality")
    REGION = "region", _("Region")
    AF = "af", _("Arbetsförmedlingen")
    FK = "fk", _("Försäkringskassan")
    STATE = "state", _("The state (other)")


class CostParameter(models.Model):
    """The public cost per month of one form of support or occupation, for one payer and year.

    The codes are those of the participant code lists ("income" = försörjning, "occupation" =
    sysselsättning), named by their stable code, not a code version. A negative cost is an
    income to the party (for example tax on wages).
    """

    class CodeListKey(models.TextChoices):
        INCOME = "income", _("Support (försörjning)")
        OCCUPATION = "occupation", _("Occupation (sysselsättning)")

    year = models.PositiveSmallIntegerField(_("year"))
    code_list = models.CharField(_("code list"), max_length=20, choices=CodeListKey.choices)
    code = models.SlugField(_("code"), max_length=50)
    payer = models.CharField(_("paid by"), max_length=10, choices=Payer.choices)
    monthly_cost = models.DecimalField(_("cost per month (kr)"), max_digits=10, decimal_places=0)
    source = models.CharField(_("source"), max_length=300)
    source_date = models.DateField(_("date of the source"))

    class Meta:
        verbose_name = _("cost parameter")
        verbose_name_plural = _("cost parameters")
        ordering = ["-year", "code_list", "code", "payer"]
        constraints = [
            models.UniqueConstraint(fields=["year", "code_list", "code", "payer"],
                                    name="cost_parameter_unique"),
        ]

    def __str__(self):
        return f"{self.year} {self.code} {self.payer}: {self.monthly_cost} kr"


class EstimateSettings(models.Model):
    """The förbund's choices for every estimate: horizon, uncertainty, unknown persistence."""

    association = models.OneToOneField(
        "organisations.Association", on_delete=models.CASCADE, related_name="estimate_settings",
        verbose_name=_("association"),
    )
    horizon_months = models.PositiveSmallIntegerField(
        _("horizon (months)"), default=12, validators=[MinValueValidator(1),
                                                       MaxValueValidator(120)],
        help_text=_("How many months after discharge the change in public costs is counted."))
    uncertainty_percent = models.PositiveSmallIntegerField(
        _("uncertainty of the costs (± %)"), default=20,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The low and high figures move every cost parameter down and up by this."))
    unknown_persistence_percent = models.PositiveSmallIntegerField(
        _("assumed persistence without follow-ups (%)"), default=50,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("The share assumed to stay in their new situation when too few were "
                    "followed up; the range then runs from 0 to 100 %."))

    class Meta:
        verbose_name = _("estimate settings")
        verbose_name_plural = _("estimate settings")

    def __str__(self):
        return str(self.association)
