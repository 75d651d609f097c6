from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.cases.models.meeting import Body


class DecisionProposal(models.Model):
    """The förbundschef's tjänsteskrivelse: drafted by the system, edited by the office."""

    case = models.OneToOneField(
        "cases.Case", on_delete=models.CASCADE, related_name="proposal", verbose_name=_("case")
    )
    proposer = models.CharField(
        _("proposed by"), max_length=20, choices=Body.choices, default=Body.WORKING_COMMITTEE,
        help_text=_("The working committee proposes that the board decide, or the board is "
                    "proposed to decide."),
    )
    title = models.CharField(_("heading"), max_length=300)
    clauses = models.JSONField(_("att-clauses"), default=list)
    matter = models.TextField(_("the matter (Ärendet)"))
    assessment = models.TextField(_("assessment (Bedömning)"))
    signer_name = models.CharField(_("signed by"), max_length=200)
    signer_title = models.CharField(_("title"), max_length=200)
    amount = models.DecimalField(_("proposed maximum amount"), max_digits=12, decimal_places=0)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    drafted_at = models.DateTimeField(_("drafted"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("decision proposal")
        verbose_name_plural = _("decision proposals")

    def __str__(self):
        return self.title
