from insatsportal.reports.models.deviations import Deviation
from insatsportal.reports.models.meetings import InterventionMeeting
from insatsportal.reports.models.national import AdministrativeCost
from insatsportal.reports.models.quarterly import QuarterlyReport
from insatsportal.reports.models.reminders import ReminderSent
from insatsportal.reports.models.requisitions import Requisition, RequisitionLine

__all__ = ["AdministrativeCost", "Deviation", "InterventionMeeting", "QuarterlyReport",
           "ReminderSent", "Requisition", "RequisitionLine"]
