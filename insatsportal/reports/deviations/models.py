from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.participants.identity import reject_identity_number


class Deviation(models.Model):
    """Avvikelserapport: the owner tells the förbund that the intervention departs from plan."""

    class Kind(models.TextChoices):
        BUDGET = "budget", pgettext_lazy("deviation kind", "Budget")
        STAFFING = "staffing", _("Staffing")
        PARTICIPANT_VOLUME = "participant_volume", _("Participant volume")
        TARGET_GROUP = "target_group", _("Target group")
        PERIOD = "period", _("Period")
        SAMVERKAN = "samverkan", _("Cooperation between the parties")

    class Status(models.TextChoices):
        NEW = "new", _("Not yet read")
        ACKNOWLEDGED = "acknowledged", _("Read by the office")
        CASE_OPENED = "case_opened", _("Turned into a case")

    intervention = models.ForeignKey(
        "interventions.Intervention", on_delete=models.PROTECT, related_name="deviations",
        verbose_name=_("intervention"),
    )
    kind = models.CharField(_("kind of deviation"), max_length=30, choices=Kind.choices)
    description = models.TextField(_("description"), validators=[reject_identity_number])
    consequence = models.TextField(_("consequence"), validators=[reject_identity_number])
    proposed_measure = models.TextField(_("proposed measure"),
                                        validators=[reject_identity_number])
    decision_needed = models.BooleanField(_("a decision by the board is needed"), default=False)
    reported_on = models.DateField(_("reported on"), db_index=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("reported by"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.NEW, db_index=True)
    case = models.OneToOneField(
        "cases.Case", null=True, blank=True, on_delete=models.PROTECT, related_name="deviation",
        verbose_name=_("case"),
    )

    class Meta:
        verbose_name = _("deviation report")
        verbose_name_plural = _("deviation reports")
        ordering = ["-reported_on", "-pk"]

    def __str__(self):
        return f"{self.intervention} {self.reported_on}: {self.get_kind_display()}"
