"""Komplettering as a conversation: the office's questions, each beside its section, and the
owner's answers."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Section(models.TextChoices):
    """The parts of the edit form a question can concern (ids of its sections)."""

    GENERAL = "general", _("The application as a whole")
    NAME = "name", _("Name of the intervention")
    OWNER = "owner", _("Owner and partners")
    PURPOSE = "purpose", _("Purpose and goals")
    PERIOD = "period", _("Period and target group")
    METHODS = "methods", _("Methods and staffing")
    FOLLOW_UP = "follow_up", _("Follow-up and implementation")
    ANCHORING = "anchoring", _("Anchoring")
    AGREEMENT = "agreement", _("Agreement and signatures")
    BUDGET = "budget", _("Budget")


class CompletionQuestion(models.Model):
    application = models.ForeignKey(
        "applications.Application", on_delete=models.CASCADE,
        related_name="completion_questions", verbose_name=_("application"),
    )
    round = models.PositiveSmallIntegerField(
        _("completion round"), help_text=_("1 for the first return for completion, and so on."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    section = models.CharField(_("section"), max_length=20, choices=Section.choices,
                               default=Section.GENERAL)
    question = models.TextField(_("question"))
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("asked by"),
    )
    asked_at = models.DateTimeField(_("asked"), auto_now_add=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["round", "order", "pk"]
        verbose_name = _("completion question")
        verbose_name_plural = _("completion questions")

    def __str__(self):
        return f"{self.get_section_display()}: {self.question[:60]}"
