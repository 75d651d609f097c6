"""The name search index kept with the name: NameToken rows from Participant.name_index."""

from insatsportal.participants.models import NameToken


def name_tokens_write(participants, *, new: bool = False, batch_size: int = 5000) -> None:
    """Replace the tokens of `participants` by those of their name_index (none for an
    anonymous record); `new`: just inserted, nothing to replace."""
    participants = list(participants)
    if not new:
        NameToken.objects.filter(participant_id__in=[p.pk for p in participants]).delete()
    NameToken.objects.bulk_create(
        [NameToken(participant_id=p.pk, token=token)
         for p in participants for token in set(p.name_index.split())],
        batch_size=batch_size)
