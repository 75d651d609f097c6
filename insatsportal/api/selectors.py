"""Reads of API tokens: the office's list, and finding the token of a request."""

from django.utils import timezone

from insatsportal.accounts import policy
from insatsportal.api import tokens
from insatsportal.api.models import ApiToken


def api_token_list(*, user):
    if not policy.can_manage_api_tokens(user):
        return ApiToken.objects.none()
    return (ApiToken.objects.select_related("created_by", "revoked_by")
            .prefetch_related("interventions"))


def api_token_get(*, user, pk) -> ApiToken | None:
    return api_token_list(user=user).filter(pk=pk).first()


def api_token_authenticate(*, raw: str) -> ApiToken | None:
    """The usable token whose secret `raw` carries, or None (unknown, revoked, expired)."""
    parts = tokens.split(raw)
    if parts is None:
        return None
    prefix, secret = parts
    token = ApiToken.objects.filter(
        prefix=prefix, revoked_at__isnull=True, expires_at__gt=timezone.now()).first()
    if token is None or not tokens.secret_matches(secret, token.secret_hash):
        return None
    return token
