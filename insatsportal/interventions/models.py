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
