from insatsportal.accounts import policy
from insatsportal.core.access import get_for_user
from insatsportal.reports.deviations.models import Deviation


def deviation_list(*, intervention):
    return (Deviation.objects.filter(intervention=intervention)
            .select_related("reported_by", "case"))


def deviation_inbox(*, user):
    if not policy.can_handle_deviations(user):
        return Deviation.objects.none()
    return (Deviation.objects.select_related("intervention", "case")
            .order_by("status", "-reported_on", "-pk"))


def deviation_get_for_user(*, user, pk) -> Deviation:
    """A deviation report for the office to handle: the one door (core.access)."""
    return get_for_user(deviation_inbox(user=user), pk, user=user,
                        section=policy.can_handle_deviations)
