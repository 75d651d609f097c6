from datetime import timedelta

from django.conf import settings
from django.db.models import Count, Max, Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from insatsportal.accounts.models import User, UserSession


def _active() -> Q:
    now = timezone.now()
    return Q(
        last_seen_at__gte=now - timedelta(seconds=settings.SESSION_IDLE_TIMEOUT + 60),
        created_at__gte=now - timedelta(seconds=settings.SESSION_ABSOLUTE_TIMEOUT),
    )


def sessions_of(*, user) -> list[UserSession]:
    """The user's own active sessions, newest use first."""
    return list(UserSession.objects.filter(_active(), user=user))


def session_of(*, user, pk) -> UserSession | None:
    """One of the user's own sessions, or None (another user's session is not found)."""
    try:
        return UserSession.objects.filter(user=user).get(pk=int(pk))
    except (TypeError, ValueError, UserSession.DoesNotExist):
        return None


def users_with_sessions():
    """For the office: every user with an active session, the count and the last use."""
    active = _active()
    return (
        User.objects.filter(sessions__in=UserSession.objects.filter(active))
        .annotate(
            session_count=Count("sessions", distinct=True),
            last_seen=Max("sessions__last_seen_at"),
        )
        .select_related("member")
        .order_by("-last_seen")
    )


def unconfirmed_device(*, user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


# --- The office's user administration ----------------------------------------------

def users_for_office():
    """Every user with organisation and roles, for the office's list (three queries)."""
    from django.db.models import Prefetch

    from insatsportal.accounts.models import RoleAssignment

    return (
        User.objects.select_related("member")
        .prefetch_related(Prefetch(
            "roles", queryset=RoleAssignment.objects.select_related("intervention")
        ))
        .order_by("last_name", "first_name", "username")
    )


def locked_username_keys() -> set[str]:
    """Accounts (username keys) now over the failed-password or failed-code limit.

    Counted in two grouped queries, the same way sign-in counts them (services._failures).
    """
    from django.db.models import Exists, OuterRef

    from insatsportal.accounts.models import LoginAttempt

    reason = LoginAttempt.Reason
    now = timezone.now()
    unlocked_later = LoginAttempt.objects.filter(
        username_key=OuterRef("username_key"), reason=reason.UNLOCKED,
        timestamp__gte=OuterRef("timestamp"),
    )
    locked = set()
    for stage, window, limit in (
        (LoginAttempt.Stage.PASSWORD, settings.LOGIN_ACCOUNT_WINDOW,
         settings.LOGIN_ACCOUNT_MAX_FAILURES),
        (LoginAttempt.Stage.SECOND_FACTOR, settings.OTP_FAILURE_WINDOW,
         settings.OTP_MAX_FAILURES),
    ):
        rows = (
            LoginAttempt.objects.filter(
                stage=stage, success=False,
                reason__in=[reason.BAD_CREDENTIALS, reason.BAD_CODE],
                timestamp__gte=now - timedelta(seconds=window),
            )
            .exclude(Exists(unlocked_later))
            .values("username_key").annotate(n=Count("id")).filter(n__gte=limit)
        )
        locked |= {row["username_key"] for row in rows}
    return locked


def user_for_office(pk) -> User | None:
    try:
        return users_for_office().get(pk=int(pk))
    except (TypeError, ValueError, User.DoesNotExist):
        return None
