"""Backup codes: generated once, shown once, stored only as keyed hashes.

A code has 60 random bits (12 characters of Crockford's base32), so a fast keyed hash
(HMAC-SHA256 under SECRET_KEY) is enough: without the key a stolen table gives nothing to
guess against, and with it 2^60 guesses per code are still out of reach. A fast hash lets a
code be found with one indexed lookup instead of trying a slow hash against every code.
Rotating SECRET_KEY makes existing backup codes invalid; users then create new ones.
"""

import secrets

from django.utils.crypto import salted_hmac

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
LENGTH = 12
COUNT = 10
_SALT = "insatsportal.accounts.backup_codes"


def generate() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(typed: str) -> str:
    """Upper case, without spaces and dashes; I/L read as 1 and O as 0 (Crockford)."""
    code = "".join(str(typed or "").split()).replace("-", "").upper()
    code = code.translate(str.maketrans({"I": "1", "L": "1", "O": "0"}))
    if len(code) != LENGTH or any(c not in ALPHABET for c in code):
        return ""
    return code


def backup_code_hash(code: str) -> str:
    return salted_hmac(_SALT, code, algorithm="sha256").hexdigest()
