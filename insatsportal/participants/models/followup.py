from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.participants.identity import reject_identity_number


class FollowUpPolicy(models.Model):
    """When an intervention follows up its discharged participants."""

    class Months(models.IntegerChoices):
        SIX = 6, _("6 months after discharge")
        TWELVE = 12, _("12 months after discharge")

    intervention = models.OneToOneField("interventions.Intervention", on_delete=models.CASCADE,
                                        related_name="follow_up_policy",
                                        verbose_name=_("intervention"))
    months = models.PositiveSmallIntegerField(_("follow-up after"), choices=Months.choices,
                                              default=Months.SIX)
    sample_only = models.BooleanField(
        _("only a random sample is followed up"), default=False,
        help_text=_("Otherwise every participant discharged with consent is followed up."))

    class Meta:
        verbose_name = _("follow-up policy")
        verbose_name_plural = _("follow-up policies")

    def __str__(self):
        return f"{self.intervention} {self.months}"


class FollowUp(models.Model):
    """The outcome of the follow-up after discharge."""

    participant = models.OneToOneField("participants.Participant", on_delete=models.CASCADE,
                                       related_name="follow_up", verbose_name=_("participant"))
    months = models.PositiveSmallIntegerField(_("months after discharge"))
    followed_up_on = models.DateField(_("date of follow-up"))
    contact_made = models.BooleanField(_("contact made"))
    occupation = models.ForeignKey("participants.Code", on_delete=models.PROTECT, null=True,
                                   blank=True, related_name="+",
                                   verbose_name=_("occupation at follow-up"))
    occupation_percent = models.PositiveSmallIntegerField(
        _("share of full time (%)"), null=True, blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)])
    income = models.ManyToManyField("participants.Code", blank=True, related_name="+",
                                    verbose_name=_("support at follow-up"))
    note = models.TextField(_("note"), blank=True, validators=[reject_identity_number])
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")

    def __str__(self):
        return f"{self.participant} {self.followed_up_on}"


class FollowUpSample(models.Model):
    """A reproducible random sample of discharged participants to follow up.

    The seed and the population (ids, in the order drawn from) are stored, so the
    same selection can be recomputed. A second draw for the same period keeps the
    first and needs a reason.
    """

    intervention = models.ForeignKey("interventions.Intervention", on_delete=models.PROTECT,
                                     related_name="+", verbose_name=_("intervention"))
    discharged_from = models.DateField(_("discharged from"))
    discharged_to = models.DateField(_("discharged until"))
    size = models.PositiveSmallIntegerField(_("sample size"))
    seed = models.BigIntegerField(_("random seed"))
    stratified_by_sex = models.BooleanField(_("stratified by sex"), default=False)
    population_ids = models.JSONField(_("population (participant ids)"))
    population_sexes = models.JSONField(_("sex per participant of the population"))
    selected_ids = models.JSONField(_("selected (participant ids)"))
    reason = models.TextField(_("reason for a new draw"), blank=True,
                              validators=[reject_identity_number])
    drawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                 related_name="+", verbose_name=_("drawn by"))
    drawn_at = models.DateTimeField(_("drawn"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up sample")
        verbose_name_plural = _("follow-up samples")
        ordering = ["-drawn_at", "-pk"]

    def __str__(self):
        return f"{self.intervention} {self.discharged_from}–{self.discharged_to}"
