from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from insatsportal.participants.identity import reject_identity_number


class Enrolment(models.Model):
    """Inskrivning: the start of a participation and the situation before it."""

    participant = models.OneToOneField("participants.Participant", on_delete=models.CASCADE,
                                       related_name="enrolment", verbose_name=_("participant"))
    enrolled_on = models.DateField(_("date of enrolment"))
    referrer = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("referring party"),
    )
    referral_text = models.TextField(_("referral"), blank=True,
                                     validators=[reject_identity_number])
    target_group = models.ForeignKey("participants.Code", on_delete=models.PROTECT, null=True,
                                     blank=True, related_name="+",
                                     verbose_name=_("target group category"))
    income_before = models.ManyToManyField("participants.Code", related_name="+",
                                           verbose_name=_("support directly before"))
    occupation_before = models.ForeignKey("participants.Code", on_delete=models.PROTECT,
                                          related_name="+",
                                          verbose_name=_("occupation before"))
    occupation_before_percent = models.PositiveSmallIntegerField(
        _("share of full time (%)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    support_time_before = models.ForeignKey("participants.Code", on_delete=models.PROTECT,
                                            related_name="+",
                                            verbose_name=_("time in public support before"))
    education = models.ForeignKey("participants.Code", on_delete=models.PROTECT,
                                  related_name="+",
                                  verbose_name=_("highest completed education"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.CheckConstraint(
                condition=Q(occupation_before_percent__isnull=True)
                | Q(occupation_before_percent__gte=1, occupation_before_percent__lte=100),
                name="enrolment_percent_in_range",
            )
        ]

    def __str__(self):
        return f"{self.participant} {self.enrolled_on}"
