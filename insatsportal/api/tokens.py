"""The token format: `ip_<prefix>_<secret>`, of which only SHA-256(secret) is stored."""

import hashlib
import hmac
import re
import secrets

PREFIX_BYTES = 6  # 12 hex characters: finds the row, shown in the portal
SECRET_BYTES = 32
TOKEN_RE = re.compile(r"^ip_([0-9a-f]{12})_([A-Za-z0-9_-]{20,100})$")


def new_token() -> tuple[str, str, str]:
    """(raw token, prefix, hash of the secret)."""
    prefix = secrets.token_hex(PREFIX_BYTES)
    secret = secrets.token_urlsafe(SECRET_BYTES)
    return f"ip_{prefix}_{secret}", prefix, hash_secret(secret)


def hash_secret(secret: str) -> str:
    # A random 256-bit secret needs no salt or slow hash: it cannot be guessed.
    return hashlib.sha256(secret.encode()).hexdigest()


def split(raw: str) -> tuple[str, str] | None:
    match = TOKEN_RE.match(raw or "")
    return (match.group(1), match.group(2)) if match else None


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)
