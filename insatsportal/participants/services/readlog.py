"""The read log: every display of identified participant data leaves one entry per page
shown, naming the persons on it."""

from collections.abc import Iterable

from insatsportal.participants.models import Participant, ReadLogEntry


def read_log_record(*, user, participants: Iterable[Participant], what: str) -> None:
    """One entry naming the identified participants shown (anonymous records are not
    personal data); nothing when none was."""
    shown = [p for p in participants if not p.is_anonymous]
    if not shown:
        return
    interventions = {p.intervention_id for p in shown}
    ReadLogEntry.objects.create(
        user=user if user.is_authenticated else None,
        user_name=(user.get_full_name() or user.get_username()) if user.is_authenticated
        else "",
        participant_id=shown[0].pk if len(shown) == 1 else None,
        participants=sorted({str(p.pk) for p in shown}),
        intervention_id=interventions.pop() if len(interventions) == 1 else None,
        what=what,
    )
