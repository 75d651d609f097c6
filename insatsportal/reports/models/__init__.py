from insatsportal.reports.models.meetings import InterventionMeeting

__all__ = ["InterventionMeeting"]
