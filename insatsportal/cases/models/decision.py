from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Decision(models.Model):
    """The board's decision in a case."""

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("Granted (bifall)")
        PARTLY_GRANTED = "partly_granted", _("Partly granted (delvis bifall)")
        REJECTED = "rejected", _("Rejected (avslag)")
        REFERRED_BACK = "referred_back", _("Referred back (återremiss)")

    GRANTING = (Outcome.GRANTED, Outcome.PARTLY_GRANTED)

    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="decisions", verbose_name=_("case")
    )
    agenda_item = models.OneToOneField(
        "cases.AgendaItem", null=True, blank=True, on_delete=models.PROTECT,
        related_name="decision", verbose_name=_("agenda item"),
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    amount = models.DecimalField(
        _("granted maximum amount"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("until"), null=True, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    paragraph = models.CharField(_("paragraph"), max_length=30, blank=True)
    decided_on = models.DateField(_("decided on"))
    minutes_approved_on = models.DateField(_("minutes approved on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="decision_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_start__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="decision_period_in_order",
            ),
        ]

    def __str__(self):
        return f"{self.case.number}: {self.get_outcome_display()}"

    @property
    def is_final(self) -> bool:
        """The minutes are approved (justerat); legal force comes only after the appeal period."""
        return self.minutes_approved_on is not None

    @property
    def appeal_ends_on(self):
        """The last day to appeal, once the approved minutes are posted; else None."""
        return self.agenda_item.meeting.appeal_ends_on if self.agenda_item_id else None

    @property
    def grants_money(self) -> bool:
        return self.outcome in self.GRANTING


class Grant(models.Model):
    """Money granted to an intervention by a decision: a maximum amount for a period."""

    intervention = models.ForeignKey(
        "interventions.Intervention", on_delete=models.PROTECT, related_name="grants",
        verbose_name=_("intervention"),
    )
    decision = models.OneToOneField(
        Decision, on_delete=models.PROTECT, related_name="grant", verbose_name=_("decision")
    )
    amount = models.DecimalField(_("maximum amount"), max_digits=12, decimal_places=0)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["intervention", "period_start"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=0), name="grant_amount_not_negative"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")),
                                   name="grant_period_in_order"),
        ]

    def __str__(self):
        return f"{self.intervention}: {self.amount} kr"
