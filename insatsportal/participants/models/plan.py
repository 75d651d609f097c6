from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.participants.identity import reject_identity_number


class ActionPlan(models.Model):
    """Handlingsplan: goals and steps anchored with the person and the parties."""

    participant = models.OneToOneField("participants.Participant", on_delete=models.CASCADE,
                                       related_name="plan", verbose_name=_("participant"))
    established_on = models.DateField(_("established"))
    goals = models.TextField(_("goals"), validators=[reject_identity_number])
    steps = models.TextField(_("steps"), blank=True, validators=[reject_identity_number])
    anchored_with_participant = models.BooleanField(_("anchored with the participant"),
                                                    default=False)
    anchored_parties = models.ManyToManyField("organisations.Member", blank=True,
                                              related_name="+",
                                              verbose_name=_("anchored with the parties"))
    next_revision_due = models.DateField(_("next revision due"), db_index=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("recorded by"))

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_revision_due__gt=models.F("established_on")),
                name="plan_revision_after_establishment",
            )
        ]

    def __str__(self):
        return f"{self.participant} {self.established_on}"


class PlanRevision(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="revisions",
                             verbose_name=_("action plan"))
    revised_on = models.DateField(_("revised"))
    notes = models.TextField(_("notes"), blank=True, validators=[reject_identity_number])
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("revision of an action plan")
        verbose_name_plural = _("revisions of action plans")
        ordering = ["-revised_on", "-id"]

    def __str__(self):
        return f"{self.plan} {self.revised_on}"
