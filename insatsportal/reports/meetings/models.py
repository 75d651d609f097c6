from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.participants.identity import reject_identity_number


class InterventionMeeting(models.Model):
    """One meeting of an intervention's meetings log; meetings count toward the goals."""

    class Kind(models.TextChoices):
        OPERATIVE = "operative", _("Operative meeting")
        STEERING_GROUP = "steering_group", _("Steering group")
        LOKUS_REPORT = "lokus_report", _("Report to LOKUS")
        OTHER = "other", pgettext_lazy("meeting kind", "Other")

    intervention = models.ForeignKey(
        "interventions.Intervention", on_delete=models.PROTECT, related_name="meetings_log",
        verbose_name=_("intervention"),
    )
    held_on = models.DateField(_("date"), db_index=True)
    kind = models.CharField(_("kind of meeting"), max_length=20, choices=Kind.choices)
    parties = models.ManyToManyField(
        "organisations.Member", blank=True, related_name="+", verbose_name=_("parties present")
    )
    minutes = models.TextField(
        _("short minutes"), blank=True, validators=[reject_identity_number],
        help_text=_("No names or personal identity numbers of participants."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("meeting of an intervention")
        verbose_name_plural = _("meetings of interventions")
        ordering = ["intervention", "-held_on", "-pk"]

    def __str__(self):
        return f"{self.held_on} {self.get_kind_display()}"
