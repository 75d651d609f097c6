"""Signing in: password, second factor, enrolment, backup codes, logout, password reset."""

import base64

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect, render
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from insatsportal.accounts import selectors, services
from insatsportal.accounts.forms import CodeForm, ConfirmDeviceForm, LoginForm
from insatsportal.accounts.guards import (
    DEMO_SKIP_SESSION_KEY,
    demo_skip_allowed,
    has_confirmed_device,
    otp_not_required,
    recently_reauthenticated,
    require_recent_reauth,
    safe_next,
    second_factor_ok,
    second_step_url,
    with_next,
)
from insatsportal.accounts.services import SignInRefused
from insatsportal.core.audit import log_action
from insatsportal.core.idempotency import once_per_form

NEW_CODES_SESSION_KEY = "new_backup_codes"


def _start(next_url: str) -> str:
    return next_url or reverse(settings.LOGIN_REDIRECT_URL)


@login_not_required
@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_view(request):
    next_url = safe_next(request)
    if request.user.is_authenticated:
        if second_factor_ok(request):
            return redirect(_start(next_url))
        return redirect(second_step_url(request.user, next_url))
    form = LoginForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.login_check(
                request=request,
                username=form.cleaned_data["username"],
                password=form.cleaned_data["password"],
            )
        except SignInRefused as refused:
            form.add_error(None, refused.message)
        else:
            auth_login(request, user)
            if demo_skip_allowed(user):
                request.session[DEMO_SKIP_SESSION_KEY] = True
                return redirect(_start(next_url))
            return redirect(second_step_url(user, next_url))
    return render(request, "registration/login.html", {"form": form, "next": next_url})


@otp_not_required
@require_http_methods(["POST"])
def logout_view(request):
    """Ends the session on the server (POST only; a link cannot log anyone out)."""
    auth_logout(request)
    messages.info(request, _("You have logged out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


@otp_not_required
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def otp_verify(request):
    next_url = safe_next(request)
    if second_factor_ok(request):
        return redirect(_start(next_url))
    if not has_confirmed_device(request.user):
        return redirect(with_next("accounts:otp_setup", next_url))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device = services.second_factor_check(
                request=request, user=request.user, code=form.cleaned_data["code"]
            )
        except SignInRefused as refused:
            if refused.locked:
                auth_logout(request)
                messages.error(request, refused.message)
                return redirect("accounts:login")
            form.add_error("code", refused.message)
        else:
            services.second_factor_login(request=request, device=device)
            if services.unused_backup_codes(request.user) <= 2:
                messages.warning(request, _("You have few backup codes left. Create new ones "
                                            "under My account."))
            return redirect(_start(next_url))
    return render(request, "accounts/otp_verify.html", {"form": form, "next": next_url})


def _qr_data_uri(device) -> str:
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def _secret(device) -> str:
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@otp_not_required
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def otp_setup(request):
    """Set up the authenticator app (the first time, or to replace it after re-authenticating)."""
    user = request.user
    if has_confirmed_device(user):
        if not second_factor_ok(request):
            return redirect(second_step_url(user, request.get_full_path()))
        if not recently_reauthenticated(request):
            return redirect(with_next("accounts:reauth", request.get_full_path()))
    next_url = safe_next(request)
    device = selectors.unconfirmed_device(user=user)
    form = ConfirmDeviceForm()
    if request.method == "POST":
        if request.POST.get("action") == "start":
            services.totp_device_start(user=user)
            return redirect(with_next("accounts:otp_setup", next_url))
        form = ConfirmDeviceForm(request.POST)
        if device is None:
            return redirect(with_next("accounts:otp_setup", next_url))
        if form.is_valid():
            try:
                codes = services.totp_device_confirm(
                    request=request, user=user, device=device, code=form.cleaned_data["code"]
                )
            except SignInRefused as refused:
                form.add_error("code", refused.message)
            else:
                request.session[NEW_CODES_SESSION_KEY] = codes
                messages.success(request, _("Two-factor sign-in is set up."))
                return redirect(with_next("accounts:backup_codes", next_url))
    context = {"device": device, "form": form, "next": next_url}
    if device is not None:
        context.update(qr=_qr_data_uri(device), secret=_secret(device))
    return render(request, "accounts/otp_setup.html", context)


@require_http_methods(["GET", "HEAD"])
def backup_codes(request):
    """Shows new backup codes once (right after they were made), otherwise how many are left."""
    codes = request.session.pop(NEW_CODES_SESSION_KEY, None)
    return render(request, "accounts/backup_codes.html", {
        "codes": codes, "unused": services.unused_backup_codes(request.user),
        "next": safe_next(request),
    })


@require_http_methods(["POST"])
@require_recent_reauth
@once_per_form
def backup_codes_create(request):
    request.session[NEW_CODES_SESSION_KEY] = services.backup_codes_create(user=request.user)
    return redirect("accounts:backup_codes")


# --- Password reset by e-mail (Django's views, our templates) ---------------------

class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        try:
            services.password_reset_check(request=self.request, email=form.cleaned_data["email"])
        except SignInRefused as refused:
            form.add_error("email", refused.message)
            return self.form_invalid(form)
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        response = super().form_valid(form)
        services.sessions_end_all(user=form.user, actor=None, audit=False)
        log_action(actor=form.user, obj=form.user, action="account.password_reset")
        return response


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
