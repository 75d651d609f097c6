from insatsportal.participants.models.participant import (
    Consent,
    Participant,
    ReadLogEntry,
    Sex,
)

__all__ = ["Consent", "Participant", "ReadLogEntry", "Sex"]
