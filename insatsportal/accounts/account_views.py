"""My account (e-mail, password, second factor, own sessions) and the office's session list."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy, selectors, services
from insatsportal.accounts.forms import EmailForm, NewPasswordForm, ReauthForm
from insatsportal.accounts.guards import (
    has_confirmed_device,
    reauth_mark,
    require_recent_reauth,
    safe_next,
)
from insatsportal.accounts.services import SignInRefused
from insatsportal.core.decorators import require


def _sessions_context(request):
    return {
        "sessions": selectors.sessions_of(user=request.user),
        "current_key": request.session.session_key,
    }


@require_safe
def account(request):
    return render(request, "accounts/account.html", {
        "has_device": has_confirmed_device(request.user),
        "unused_codes": services.unused_backup_codes(request.user),
        "can_manage_sessions": policy.can_manage_sessions(request.user),
        **_sessions_context(request),
    })


@sensitive_post_parameters("password", "code")
@require_http_methods(["GET", "POST"])
def reauth(request):
    """Confirm password and code before changing e-mail, password or second factor."""
    user = request.user
    next_url = safe_next(request, default="/konto/")
    needs_code = has_confirmed_device(user)
    form = ReauthForm(request.POST or None, needs_code=needs_code)
    if request.method == "POST" and form.is_valid():
        try:
            checked = services.login_check(
                request=request, username=user.get_username(),
                password=form.cleaned_data["password"],
            )
            if checked.pk != user.pk:
                raise SignInRefused(services.BAD_CREDENTIALS)
            if needs_code:
                services.second_factor_check(
                    request=request, user=user, code=form.cleaned_data["code"]
                )
        except SignInRefused as refused:
            form.add_error(None, refused.message)
        else:
            reauth_mark(request)
            return redirect(next_url)
    return render(request, "accounts/reauth.html", {"form": form, "next": next_url})


@require_http_methods(["GET", "POST"])
@require_recent_reauth
def email_change(request):
    form = EmailForm(request.POST or None, initial={"email": request.user.email})
    if request.method == "POST" and form.is_valid():
        services.email_change(user=request.user, email=form.cleaned_data["email"])
        messages.success(request, _("Your e-mail address has been changed."))
        return redirect("accounts:account")
    return render(request, "accounts/email_change.html", {"form": form})


@sensitive_post_parameters("new_password1", "new_password2")
@require_http_methods(["GET", "POST"])
@require_recent_reauth
def password_change(request):
    form = NewPasswordForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.password_change(
            request=request, user=request.user, password=form.cleaned_data["new_password1"]
        )
        messages.success(request, _("Your password has been changed. Your other sessions "
                                    "have ended."))
        return redirect("accounts:account")
    return render(request, "accounts/password_change.html", {"form": form})


@require_safe
def sessions_fragment(request):
    """The list of the user's own sessions (htmx swaps it in after ending one)."""
    return render(request, "accounts/_sessions.html", _sessions_context(request))


@require_POST
def session_end(request):
    """End one of the user's own other sessions."""
    record = selectors.session_get_for_user(user=request.user, pk=request.POST.get("session"))
    if record.session_key == request.session.session_key:
        raise Http404
    services.session_end(actor=request.user, user_session=record)
    if request.htmx:
        return redirect("accounts:sessions_fragment")
    messages.success(request, _("The session has ended."))
    return redirect("accounts:account")


@require_safe
@require(policy.can_manage_sessions)
def session_admin(request):
    return render(request, "accounts/session_admin.html",
                  {"users": selectors.users_with_sessions()})


@require_POST
@require(policy.can_manage_sessions)
def user_sessions_end(request):
    """The office ends every session of another user (e.g. a lost laptop)."""
    target = selectors.user_get_for_user(user=request.user, pk=request.POST.get("user"),
                                         action="sessions")
    keep = request.session.session_key if target.pk == request.user.pk else None
    ended = services.sessions_end_all(user=target, actor=request.user, keep_key=keep)
    messages.success(request, _("%(count)d sessions of %(user)s have ended.")
                     % {"count": ended, "user": target})
    return redirect("accounts:session_admin")


@require_POST
def session_keepalive(request):
    """"Stay signed in" before the idle limit: the session lasts another
    SESSION_IDLE_TIMEOUT from now (noted even if a request a moment ago was not)."""
    services.session_note_use(request=request, now=timezone.now().timestamp(), force=True)
    if "application/json" in request.headers.get("Accept", ""):
        return JsonResponse({"idle_seconds": settings.SESSION_IDLE_TIMEOUT})
    return redirect(safe_next(request) or reverse(settings.LOGIN_REDIRECT_URL))
