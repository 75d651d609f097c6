from insatsportal.participants.models.codes import Code, CodeList
from insatsportal.participants.models.discharge import Discharge
from insatsportal.participants.models.enrolment import Enrolment
from insatsportal.participants.models.participant import (
    Consent,
    Participant,
    ReadLogEntry,
    Sex,
)

__all__ = ["Code", "CodeList", "Consent", "Discharge", "Enrolment", "Participant", "ReadLogEntry", "Sex"]
