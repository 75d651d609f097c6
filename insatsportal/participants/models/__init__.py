from insatsportal.participants.models.activity import Activity
from insatsportal.participants.models.codes import Code, CodeList
from insatsportal.participants.models.discharge import Discharge
from insatsportal.participants.models.enrolment import Enrolment
from insatsportal.participants.models.facts import ParticipantFacts
from insatsportal.participants.models.followup import FollowUp, FollowUpPolicy, FollowUpSample
from insatsportal.participants.models.participant import (
    Consent,
    NameToken,
    Participant,
    ReadLogEntry,
    Sex,
)
from insatsportal.participants.models.plan import ActionPlan, PlanRevision
from insatsportal.participants.models.rating import (
    Answer,
    Instrument,
    Item,
    ItemChange,
    ItemChangeTotal,
    Rating,
)

__all__ = [
    "ActionPlan", "Activity", "Answer", "Code", "CodeList", "Consent", "Discharge", "Enrolment",
    "FollowUp", "FollowUpPolicy", "FollowUpSample", "Instrument", "Item", "ItemChange",
    "ItemChangeTotal", "NameToken", "Participant", "ParticipantFacts",
    "PlanRevision", "Rating", "ReadLogEntry", "Sex",
]
