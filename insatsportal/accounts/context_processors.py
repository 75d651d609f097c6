from django.conf import settings
from django.utils import timezone

from insatsportal.accounts import policy
from insatsportal.accounts.guards import demo_skipped, second_factor_ok
from insatsportal.accounts.services import SESSION_LAST_ACTIVITY, SESSION_STARTED


def _seconds_left(request, key: str, limit: int) -> int:
    """Seconds until `limit` after the session's time `key` ends the session."""
    at = request.session.get(key)
    if not isinstance(at, int | float):
        return limit
    return max(0, int(at + limit - timezone.now().timestamp()))


def site(request):
    user = request.user
    fully_signed_in = second_factor_ok(request)
    return {
        "DEMO_MODE": settings.DEMO_MODE,
        "PARTICIPANTS_AGGREGATES_ONLY": settings.PARTICIPANTS_AGGREGATES_ONLY,
        "SSO_ENABLED": settings.SSO_ENABLED,
        "SSO_PROVIDER_NAME": settings.SSO_PROVIDER_NAME,
        "fully_signed_in": fully_signed_in,
        # For the warning before the idle limit (accounts/session_warning.html).
        "SESSION_IDLE_TIMEOUT": settings.SESSION_IDLE_TIMEOUT,
        "SESSION_WARNING_SECONDS": settings.SESSION_WARNING_SECONDS,
        "session_seconds_left_in_all": _seconds_left(
            request, SESSION_STARTED, settings.SESSION_ABSOLUTE_TIMEOUT) if fully_signed_in else 0,
        # The idle limit counts from the last noted use, which may be a little older than
        # this request (SESSION_ACTIVITY_WRITE_SECONDS): the warning counts from it too.
        "session_idle_seconds_left": _seconds_left(
            request, SESSION_LAST_ACTIVITY, settings.SESSION_IDLE_TIMEOUT)
        if fully_signed_in else 0,
        "SESSION_ACTIVITY_WRITE_SECONDS": settings.SESSION_ACTIVITY_WRITE_SECONDS,
        "otp_demo_skipped": demo_skipped(request),
        "nav": {} if not fully_signed_in else {
            "applications": policy.can_view_applications(user),
            "cases": policy.can_view_cases(user),
            "interventions": policy.can_view_interventions(user),
            "participants": policy.can_view_participants_section(user),
            "participant_statistics": policy.can_view_participant_aggregates(user),
            "data_protection": policy.can_protect_participant_data(user),
            "reports": policy.can_view_reports(user),
            "economy": policy.can_view_economy(user),
            "administration": policy.can_administer_register(user),
            "imports": policy.can_import_documents(user),
        },
    }
