"""Start-page items of the reports app: what the office and the owners have waiting."""

import datetime

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insatsportal.accounts import policy
from insatsportal.core.calendar import quarter_bounds
from insatsportal.core.selectors import REVIEW, WaitingItem
from insatsportal.interventions.models import Intervention
from insatsportal.reports.models import Deviation, Requisition
from insatsportal.reports.quarterly.services import reports_due


def waiting_items(user) -> list[WaitingItem]:
    items = []
    if policy.can_approve_requisitions(user):
        waiting = Requisition.objects.filter(status=Requisition.Status.SUBMITTED).aggregate(
            count=Count("pk"), latest=Max("submitted_at"))
        if count := waiting["count"]:
            items.append(WaitingItem(
                title=ngettext("%(count)d requisition to approve",
                               "%(count)d requisitions to approve", count) % {"count": count},
                url=reverse("reports:requisition_inbox"), kind=REVIEW,
                became_due_on=timezone.localdate(waiting["latest"])))
    if policy.can_handle_deviations(user):
        waiting = Deviation.objects.filter(status=Deviation.Status.NEW).aggregate(
            count=Count("pk"), latest=Max("reported_on"))
        if count := waiting["count"]:
            items.append(WaitingItem(
                title=ngettext("%(count)d new deviation report", "%(count)d new deviation reports",
                               count) % {"count": count},
                url=reverse("reports:deviation_inbox"), became_due_on=waiting["latest"],
                kind=REVIEW))
    items.extend(_quarterly_items(user))
    return items


def _quarterly_items(user) -> list[WaitingItem]:
    """Owners: their due and overdue reports. The office: every overdue report."""


    office = policy.can_review_quarterly_reports(user)
    scope = Q() if office else policy.quarterly_report_scope(user)
    if scope == policy.NOTHING:
        return []
    interventions = Intervention.objects.filter(scope)
    items = []
    for due in reports_due(interventions.order_by("name"), today=timezone.localdate()):
        if office and not due.overdue:
            continue
        items.append(WaitingItem(
            title=_("Quarterly report %(year)s Q%(quarter)s: %(intervention)s") % {
                "year": due.year, "quarter": due.quarter, "intervention": due.intervention.name},
            url=reverse("reports:quarterly", args=[due.intervention.pk, due.year, due.quarter]),
            detail=(_("Overdue since %(day)s") if due.overdue else _("Due by %(day)s"))
            % {"day": due.due_on.isoformat()},
            overdue=due.overdue,
            # Due when the quarter ends, and due again (overdue) the day after due_on.
            became_due_on=due.due_on + datetime.timedelta(days=1) if due.overdue
            else quarter_bounds(due.year, due.quarter)[1],
        ))
    return items
