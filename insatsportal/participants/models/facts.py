from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ParticipantFacts(models.Model):
    """The facts of participants/facts.py for one person who counts (a wrong registration has
    no row), kept by services.facts after every change to what they are read from, so that
    the reports count one narrow table instead of joining the participant to five others."""

    participant = models.OneToOneField("participants.Participant", on_delete=models.CASCADE,
                                       primary_key=True, related_name="facts",
                                       verbose_name=_("participant"))
    intervention_id = models.BigIntegerField(_("intervention"))
    sex = models.CharField(_("sex"), max_length=10)
    started_on = models.DateField(_("started"))
    discharged_on = models.DateField(_("date of discharge"), null=True)
    to_work = models.BooleanField(_("discharged to work or studies"), default=False)
    followed_up_on = models.DateField(_("followed up (contact made)"), null=True)
    plan_on = models.DateField(_("action plan established"), null=True)
    plan_anchored = models.BooleanField(_("plan anchored with the participant"),
                                        default=False)
    support_known = models.BooleanField(
        _("support known before and after"), db_default=False,
        help_text=_("Support recorded at enrolment and at discharge, \"unknown\" in neither."))
    latest_rated_on = models.DateField(_("latest rating"), null=True)
    latest_rating_improved = models.BooleanField(_("improved at the latest rating"),
                                                 null=True)

    class Meta:
        verbose_name = _("participant facts")
        verbose_name_plural = _("participant facts")
        indexes = [models.Index(fields=["intervention_id", "started_on"],
                                name="facts_by_intervention"),
                   models.Index(fields=["intervention_id", "discharged_on"],
                                name="facts_by_discharge")]

    def __str__(self):
        return str(self.participant_id)


class KnownState(models.Model):
    """One code of the state before, after or at the follow-up of a discharged person whose
    support is known before and after (ParticipantFacts.support_known): what the
    socio-economic estimate counts, kept with the facts by services.facts, so that it groups
    one narrow table instead of joining the person to the records and their code lists.
    Follow-up rows only where contact was made and the support then is known too."""

    class Phase(models.TextChoices):
        BEFORE = "before", _("at enrolment")
        AFTER = "after", _("at discharge")
        FOLLOW_UP = "follow_up", _("at the follow-up")

    participant = models.ForeignKey("participants.Participant", on_delete=models.CASCADE,
                                    related_name="known_states", verbose_name=_("participant"))
    intervention = models.ForeignKey("interventions.Intervention", on_delete=models.CASCADE,
                                     related_name="+", db_index=False,
                                     verbose_name=_("intervention"))
    discharged_on = models.DateField(_("date of discharge"))
    discharge_year = models.PositiveSmallIntegerField(_("year of discharge"))  # grouped by
    phase = models.CharField(_("when"), max_length=10, choices=Phase.choices)
    code_list = models.CharField(_("code list"), max_length=20)  # "income" or "occupation"
    code = models.CharField(_("code"), max_length=50)

    class Meta:
        verbose_name = _("known state code")
        verbose_name_plural = _("known state codes")
        indexes = [models.Index(fields=["intervention", "discharged_on"],
                                name="known_state_by_intervention"),
                   models.Index(fields=["intervention"], condition=Q(phase="follow_up"),
                                name="known_state_followed_up")]

    def __str__(self):
        return f"{self.phase} {self.code_list} {self.code}"
