"""The read log: every display of identified participant data leaves an entry."""

from collections.abc import Iterable

from insatsportal.participants.models import Participant, ReadLogEntry


def read_log_record(*, user, participants: Iterable[Participant], what: str) -> None:
    """One entry per identified participant shown (anonymous records are not personal data)."""
    name = (user.get_full_name() or user.get_username()) if user.is_authenticated else ""
    entries = [
        ReadLogEntry(
            user=user if user.is_authenticated else None,
            user_name=name,
            participant_id=p.pk,
            intervention_id=p.intervention_id,
            what=what,
        )
        for p in participants
        if not p.is_anonymous
    ]
    if entries:
        ReadLogEntry.objects.bulk_create(entries)
