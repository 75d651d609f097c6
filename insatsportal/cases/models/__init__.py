from insatsportal.cases.models.case import (
    Case,
    CaseNumberSequence,
    CaseStatusChange,
    ChecklistNote,
    Recommendation,
)
from insatsportal.cases.models.decision import Decision, Grant
from insatsportal.cases.models.meeting import AgendaItem, Meeting
from insatsportal.cases.models.proposal import DecisionProposal

__all__ = [
    "AgendaItem",
    "Case",
    "CaseNumberSequence",
    "CaseStatusChange",
    "ChecklistNote",
    "Decision",
    "DecisionProposal",
    "Grant",
    "Meeting",
    "Recommendation",
]
