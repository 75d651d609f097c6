"""Single sign-on with OpenID Connect (mozilla-django-oidc), off unless configured.

Matching (`SSOBackend`): a user is found by the provider's stable subject (issuer + `sub`,
`ExternalIdentity`); failing that, an existing active account with the same e-mail is
linked, but only if the provider says the address is verified. Otherwise, with
OIDC_CREATE_USERS, a new account is made with no role: the office grants one.

Second factor: the session counts as verified only when the ID token asserts
multi-factor authentication (`amr` has one of SSO_MFA_AMR, or `acr` is one of
SSO_MFA_ACR); otherwise the user goes on to the app code as after a password.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from insatsportal.accounts import services
from insatsportal.accounts.guards import otp_not_required
from insatsportal.accounts.models import ExternalIdentity, IdentityProviderDevice, User
from insatsportal.core.audit import log_action

logger = logging.getLogger(__name__)

# The ID token's claims for the callback view (set by the backend during authenticate()).
_CLAIMS_ATTR = "_sso_id_claims"


def mfa_asserted(claims: dict) -> bool:
    amr = claims.get("amr") or []
    if isinstance(amr, str):
        amr = [amr]
    if set(amr) & set(settings.SSO_MFA_AMR):
        return True
    return bool(claims.get("acr")) and claims.get("acr") in settings.SSO_MFA_ACR


class SSOBackend(OIDCAuthenticationBackend):
    def get_or_create_user(self, access_token, id_token, payload):
        if payload.get("iss") != settings.OIDC_ISSUER:
            raise SuspiciousOperation("ID token from another issuer")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token for another client")
        if not payload.get("sub"):
            raise SuspiciousOperation("ID token without subject")
        setattr(self.request, _CLAIMS_ATTR, payload)
        return super().get_or_create_user(access_token, id_token, payload)

    def verify_claims(self, claims):
        return bool(claims.get("sub"))

    def filter_users_by_claims(self, claims):
        return sso_user_match(issuer=settings.OIDC_ISSUER, claims=claims)

    def create_user(self, claims):
        return sso_user_create(issuer=settings.OIDC_ISSUER, claims=claims)

    def update_user(self, user, claims):
        return user


@transaction.atomic
def sso_user_match(*, issuer: str, claims: dict) -> list[User]:
    """The account for these claims: by subject, else by verified e-mail (then linked)."""
    identity = (ExternalIdentity.objects.select_related("user")
                .filter(issuer=issuer, subject=claims["sub"]).first())
    if identity is not None:
        return [identity.user]
    email = (claims.get("email") or "").strip()
    if not email or claims.get("email_verified") is not True:
        return []
    users = list(User.objects.filter(email__iexact=email)[:2])
    if len(users) != 1:
        return users if len(users) > 1 else []
    if not users[0].is_active:
        # A deactivated person must not come back as a new account.
        raise SuspiciousOperation("the matching account is deactivated")
    ExternalIdentity.objects.create(user=users[0], issuer=issuer, subject=claims["sub"])
    log_action(actor=None, obj=users[0], action="user.sso_linked")
    return users


@transaction.atomic
def sso_user_create(*, issuer: str, claims: dict) -> User:
    """A new account with no role; the e-mail only if verified."""
    email = claims.get("email") if claims.get("email_verified") is True else ""
    base = (email or "").split("@")[0] or f"sso-{claims['sub']}"
    username, n = base[:140], 1
    while User.objects.filter(username__iexact=username).exists():
        n += 1
        username = f"{base[:140]}-{n}"
    user = services.user_create(actor=None, username=username, email=email or "",
                                first_name=claims.get("given_name", "")[:150],
                                last_name=claims.get("family_name", "")[:150])
    ExternalIdentity.objects.create(user=user, issuer=issuer, subject=claims["sub"])
    log_action(actor=None, obj=user, action="user.sso_linked")
    return user


class _Callback(OIDCAuthenticationCallbackView):
    def login_failure(self):
        messages.error(self.request, _("Single sign-on failed. Try again, or sign in with "
                                       "your password."))
        return redirect("accounts:login")

    def login_success(self):
        response = super().login_success()
        claims = getattr(self.request, _CLAIMS_ATTR, {}) or {}
        if mfa_asserted(claims):
            device, _created = IdentityProviderDevice.objects.get_or_create(
                user=self.user, defaults={"name": "sso", "confirmed": True}
            )
            services.second_factor_login(request=self.request, device=device)
        return response


def _enabled_or_404():
    if not settings.SSO_ENABLED:
        raise Http404


@login_not_required
@otp_not_required
@require_safe
def sso_login(request):
    """Send the browser to the identity provider (state, nonce and PKCE in the session)."""
    _enabled_or_404()
    return OIDCAuthenticationRequestView.as_view()(request)


@login_not_required
@otp_not_required
@require_safe
def sso_callback(request):
    _enabled_or_404()
    return _Callback.as_view()(request)
