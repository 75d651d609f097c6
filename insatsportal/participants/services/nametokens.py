"""The name search index kept with the name: NameToken rows from Participant.name_index."""

from insatsportal.participants.models import NameToken


def name_tokens(name_index: str) -> list[str]:
    """The NameToken values of one name_index (none for an anonymous record): the bulk
    writer of the demo data writes the same rows without model instances."""
    return sorted(set(name_index.split()))


def name_tokens_write(participants, *, new: bool = False, batch_size: int = 5000) -> int:
    """Replace the tokens of `participants` by those of their name_index (none for an
    anonymous record); `new`: just inserted, nothing to replace. Returns the rows written."""
    participants = list(participants)
    if not new:
        NameToken.objects.filter(participant_id__in=[p.pk for p in participants]).delete()
    return len(NameToken.objects.bulk_create(
        [NameToken(participant_id=p.pk, token=token)
         for p in participants for token in name_tokens(p.name_index)],
        batch_size=batch_size))
