from insatsportal.reports.meetings.models import InterventionMeeting


def meeting_list(*, intervention):
    return (InterventionMeeting.objects.filter(intervention=intervention)
            .select_related("recorded_by").prefetch_related("parties"))
