from insatsportal.participants.models.codes import Code, CodeList
from insatsportal.participants.models.discharge import Discharge
from insatsportal.participants.models.enrolment import Enrolment
from insatsportal.participants.models.participant import (
    Consent,
    Participant,
    ReadLogEntry,
    Sex,
)
from insatsportal.participants.models.plan import ActionPlan, PlanRevision

__all__ = [
    "ActionPlan", "Code", "CodeList", "Consent", "Discharge", "Enrolment", "Participant",
    "PlanRevision", "ReadLogEntry", "Sex",
]
