from insatsportal.reports.models.meetings import InterventionMeeting
from insatsportal.reports.models.requisitions import Requisition, RequisitionLine

__all__ = ["InterventionMeeting", "Requisition", "RequisitionLine"]
