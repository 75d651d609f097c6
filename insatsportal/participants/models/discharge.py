from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.participants.identity import reject_identity_number


class Discharge(models.Model):
    """Utskrivning: the end of a participation and the situation after it."""

    class EndType(models.TextChoices):
        PLANNED = "planned", pgettext_lazy("type of end", "Planned end")
        INTERRUPTED = "interrupted", _("Interrupted")
        WRONG_REGISTRATION = "wrong", _("Wrong registration")

    participant = models.OneToOneField("participants.Participant", on_delete=models.CASCADE,
                                       related_name="discharge", verbose_name=_("participant"))
    discharged_on = models.DateField(_("date of discharge"), db_index=True)
    end_type = models.CharField(_("type of end"), max_length=20, choices=EndType.choices)
    income_after = models.ManyToManyField("participants.Code", blank=True, related_name="+",
                                          verbose_name=_("support after"))
    occupation_after = models.ForeignKey("participants.Code", on_delete=models.PROTECT,
                                         null=True, blank=True, related_name="+",
                                         verbose_name=_("occupation after"))
    occupation_after_percent = models.PositiveSmallIntegerField(
        _("share of full time (%)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    exit_conversation_held = models.BooleanField(_("exit conversation held"), default=False)
    exit_conversation_on = models.DateField(_("date of exit conversation"), null=True,
                                            blank=True)
    next_step = models.TextField(_("next step agreed"), blank=True,
                                 validators=[reject_identity_number])
    next_step_party = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("next step agreed with"),
    )
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("discharge")
        verbose_name_plural = _("discharges")
        constraints = [
            models.CheckConstraint(
                condition=Q(exit_conversation_held=True) | Q(exit_conversation_on__isnull=True),
                name="exit_conversation_date_only_if_held",
            ),
            models.CheckConstraint(
                condition=Q(occupation_after_percent__isnull=True)
                | Q(occupation_after_percent__gte=1, occupation_after_percent__lte=100),
                name="discharge_percent_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.participant} {self.discharged_on}"
