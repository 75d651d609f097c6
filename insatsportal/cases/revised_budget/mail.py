"""The e-mail that asks the owner for a revised budget as soon as the board grants something
other than what was applied for (the start page and the daily reminder keep asking after)."""

import logging
import smtplib

from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from insatsportal.accounts.models import Role, User
from insatsportal.cases.budget_of_record import budgets_of_record
from insatsportal.cases.models import Grant
from insatsportal.core.money import format_kr

logger = logging.getLogger(__name__)


def _recipients(member_id) -> list[str]:
    return sorted(set(User.objects.filter(
        is_active=True, member_id=member_id, roles__role=Role.INSATSANSVARIG,
    ).exclude(email="").values_list("email", flat=True)))


def revised_budget_request_send(*, grant_id: int) -> int:
    """Mail the lead owner's staff that the grant needs a revised budget; returns the number
    of recipients (0 when the grant is exactly what was applied for)."""
    grant = Grant.objects.select_related("intervention", "decision__case__application").get(
        pk=grant_id)
    recipients = _recipients(grant.intervention.owner_id)
    with translation.override(settings.LANGUAGE_CODE):
        [record] = budgets_of_record([grant])
        if not record.differs or not recipients:
            return 0
        subject = _("Insatsportalen: revise the budget to the grant for %(name)s") % {
            "name": record.name}
        body = "\n".join([
            _("The board has decided on %(name)s: %(outcome)s, %(amount)s for %(start)s – "
              "%(end)s.") % {"name": record.name,
                             "outcome": grant.decision.get_outcome_display().lower(),
                             "amount": format_kr(grant.amount), "start": grant.period_start,
                             "end": grant.period_end},
            record.explanation, "",
            _("Write the revised budget on the same template, per organisation and year of "
              "the granted period, and send it to the förbund for approval:"),
            settings.SITE_URL.rstrip("/") + reverse(
                "interventions:grant_budget", args=[grant.intervention_id, grant.pk]),
        ])
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    return len(recipients)


def revised_budget_request_after_decision(grant_id: int) -> None:
    """Run after the decision's commit: a mail server that fails does not undo the decision;
    the start page and the daily reminder still ask for the revised budget."""
    try:
        revised_budget_request_send(grant_id=grant_id)
    except (smtplib.SMTPException, OSError):
        logger.exception("The revised-budget request for grant %s was not mailed", grant_id)
