"""Session limits and the second-factor gate."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.accounts import services
from insatsportal.accounts.guards import second_factor_ok, second_step_url
from insatsportal.accounts.signals import SESSION_LAST_ACTIVITY, SESSION_STARTED
from insatsportal.drafts.middleware import keep_expired_post

AUTH_KEYS = (SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY)


def _to_login(request, next_url: str | None = None):
    next_url = next_url or request.get_full_path()
    if getattr(request, "htmx", False) or request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = redirect_to_login(next_url)["Location"]
        return response
    return redirect_to_login(next_url)


class SessionLimitsMiddleware:
    """End a session after SESSION_IDLE_TIMEOUT without use or SESSION_ABSOLUTE_TIMEOUT in all.

    A session that lacks the sign-in time (made some other way) counts as expired. A session
    whose user has been deactivated or deleted is removed from the server. Use is noted at
    most every SESSION_ACTIVITY_WRITE_SECONDS (services.session_note_use), so the idle limit
    counts from the last noted use and most requests write nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            now = timezone.now().timestamp()
            started = request.session.get(SESSION_STARTED)
            last = request.session.get(SESSION_LAST_ACTIVITY)
            if (
                not isinstance(started, int | float)
                or not isinstance(last, int | float)
                or now - last > settings.SESSION_IDLE_TIMEOUT
                or now - started > settings.SESSION_ABSOLUTE_TIMEOUT
            ):
                # A form sent now is kept, to be filled in again after signing in; only
                # from a session past both factors, or a password alone could plant text.
                kept_on = keep_expired_post(request) if second_factor_ok(request) else None
                logout(request)
                messages.info(request, _("Your session has ended. Please log in again."))
                if kept_on:
                    messages.info(request, _(
                        "What you sent has been kept. After you log in it is filled in "
                        "again for you to check and save."))
                return _to_login(request, kept_on)
            services.session_note_use(request=request, now=now)
        elif any(k in request.session for k in AUTH_KEYS):
            # Signed in once, but the user is now inactive, deleted or has a new password.
            services.session_forget(session_key=request.session.session_key)
            request.session.flush()
        return self.get_response(request)


class SecondFactorRequiredMiddleware:
    """Every page for a signed-in user needs the second factor, the admin included.

    Open with the password alone: views marked `otp_not_required` (second-factor steps,
    logout) and public views (`login_not_required`, outside the admin).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.user.is_authenticated or second_factor_ok(request):
            return None
        if getattr(view_func, "otp_not_required", False):
            return None
        match = request.resolver_match
        in_admin = match is not None and "admin" in match.namespaces
        if not in_admin and getattr(view_func, "login_required", True) is False:
            return None
        return redirect(second_step_url(request.user, request.get_full_path()))
