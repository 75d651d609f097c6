import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.participants.identity import reject_identity_number


class Activity(models.Model):
    """One activity one participant took part in; a group activity is one row per person."""

    class Kind(models.TextChoices):
        COACHING = "coaching", _("Coaching session")
        GROUP = "group", _("Group activity")
        SIP = "sip", _("Multi-party meeting (SIP)")
        WORK_PRACTICE = "practice", _("Work practice")
        OTHER = "other", _("Other activity")

    participant = models.ForeignKey("participants.Participant", on_delete=models.CASCADE,
                                    related_name="activities", verbose_name=_("participant"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    occurred_on = models.DateField(_("date"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(24 * 60)])
    note = models.TextField(_("note"), blank=True, validators=[reject_identity_number])
    # The rows logged together for a group share this.
    batch = models.UUIDField(_("logged together as"), default=uuid.uuid4, editable=False)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-occurred_on", "-pk"]
        # The second serves the quarterly report's count per kind from the index alone.
        indexes = [models.Index(fields=["participant", "occurred_on"],
                                name="activity_participant_on"),
                   models.Index(fields=["occurred_on", "kind", "participant"],
                                name="activity_on_kind")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=1, duration_minutes__lte=24 * 60),
                name="activity_duration_in_range"),
        ]

    def __str__(self):
        return f"{self.participant} {self.kind} {self.occurred_on}"
