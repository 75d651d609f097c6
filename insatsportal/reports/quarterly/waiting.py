"""Start-page hand-off of quarterly reports: a submitted report waits for the office's review."""

from django.db.models import Count, Max, Min
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.accounts import policy
from insatsportal.core.selectors import REVIEW, WaitingItem
from insatsportal.reports.quarterly.models import QuarterlyReport


def waiting_items(user) -> list[WaitingItem]:
    if not policy.can_review_quarterly_reports(user):
        return []
    items = []
    waiting = QuarterlyReport.objects.filter(status=QuarterlyReport.Status.SUBMITTED).aggregate(
        count=Count("pk"), latest=Max("submitted_at"), first=Min("pk"))
    if count := waiting["count"]:
        report = QuarterlyReport.objects.select_related("intervention").get(pk=waiting["first"])
        url = (reverse("reports:quarterly", args=[report.intervention_id, report.year,
                                                  report.quarter]) if count == 1
               else reverse("reports:index"))
        items.append(WaitingItem(
            title=_("Quarterly reports to review: %(count)d") % {"count": count},
            url=url, detail=report.intervention.name if count == 1 else "", kind=REVIEW,
            became_due_on=timezone.localdate(waiting["latest"]) if waiting["latest"] else None))
    return items
