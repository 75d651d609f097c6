"""The participant keys as /healthz sees them (core.health)."""

from insatsportal.participants import crypto
from insatsportal.participants.models import Participant


def participant_keys_match() -> bool:
    """The newest identified participant decrypts and hashes to its stored value.

    A restore with the wrong PARTICIPANT_KEYS or PARTICIPANT_HASH_KEY then shows as
    unhealthy at once; `manage.py check_participant_keys` checks every row. Nothing
    decrypted leaves this function.
    """
    row = (
        Participant.objects.exclude(personnummer_encrypted="")
        .order_by("-pk").values_list("personnummer_encrypted", "personnummer_hash").first()
    )
    if row is None:
        return True
    try:
        plain = crypto.decrypt(row[0])
    except crypto.ParticipantKeyError:
        return False
    return crypto.keyed_hash(plain) == row[1]
