"""Encryption at rest with PARTICIPANT_KEYS: for participant identifiers, and for anything
else that can hold personal data (form posts kept over a session's end, drafts).

The first key encrypts, every key decrypts, so a new key can be put first and old tokens
re-encrypted with `manage.py rotate_participant_keys`. A token that no key opens raises
ParticipantKeyError: the system fails closed and never shows garbage in place of a name.
"""

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


class ParticipantKeyError(ImproperlyConfigured):
    """Participant data cannot be decrypted with the configured keys."""


@lru_cache(maxsize=4)
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    if not keys:
        raise ParticipantKeyError("PARTICIPANT_KEYS is empty: participant data cannot be read.")
    return MultiFernet([Fernet(key) for key in keys])


def _current() -> MultiFernet:
    return _fernet(tuple(settings.PARTICIPANT_KEYS))


def encrypt(text: str) -> str:
    """Encrypt a non-empty string; the empty string stays empty."""
    if not text:
        return ""
    return _current().encrypt(text.encode()).decode("ascii")


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _current().decrypt(token.encode("ascii")).decode()
    except InvalidToken as exc:
        raise ParticipantKeyError(
            "Participant data cannot be decrypted with the keys in PARTICIPANT_KEYS. "
            "Check that the key that encrypted it is still listed."
        ) from exc


def encrypt_bytes(data: bytes) -> bytes:
    return _current().encrypt(data)


def decrypt_bytes(data: bytes) -> bytes:
    try:
        return _current().decrypt(data)
    except InvalidToken as exc:
        raise ParticipantKeyError(
            "A stored file cannot be decrypted with the keys in PARTICIPANT_KEYS."
        ) from exc


def rotate(token: str) -> str:
    """Re-encrypt a token with the first (newest) key."""
    if not token:
        return ""
    try:
        return _current().rotate(token.encode("ascii")).decode("ascii")
    except InvalidToken as exc:
        raise ParticipantKeyError(
            "Participant data cannot be re-encrypted: no key in PARTICIPANT_KEYS opens it."
        ) from exc
