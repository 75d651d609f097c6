"""Second factor and re-authentication: the checks that sit in front of the views.

`second_factor_ok(request)` is the one answer to "has this session passed both factors?";
the middleware, the admin site and the templates all ask it.
"""

import functools
import time
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp.plugins.otp_totp.models import TOTPDevice

from insatsportal.accounts.demo_personas import DEMO_USERS

DEMO_SKIP_SESSION_KEY = "otp_demo_skip"
REAUTH_SESSION_KEY = "reauth_at"


def otp_not_required(view):
    """Mark a view that a password-only session may open (the second-factor pages, logout)."""
    view.otp_not_required = True
    return view


def is_demo_user(user) -> bool:
    return user.get_username() in DEMO_USERS


def demo_skip_allowed(user) -> bool:
    return bool(settings.DEMO_MODE and settings.OTP_DEMO_SKIP and is_demo_user(user))


def second_factor_ok(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return True
    return bool(request.session.get(DEMO_SKIP_SESSION_KEY)) and demo_skip_allowed(user)


def demo_skipped(request) -> bool:
    """True when this session is signed in through the demo skip (shown as a banner)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not request.session.get(DEMO_SKIP_SESSION_KEY):
        return False
    is_verified = getattr(user, "is_verified", None)
    return not (is_verified and is_verified()) and demo_skip_allowed(user)


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def safe_next(request, default: str = "") -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return default


def with_next(url_name: str, next_url: str) -> str:
    url = reverse(url_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def second_step_url(user, next_url: str = "") -> str:
    """Where a password-only session goes: verification, or enrolment without a device."""
    name = "accounts:otp_verify" if has_confirmed_device(user) else "accounts:otp_setup"
    return with_next(name, next_url)


def reauth_mark(request) -> None:
    request.session[REAUTH_SESSION_KEY] = time.time()


def recently_reauthenticated(request) -> bool:
    at = request.session.get(REAUTH_SESSION_KEY)
    if not isinstance(at, int | float):
        return False
    return 0 <= time.time() - at <= settings.REAUTH_MAX_AGE


def require_recent_reauth(view):
    """Send the user to confirm password and code first, unless done in the last minutes."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not recently_reauthenticated(request):
            # After confirming, come back to the form (a POST cannot be replayed).
            back = request.get_full_path() if request.method == "GET" else reverse(
                "accounts:account"
            )
            return redirect(with_next("accounts:reauth", back))
        return view(request, *args, **kwargs)

    return wrapper
