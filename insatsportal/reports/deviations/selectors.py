from insatsportal.accounts import policy
from insatsportal.reports.deviations.models import Deviation


def deviation_list(*, intervention):
    return (Deviation.objects.filter(intervention=intervention)
            .select_related("reported_by", "case"))


def deviation_inbox(*, user):
    if not policy.can_handle_deviations(user):
        return Deviation.objects.none()
    return (Deviation.objects.select_related("intervention", "case")
            .order_by("status", "-reported_on", "-pk"))


def deviation_get(*, user, pk):
    return deviation_inbox(user=user).filter(pk=pk).first()
