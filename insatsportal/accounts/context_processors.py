from django.conf import settings
from django.utils import timezone

from insatsportal.accounts import policy
from insatsportal.accounts.guards import demo_skipped, second_factor_ok
from insatsportal.accounts.signals import SESSION_STARTED


def _seconds_left_in_all(request) -> int:
    """Seconds until SESSION_ABSOLUTE_TIMEOUT ends the session, however active it is."""
    started = request.session.get(SESSION_STARTED)
    if not isinstance(started, int | float):
        return settings.SESSION_ABSOLUTE_TIMEOUT
    return max(0, int(started + settings.SESSION_ABSOLUTE_TIMEOUT - timezone.now().timestamp()))


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
        "session_seconds_left_in_all": _seconds_left_in_all(request) if fully_signed_in else 0,
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
