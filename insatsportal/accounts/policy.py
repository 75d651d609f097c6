"""Who may do what: every access rule of the system, in one module.

Capabilities are plain functions named `can_*`. Each takes the user (and the
object concerned, if any) and answers True or False. An exception inside a
check denies access (fail closed). Selectors use the `*_scope` helpers to
filter querysets where they are built.
"""

import functools
import logging

from insatsportal.accounts.models import Role

logger = logging.getLogger(__name__)


def _fail_closed(check):
    @functools.wraps(check)
    def wrapper(user, *args, **kwargs):
        try:
            if user is None or not user.is_authenticated or not user.is_active:
                return False
            return bool(check(user, *args, **kwargs))
        except Exception:
            logger.exception("Permission check %s failed; access denied", check.__name__)
            return False

    return wrapper


def roles_of(user) -> set[str]:
    if not user.is_authenticated:
        return set()
    return {assignment.role for assignment in user.role_assignments}


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def intervention_ids_for(user, role: str) -> set[int]:
    """The interventions a user holds `role` for by name."""
    return {
        a.intervention_id
        for a in user.role_assignments
        if a.role == role and a.intervention_id is not None
    }


# --- Capabilities -----------------------------------------------------------

@_fail_closed
def can_use_system(user) -> bool:
    return bool(roles_of(user))


@_fail_closed
def can_administer_register(user) -> bool:
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_view_all_applications(user) -> bool:
    return has_role(user, Role.KANSLI, Role.STYRELSE)


@_fail_closed
def can_view_applications(user) -> bool:
    return has_role(user, Role.KANSLI, Role.STYRELSE, Role.INSATSANSVARIG)


@_fail_closed
def can_prepare_applications(user) -> bool:
    """Owner staff write applications for their own organisation."""
    return has_role(user, Role.INSATSANSVARIG) and user.member_id is not None


@_fail_closed
def can_view_cases(user) -> bool:
    return has_role(user, Role.KANSLI, Role.STYRELSE, Role.INSATSANSVARIG)


@_fail_closed
def can_decide_applications(user) -> bool:
    """Prepare cases, draft proposals and record the board's decisions."""
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_view_case_preparation(user) -> bool:
    """Checklists, recommendations, proposals and meetings: the office and the board."""
    return has_role(user, Role.KANSLI, Role.STYRELSE)


@_fail_closed
def can_view_case(user, case) -> bool:
    if can_view_case_preparation(user):
        return True
    application = case.application
    return (
        has_role(user, Role.INSATSANSVARIG)
        and application is not None
        and user.member_id == application.owner_id
    )


@_fail_closed
def can_view_interventions(user) -> bool:
    return can_use_system(user)


@_fail_closed
def can_view_participants_section(user) -> bool:
    return has_role(user, Role.DELTAGARANSVARIG, Role.HANDLAGGARE)


@_fail_closed
def can_view_participant_identity(user, intervention) -> bool:
    """Identified participants: only the intervention's own deltagaransvarig.

    Partner case workers get access per participant through a valid consent,
    which the participants app checks with this module's consent helpers.
    """
    return intervention.pk in intervention_ids_for(user, Role.DELTAGARANSVARIG)


@_fail_closed
def can_view_reports(user) -> bool:
    return has_role(
        user, Role.KANSLI, Role.STYRELSE, Role.RAPPORTLASARE, Role.INSATSANSVARIG
    )


@_fail_closed
def can_manage_sessions(user) -> bool:
    """See who is signed in and end another user's sessions."""
    return has_role(user, Role.KANSLI)


# --- Participants -------------------------------------------------------------
# Identified participants: the intervention's deltagaransvarig, and a partner's
# case worker while a valid, not withdrawn consent names the worker's member.
# Everyone else sees aggregates at most.

@_fail_closed
def can_manage_participants(user, intervention) -> bool:
    """Register, enrol, plan, rate, log, discharge and follow up in this intervention."""
    return intervention.pk in intervention_ids_for(user, Role.DELTAGARANSVARIG)


@_fail_closed
def can_manage_participant(user, participant) -> bool:
    return participant.intervention_id in intervention_ids_for(user, Role.DELTAGARANSVARIG)


def participant_scope(user, *, today):
    """A Q over participants.Participant: the records `user` may see. Fails closed."""
    from django.db.models import Q

    from insatsportal.participants.models import Consent

    nothing = Q(pk__in=[])
    try:
        if user is None or not user.is_authenticated or not user.is_active:
            return nothing
        scope = nothing
        own = intervention_ids_for(user, Role.DELTAGARANSVARIG)
        if own:
            scope |= Q(intervention_id__in=own)
        if has_role(user, Role.HANDLAGGARE) and user.member_id is not None:
            consents = Consent.objects.filter(
                partners=user.member_id,
                withdrawn_at__isnull=True,
                given_on__lte=today,
                participant__is_anonymous=False,
            ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
            scope |= Q(pk__in=consents.values("participant_id"))
        return scope
    except Exception:
        logger.exception("Participant scope failed; nothing shown")
        return nothing


@_fail_closed
def can_view_participant_aggregates(user) -> bool:
    """Aggregates with small groups suppressed: the office, the board, report readers."""
    return has_role(user, Role.KANSLI, Role.STYRELSE, Role.RAPPORTLASARE)


@_fail_closed
def can_protect_participant_data(user) -> bool:
    """The office's data-protection view: the read log and register extracts."""
    return has_role(user, Role.KANSLI)


# --- Applications -------------------------------------------------------------

def applications_scope(user) -> dict | None:
    """Filter for the applications a user may see: {} for all, None for none.

    The office and the board see all; owner staff see their own organisation's.
    """
    if can_view_all_applications(user):
        return {}
    if can_prepare_applications(user):
        return {"owner_id": user.member_id}
    return None


@_fail_closed
def can_view_application(user, application) -> bool:
    scope = applications_scope(user)
    return scope is not None and all(getattr(application, k) == v for k, v in scope.items())


@_fail_closed
def can_edit_application(user, application) -> bool:
    """Owner staff edit their organisation's application while it is a draft or returned."""
    return (
        can_prepare_applications(user)
        and application.owner_id == user.member_id
        and application.is_editable
    )


@_fail_closed
def can_review_applications(user) -> bool:
    """Return applications for completion and start their preparation (the office)."""
    return has_role(user, Role.KANSLI)


# --- Reports, meetings and money ------------------------------------------------
# The office and the board see every intervention's reports; report readers see
# aggregates of all; owner staff (insatsansvarig) see their own organisation's
# interventions, as lead owner or co-owner. Nobody sees identified participants here.

def reports_intervention_scope(user):
    """A Q over interventions.Intervention whose reports `user` may read. Fails closed."""
    from django.db.models import Q

    nothing = Q(pk__in=[])
    try:
        if user is None or not user.is_authenticated or not user.is_active:
            return nothing
        if has_role(user, Role.KANSLI, Role.STYRELSE, Role.RAPPORTLASARE):
            return Q()
        if has_role(user, Role.INSATSANSVARIG) and user.member_id is not None:
            return Q(owner_id=user.member_id) | Q(partners=user.member_id)
        return nothing
    except Exception:
        logger.exception("Report scope failed; nothing shown")
        return nothing


def _owner_staff_of(user, intervention) -> bool:
    if not has_role(user, Role.INSATSANSVARIG) or user.member_id is None:
        return False
    if intervention.owner_id == user.member_id:
        return True
    return intervention.partners.filter(pk=user.member_id).exists()


@_fail_closed
def can_view_intervention_reports(user, intervention) -> bool:
    """Goals, meetings, requisitions and reports of one intervention (aggregates only)."""
    if has_role(user, Role.KANSLI, Role.STYRELSE, Role.RAPPORTLASARE):
        return True
    return _owner_staff_of(user, intervention)


@_fail_closed
def can_log_meetings(user, intervention) -> bool:
    """The office and the staff of the intervention's owners."""
    return has_role(user, Role.KANSLI) or _owner_staff_of(user, intervention)


@_fail_closed
def can_manage_requisitions(user, intervention) -> bool:
    """Owner staff of the lead owner or a co-owner claim their organisation's costs."""
    return _owner_staff_of(user, intervention)


@_fail_closed
def can_approve_requisitions(user) -> bool:
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_report_deviations(user, intervention) -> bool:
    return _owner_staff_of(user, intervention)


@_fail_closed
def can_handle_deviations(user) -> bool:
    """The office's inbox of deviation reports; turning one into a case."""
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_write_quarterly_report(user, intervention) -> bool:
    """The lead owner's insatsansvarig writes and submits the quarterly report."""
    return (has_role(user, Role.INSATSANSVARIG) and user.member_id is not None
            and intervention.owner_id == user.member_id)


@_fail_closed
def can_review_quarterly_reports(user) -> bool:
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_view_national_reporting(user) -> bool:
    return has_role(user, Role.KANSLI, Role.STYRELSE, Role.RAPPORTLASARE)
@_fail_closed
def can_import_documents(user) -> bool:
    """Upload the förbund's existing applications and decisions and confirm what is read."""
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_manage_cost_parameters(user) -> bool:
    """The socio-economic cost parameters and estimate settings: the office writes."""
    return has_role(user, Role.KANSLI)
