"""Deviation reports: reported by the owner, read by the office, turned into a case if needed."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from insatsportal.cases.services import case_open_for_deviation
from insatsportal.core.audit import log_action
from insatsportal.reports.errors import ReportError
from insatsportal.reports.models import Deviation


@transaction.atomic
def deviation_report(*, intervention, kind: str, description: str, consequence: str,
                     proposed_measure: str, decision_needed: bool, actor,
                     today: datetime.date) -> Deviation:
    deviation = Deviation.objects.create(
        intervention=intervention, kind=kind, description=description, consequence=consequence,
        proposed_measure=proposed_measure, decision_needed=decision_needed, reported_on=today,
        reported_by=actor,
    )
    log_action(actor=actor, obj=deviation, action="deviation.reported",
               data={"kind": kind, "decision_needed": decision_needed})
    return deviation


@transaction.atomic
def deviation_acknowledge(*, deviation: Deviation, actor) -> Deviation:
    deviation = Deviation.objects.select_for_update().get(pk=deviation.pk)
    if deviation.status != Deviation.Status.NEW:
        raise ReportError(_("The deviation report has already been handled."))
    deviation.status = Deviation.Status.ACKNOWLEDGED
    deviation.save(update_fields=["status"])
    log_action(actor=actor, obj=deviation, action="deviation.acknowledged")
    return deviation


@transaction.atomic
def deviation_open_case(*, deviation: Deviation, actor) -> Deviation:
    deviation = Deviation.objects.select_for_update().select_related("intervention").get(
        pk=deviation.pk)
    if deviation.case_id is not None:
        raise ReportError(_("A case is already open for this deviation report."))
    if not deviation.decision_needed:
        raise ReportError(_("Only a deviation that needs the board's decision becomes a case."))
    title = _("Deviation: %(intervention)s (%(kind)s)") % {
        "intervention": deviation.intervention.name, "kind": deviation.get_kind_display()}
    deviation.case = case_open_for_deviation(intervention=deviation.intervention, title=title,
                                             actor=actor, note=deviation.description[:500])
    deviation.status = Deviation.Status.CASE_OPENED
    deviation.save(update_fields=["case", "status"])
    log_action(actor=actor, obj=deviation, action="deviation.case_opened",
               data={"case": deviation.case.number})
    return deviation
