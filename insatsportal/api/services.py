"""Writes of the API app: creating and revoking tokens, and recording each use."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.api import tokens
from insatsportal.api.models import ApiToken, Scope
from insatsportal.core.audit import log_action


class ApiTokenError(Exception):
    pass


@transaction.atomic
def api_token_create(*, actor, name: str, scopes: list[str], interventions=(),
                     expires_on: datetime.date) -> tuple[ApiToken, str]:
    """A new token and its raw value, which is shown once and never stored."""
    today = timezone.localdate()
    if not name.strip():
        raise ApiTokenError(_("Give the token a name."))
    unknown = set(scopes) - set(Scope.values)
    if not scopes or unknown:
        raise ApiTokenError(_("Choose at least one thing the token may read."))
    if not today < expires_on <= today + datetime.timedelta(days=settings.API_TOKEN_MAX_DAYS):
        raise ApiTokenError(_("The expiry date must be after today and at most %(days)s days "
                              "ahead.") % {"days": settings.API_TOKEN_MAX_DAYS})
    raw, prefix, secret_hash = tokens.new_token()
    expires_at = timezone.make_aware(datetime.datetime.combine(
        expires_on + datetime.timedelta(days=1), datetime.time.min))
    token = ApiToken.objects.create(
        name=name.strip(), prefix=prefix, secret_hash=secret_hash,
        scopes=[s for s in Scope.values if s in scopes],
        all_interventions=not interventions, created_by=actor, expires_at=expires_at)
    token.interventions.set(interventions)
    log_action(actor=actor, obj=token, action="api_token.created", data={
        "prefix": prefix, "scopes": token.scopes, "expires_on": expires_on.isoformat(),
        "interventions": sorted(i.pk for i in interventions)})
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor, token: ApiToken) -> ApiToken:
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ApiTokenError(_("The token is already revoked."))
    token.revoked_at = timezone.now()
    token.revoked_by = actor
    token.save(update_fields=["revoked_at", "revoked_by"])
    log_action(actor=actor, obj=token, action="api_token.revoked", data={"prefix": token.prefix})
    return token


def api_token_use(*, token: ApiToken, path: str, query: str) -> None:
    """Every API read is in the audit log, under the token, with what was asked for."""
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    log_action(actor=None, obj=token, action="api.read",
               data={"token": token.prefix, "path": path[:500], "query": query[:500]})
