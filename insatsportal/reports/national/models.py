from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AdministrativeCost(models.Model):
    """The förbund's own administrative costs for a year, entered by the office."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    amount = models.DecimalField(_("administrative costs"), max_digits=12, decimal_places=0)
    note = models.CharField(pgettext_lazy("reports", "note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("administrative costs")
        verbose_name_plural = _("administrative costs")
        ordering = ["-year"]
        constraints = [models.CheckConstraint(condition=Q(amount__gte=0),
                                              name="administrative_cost_not_negative")]

    def __str__(self):
        return f"{self.year}: {self.amount}"
