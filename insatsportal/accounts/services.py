"""Sign-in, second factor, account changes and sessions: every write of the accounts app."""

import logging
from datetime import UTC, datetime, timedelta
from importlib import import_module

from django.conf import settings
from django.contrib.auth import authenticate, update_session_auth_hash
from django.core.exceptions import ValidationError
from django.core.validators import validate_ipv46_address
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp import DEVICE_ID_SESSION_KEY, verify_token
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from insatsportal.accounts import backup_codes
from insatsportal.accounts.models import (
    BackupCode,
    BackupCodeDevice,
    LoginAttempt,
    User,
    UserSession,
)
from insatsportal.core.audit import log_action

logger = logging.getLogger(__name__)

# Keys in the session: when it was signed in and when it was last noted in use (timestamps).
SESSION_STARTED = "session_started_at"
SESSION_LAST_ACTIVITY = "session_last_activity"

Stage = LoginAttempt.Stage
Reason = LoginAttempt.Reason

BAD_CREDENTIALS = _(
    "Please enter a correct username and password. Note that both fields are case-sensitive."
)
TOO_MANY = _(
    "Too many failed attempts. Wait a while and try again, or ask the association office "
    "for help."
)
BAD_CODE = _("The code is wrong or has already been used.")
TOO_MANY_CODES = _("Too many wrong codes. Log in again later.")
TOO_MANY_RESETS = _(
    "Too many requests for a new password. Wait an hour and try again, or ask the "
    "association office for help."
)


class SignInRefused(Exception):
    """A failed sign-in step; `message` is safe to show (it never says if an account exists)."""

    def __init__(self, message, *, locked: bool = False):
        super().__init__(str(message))
        self.message = message
        self.locked = locked


def client_ip(request) -> str | None:
    value = request.META.get(settings.CLIENT_IP_HEADER) or request.META.get("REMOTE_ADDR")
    if not value:
        return None
    value = value.split(",")[0].strip()
    try:
        validate_ipv46_address(value)
    except ValidationError:
        return None
    return value


def username_key(username: str) -> str:
    return (username or "").strip().casefold()[:150]


def _failures(*, stage: str, since, **where) -> int:
    """Failures in the window, except those of an account before the office unlocked it."""
    unlocked_later = LoginAttempt.objects.filter(
        username_key=OuterRef("username_key"), reason=Reason.UNLOCKED,
        timestamp__gte=OuterRef("timestamp"),
    )
    return LoginAttempt.objects.filter(
        stage=stage, success=False, reason__in=[Reason.BAD_CREDENTIALS, Reason.BAD_CODE],
        timestamp__gte=since, **where,
    ).exclude(Exists(unlocked_later)).count()


def _record(*, request, username: str, stage: str, reason: str) -> LoginAttempt:
    ip = client_ip(request)
    logger.info("Sign-in %s from %s: %s", stage, ip, reason)
    return LoginAttempt.objects.create(
        username=(username or "")[:150], username_key=username_key(username),
        ip_address=ip, stage=stage, success=reason == Reason.OK, reason=reason,
    )


def login_check(*, request, username: str, password: str) -> User:
    """Check a username and password under the attempt limits; log the attempt either way.

    The password is checked (the hasher runs) even for unknown or locked accounts, so that
    neither the answer nor the time it takes says whether the account exists.
    """
    now = timezone.now()
    user = authenticate(request, username=username, password=password)
    ip = client_ip(request)
    if ip is not None and _failures(
        stage=Stage.PASSWORD, ip_address=ip,
        since=now - timedelta(seconds=settings.LOGIN_ADDRESS_WINDOW),
    ) >= settings.LOGIN_ADDRESS_MAX_FAILURES:
        reason = Reason.ADDRESS_LIMIT
    elif _failures(
        stage=Stage.PASSWORD, username_key=username_key(username),
        since=now - timedelta(seconds=settings.LOGIN_ACCOUNT_WINDOW),
    ) >= settings.LOGIN_ACCOUNT_MAX_FAILURES:
        reason = Reason.ACCOUNT_LIMIT
    elif user is None:
        reason = Reason.BAD_CREDENTIALS
    else:
        reason = Reason.OK
    _record(request=request, username=username, stage=Stage.PASSWORD, reason=reason)
    if reason == Reason.OK:
        return user
    raise SignInRefused(BAD_CREDENTIALS if reason == Reason.BAD_CREDENTIALS else TOO_MANY)


def password_reset_check(*, request, email: str) -> None:
    """Allow a reset link for `email` unless the address or the account asked too often.

    Counted per e-mail address as typed (whether or not an account has it, so the answer
    never says which) and per client address, over PASSWORD_RESET_WINDOW. Every request is
    logged; raises SignInRefused when over a limit (no mail is then sent).
    """
    since = timezone.now() - timedelta(seconds=settings.PASSWORD_RESET_WINDOW)
    requests = LoginAttempt.objects.filter(stage=Stage.PASSWORD_RESET, timestamp__gte=since)
    ip = client_ip(request)
    if ip is not None and requests.filter(ip_address=ip).count() >= (
        settings.PASSWORD_RESET_ADDRESS_MAX
    ):
        reason = Reason.ADDRESS_LIMIT
    elif requests.filter(username_key=username_key(email), reason=Reason.RESET_SENT).count() >= (
        settings.PASSWORD_RESET_ACCOUNT_MAX
    ):
        reason = Reason.RESET_LIMIT
    else:
        reason = Reason.RESET_SENT
    _record(request=request, username=email, stage=Stage.PASSWORD_RESET, reason=reason)
    if reason != Reason.RESET_SENT:
        raise SignInRefused(TOO_MANY_RESETS)


def second_factor_check(*, request, user: User, code: str):
    """The device that accepts `code` (an app code or a backup code), under the attempt limit.

    An app code is accepted once: django-otp keeps the last used time step (`last_t`).
    A backup code is marked used. Raises SignInRefused(locked=True) after too many failures.
    """
    since = timezone.now() - timedelta(seconds=settings.OTP_FAILURE_WINDOW)
    key = username_key(user.get_username())
    if _failures(stage=Stage.SECOND_FACTOR, username_key=key, since=since) >= (
        settings.OTP_MAX_FAILURES
    ):
        _record(request=request, username=user.get_username(), stage=Stage.SECOND_FACTOR,
                reason=Reason.CODE_LIMIT)
        raise SignInRefused(TOO_MANY_CODES, locked=True)
    code = "".join(str(code or "").split())
    devices = (
        TOTPDevice.objects.filter(user=user, confirmed=True)
        if code.isdigit()
        else BackupCodeDevice.objects.filter(user=user, confirmed=True)
    )
    device = None
    for candidate in devices:
        device = verify_token(user, candidate.persistent_id, code)
        if device is not None:
            break
    reason = Reason.OK if device is not None else Reason.BAD_CODE
    _record(request=request, username=user.get_username(), stage=Stage.SECOND_FACTOR,
            reason=reason)
    if device is None:
        raise SignInRefused(BAD_CODE)
    return device


def second_factor_login(*, request, device) -> None:
    """Mark the session as verified and give it a new key (its privileges just grew)."""
    otp_login(request, device)
    old_key = request.session.session_key
    request.session.cycle_key()
    UserSession.objects.filter(session_key=old_key).update(
        session_key=request.session.session_key
    )


@transaction.atomic
def backup_codes_create(*, user: User, actor: User | None = None) -> list[str]:
    """A new set of backup codes; the old ones stop working. Returns the codes to show once."""
    device, _created = BackupCodeDevice.objects.get_or_create(
        user=user, defaults={"name": "backup", "confirmed": True}
    )
    device.codes.all().delete()
    codes = [backup_codes.generate() for _ in range(backup_codes.COUNT)]
    BackupCode.objects.bulk_create(
        BackupCode(device=device, code_hash=backup_codes.backup_code_hash(c)) for c in codes
    )
    log_action(actor=actor or user, obj=user, action="account.backup_codes_created")
    return [backup_codes.display(c) for c in codes]


def unused_backup_codes(user: User) -> int:
    return BackupCode.objects.filter(device__user=user, used_at__isnull=True).count()


@transaction.atomic
def totp_device_start(*, user: User) -> TOTPDevice:
    """A new, unconfirmed authenticator for the user to scan; earlier unconfirmed ones go."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="app", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, request, user: User, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the new authenticator with a code from it; replaces any earlier one.

    Returns the new backup codes to show once. Raises SignInRefused on a wrong code.
    """
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    code = "".join(str(code or "").split())
    if not (code.isdigit() and device.verify_token(code)):
        raise SignInRefused(BAD_CODE)
    replaced = TOTPDevice.objects.filter(user=user).exclude(pk=device.pk)
    had_device = replaced.filter(confirmed=True).exists()
    replaced.delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    log_action(actor=user, obj=user, action="account.second_factor_changed"
               if had_device else "account.second_factor_added")
    codes = backup_codes_create(user=user)
    request.session.pop(DEVICE_ID_SESSION_KEY, None)
    second_factor_login(request=request, device=device)
    return codes


@transaction.atomic
def email_change(*, user: User, email: str) -> User:
    user.email = email
    user.save(update_fields=["email"])
    log_action(actor=user, obj=user, action="account.email_changed")
    return user


@transaction.atomic
def password_change(*, request, user: User, password: str) -> User:
    """Set a new password; every other session of the user ends."""

    user.set_password(password)
    user.save(update_fields=["password"])
    update_session_auth_hash(request, user)
    sessions_end_all(user=user, actor=user, keep_key=request.session.session_key, audit=False)
    log_action(actor=user, obj=user, action="account.password_changed")
    return user


# --- Sessions -----------------------------------------------------------------

def _session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def session_record(*, request, user: User) -> UserSession | None:
    """Remember a new signed-in session (called at login)."""
    session = request.session
    if session.session_key is None:
        session.save()
    now = timezone.now()
    UserSession.objects.filter(
        user=user, created_at__lt=now - timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT)
    ).delete()
    record, _created = UserSession.objects.update_or_create(
        session_key=session.session_key,
        defaults={
            "user": user, "created_at": now, "last_seen_at": now,
            "ip_address": client_ip(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")[:200],
        },
    )
    return record


def session_note_use(*, request, now: float, force: bool = False) -> None:
    """Note that the session was used now, unless the noted time is less than
    SESSION_ACTIVITY_WRITE_SECONDS old: most requests then write nothing (two writes at once
    also locked SQLite). `force` notes it anyway ("stay signed in")."""
    last = request.session.get(SESSION_LAST_ACTIVITY)
    if (not force and isinstance(last, int | float)
            and now - last < settings.SESSION_ACTIVITY_WRITE_SECONDS):
        return
    request.session[SESSION_LAST_ACTIVITY] = now
    if key := request.session.session_key:
        UserSession.objects.filter(session_key=key).update(
            last_seen_at=datetime.fromtimestamp(now, tz=UTC))


def session_forget(*, session_key: str | None) -> None:
    if session_key:
        UserSession.objects.filter(session_key=session_key).delete()


@transaction.atomic
def session_end(*, actor: User, user_session: UserSession) -> None:
    """End one session on the server: the browser holding it is signed out at once."""
    _session_store()(user_session.session_key).delete()
    target = user_session.user
    user_session.delete()
    log_action(actor=actor, obj=target, action="account.session_ended")


@transaction.atomic
def sessions_end_all(
    *, user: User, actor: User | None, keep_key: str | None = None, audit: bool = True
) -> int:
    """End every session of `user` (except `keep_key`, the caller's own)."""
    store = _session_store()
    ended = 0
    for record in UserSession.objects.filter(user=user).exclude(session_key=keep_key or ""):
        store(record.session_key).delete()
        record.delete()
        ended += 1
    if audit:
        log_action(actor=actor, obj=user, action="account.sessions_ended",
                   data={"count": ended})
    return ended


# --- Users, roles and locks (the office; user_views.py) --------------------------------

class UserAdminRefused(Exception):
    """An office action that would do harm (e.g. locking oneself out); `message` is shown."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@transaction.atomic
def user_create(
    *, actor: User | None, username: str, first_name: str = "", last_name: str = "",
    email: str = "", member=None, title: str = "",
) -> User:
    """A new user with no password and no role: the enrolment link sets the password."""
    user = User(
        username=username, first_name=first_name, last_name=last_name, email=email,
        member=member, title=title,
    )
    user.set_unusable_password()
    user.save()
    log_action(actor=actor, obj=user, action="user.created")
    return user


@transaction.atomic
def user_update(*, actor: User, user: User, data: dict) -> User:
    fields = ["first_name", "last_name", "email", "member", "title"]
    # Compared with the stored row: a bound ModelForm has already changed `user` in memory.
    stored = User.objects.get(pk=user.pk)
    changed = [f for f in fields if f in data and getattr(stored, f) != data[f]]
    for field in changed:
        setattr(user, field, data[field])
    if changed:
        user.save(update_fields=changed)
        log_action(actor=actor, obj=user, action="user.updated", data={"fields": changed})
    return user


def enrolment_link_issue(*, actor: User | None, user: User) -> str:
    """A one-time link (valid PASSWORD_RESET_TIMEOUT seconds) where the user chooses a
    password; signing in afterwards leads to the second-factor enrolment. Any earlier link
    stops working once the password is set."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    path = reverse("accounts:password_reset_confirm", args=[
        urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user),
    ])
    log_action(actor=actor, obj=user, action="user.enrolment_link_issued")
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def user_role_grant(*, actor: User, user: User, role: str, intervention=None):
    from insatsportal.accounts.models import INTERVENTION_ROLES, RoleAssignment

    if role in INTERVENTION_ROLES and intervention is None:
        raise UserAdminRefused(_("This role is held for a named intervention: choose one."))
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user, role=role, intervention=intervention
    )
    if created:
        log_action(actor=actor, obj=user, action="user.role_granted", data={
            "role": role, "intervention": intervention.pk if intervention else None,
        })
    return assignment


@transaction.atomic
def user_role_revoke(*, actor: User, assignment) -> None:
    from insatsportal.accounts.models import Role

    user = assignment.user
    if user.pk == actor.pk and assignment.role == Role.KANSLI:
        raise UserAdminRefused(_("You cannot take the office role from yourself."))
    data = {"role": assignment.role, "intervention": assignment.intervention_id}
    assignment.delete()
    log_action(actor=actor, obj=user, action="user.role_revoked", data=data)


@transaction.atomic
def user_deactivate(*, actor: User, user: User) -> None:
    """The user can no longer sign in; every session ends at once."""
    if user.pk == actor.pk:
        raise UserAdminRefused(_("You cannot deactivate yourself."))
    user.is_active = False
    user.save(update_fields=["is_active"])
    sessions_end_all(user=user, actor=actor, audit=False)
    log_action(actor=actor, obj=user, action="user.deactivated")


@transaction.atomic
def user_activate(*, actor: User, user: User) -> None:
    user.is_active = True
    user.save(update_fields=["is_active"])
    log_action(actor=actor, obj=user, action="user.activated")


@transaction.atomic
def user_unlock(*, actor: User, user: User) -> None:
    """Failed passwords and codes so far no longer count; the user may try again at once."""
    LoginAttempt.objects.create(
        username=user.get_username()[:150], username_key=username_key(user.get_username()),
        stage=Stage.PASSWORD, success=False, reason=Reason.UNLOCKED,
    )
    log_action(actor=actor, obj=user, action="user.unlocked")


@transaction.atomic
def user_second_factor_reset(*, actor: User, user: User) -> None:
    """Remove the user's authenticator and backup codes (a lost phone): the next sign-in
    enrols a new app. Every session ends."""
    if user.pk == actor.pk:
        raise UserAdminRefused(_("Replace your own authenticator under My account."))
    TOTPDevice.objects.filter(user=user).delete()
    BackupCodeDevice.objects.filter(user=user).delete()
    sessions_end_all(user=user, actor=actor, audit=False)
    log_action(actor=actor, obj=user, action="user.second_factor_reset")
