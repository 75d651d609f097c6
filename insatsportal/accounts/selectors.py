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
