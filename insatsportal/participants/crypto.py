"""Keyed hashes and blind name indexes for participant identifiers.

PARTICIPANT_HASH_KEY is the secret of the hashes; encryption with PARTICIPANT_KEYS (and its
rotation) is core.crypto, shared with other personal data.
"""

import hashlib
import hmac
import re

from django.conf import settings

# The encryption itself is shared with other personal data (core.crypto); imported here so
# that participant code keeps one name for it.
from insatsportal.core.crypto import (  # noqa: F401
    ParticipantKeyError,
    decrypt,
    decrypt_bytes,
    encrypt,
    encrypt_bytes,
    rotate,
)


def keyed_hash(value: str, *, purpose: str = "personnummer") -> str:
    """HMAC-SHA256 of `value` under PARTICIPANT_HASH_KEY, separated by purpose."""
    key = settings.PARTICIPANT_HASH_KEY.encode()
    message = f"{purpose}:{value}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


_WORD = re.compile(r"\w+", re.UNICODE)
MIN_PREFIX = 2


def name_words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text or "")]


def name_index(name: str) -> str:
    """Blind index of a name: keyed hashes of every word prefix of two letters or more.

    Lets staff search their own participants by the start of any name without
    the database holding the name in clear text.
    """
    tokens = set()
    for word in name_words(name):
        for end in range(MIN_PREFIX, len(word) + 1):
            tokens.add(keyed_hash(word[:end], purpose="name")[:16])
    return " ".join(sorted(tokens))


def name_search_tokens(query: str) -> list[str]:
    return [
        keyed_hash(word, purpose="name")[:16]
        for word in name_words(query)
        if len(word) >= MIN_PREFIX
    ]
