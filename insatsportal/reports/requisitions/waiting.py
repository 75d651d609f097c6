"""Start-page hand-offs of requisitions: a returned claim waits on its organisation's list
until the organisation sends the quarter's claim again."""

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.accounts import policy
from insatsportal.accounts.models import Role
from insatsportal.core.selectors import RETURNED, WaitingItem
from insatsportal.reports.requisitions.models import Requisition


def waiting_items(user) -> list[WaitingItem]:
    if not (policy.has_role(user, Role.INSATSANSVARIG) and user.member_id is not None):
        return []
    return _returned_requisitions(user)


def _returned_requisitions(user) -> list[WaitingItem]:
    """Returned claims of the user's organisation not yet followed by a new one."""
    later = Requisition.objects.filter(
        intervention_id=OuterRef("intervention_id"), member_id=OuterRef("member_id"),
        year=OuterRef("year"), quarter=OuterRef("quarter"), pk__gt=OuterRef("pk"))
    items = []
    for requisition in (Requisition.objects.filter(member_id=user.member_id,
                                                   status=Requisition.Status.RETURNED)
                        .exclude(Exists(later))
                        .select_related("intervention").order_by("decided_at")):
        items.append(WaitingItem(
            title=_("Requisition returned: %(intervention)s %(year)s Q%(quarter)s") % {
                "intervention": requisition.intervention.name, "year": requisition.year,
                "quarter": requisition.quarter},
            url=reverse("reports:requisitions", args=[requisition.intervention_id]),
            detail=requisition.office_note[:200], kind=RETURNED,
            became_due_on=timezone.localdate(requisition.decided_at)
            if requisition.decided_at else None))
    return items
