from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipantFacts(models.Model):
    """The facts of participants/facts.py for one person who counts (a wrong registration has
    no row), kept by services.facts after every change to what they are read from, so that
    the reports count one narrow table instead of joining the participant to five others."""

    participant = models.OneToOneField("participants.Participant", on_delete=models.CASCADE,
                                       primary_key=True, related_name="facts",
                                       verbose_name=_("participant"))
    # A relation only for the estimate's join to the grants: no constraint or index of its own
    # (facts_by_intervention leads with it).
    intervention = models.ForeignKey("interventions.Intervention", on_delete=models.DO_NOTHING,
                                     db_constraint=False, db_index=False, related_name="+",
                                     verbose_name=_("intervention"))
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
    # The codes of the person's states when the support is known before and after (else
    # empty), as one text (facts.known_states_key): the socio-economic estimate groups people
    # by it.
    known_states = models.TextField(_("known states"), db_default="")

    class Meta:
        verbose_name = _("participant facts")
        verbose_name_plural = _("participant facts")
        # Each with the column its counts read, so that they read the index alone
        # (PostgreSQL; SQLite leaves the included column out).
        indexes = [models.Index(fields=["intervention", "started_on"], include=["to_work"],
                                name="facts_by_intervention"),
                   models.Index(fields=["intervention", "discharged_on"],
                                include=["known_states"], name="facts_by_discharge")]

    def __str__(self):
        return str(self.participant_id)
