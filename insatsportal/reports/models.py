"""Django reads one models module per app: the subpackages' models are gathered here."""

from insatsportal.reports.deviations.models import Deviation
from insatsportal.reports.meetings.models import InterventionMeeting
from insatsportal.reports.national.models import AdministrativeCost
from insatsportal.reports.quarterly.models import QuarterlyReport
from insatsportal.reports.reminders.models import ReminderSent
from insatsportal.reports.requisitions.models import Requisition, RequisitionLine

__all__ = ["AdministrativeCost", "Deviation", "InterventionMeeting", "QuarterlyReport",
           "ReminderSent", "Requisition", "RequisitionLine"]
