"""Start-page items of the reports app: what the office and the owners have waiting."""

from django.urls import reverse
from django.utils.translation import ngettext

from insatsportal.accounts import policy
from insatsportal.core.selectors import WaitingItem


def waiting_items(user) -> list[WaitingItem]:
    from insatsportal.reports.models import Deviation, Requisition

    items = []
    if policy.can_approve_requisitions(user):
        count = Requisition.objects.filter(status=Requisition.Status.SUBMITTED).count()
        if count:
            items.append(WaitingItem(
                title=ngettext("%(count)d requisition to approve",
                               "%(count)d requisitions to approve", count) % {"count": count},
                url=reverse("reports:requisition_inbox")))
    if policy.can_handle_deviations(user):
        count = Deviation.objects.filter(status=Deviation.Status.NEW).count()
        if count:
            items.append(WaitingItem(
                title=ngettext("%(count)d new deviation report", "%(count)d new deviation reports",
                               count) % {"count": count},
                url=reverse("reports:deviation_inbox")))
    return items
