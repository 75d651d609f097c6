"""Who may do what: every access rule of the system, in one module.

Capabilities are plain functions named `can_*`. Each takes the user (and the
object concerned, if any) and answers True or False. An exception inside a
check denies access (fail closed). Selectors use the `*_scope` helpers to
filter querysets where they are built.
"""

import functools
import logging

from django.db.models import Q

from insatsportal.accounts.models import Role

logger = logging.getLogger(__name__)

# Scopes are Q objects over the model they name; NOTHING matches no row.
NOTHING = Q(pk__in=[])


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
def can_restore_history(user) -> bool:
    """See the old and new texts of a business change and restore an overwritten one."""
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


def cases_scope(user) -> Q:
    """A Q over cases.Case a user may see: all for the office and the board, their own
    organisation's applications' cases for owner staff. Fails closed."""
    if can_view_case_preparation(user):
        return Q()
    if can_prepare_applications(user):
        return Q(application__owner_id=user.member_id)
    return NOTHING


def meetings_scope(user) -> Q:
    """A Q over cases.Meeting: the office and the board see every meeting."""
    return Q() if can_view_case_preparation(user) else NOTHING


@_fail_closed
def can_view_interventions(user) -> bool:
    return can_use_system(user)


@_fail_closed
def can_close_interventions(user) -> bool:
    """End an intervention before its granted period: the office."""
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_view_participants_section(user) -> bool:
    return has_role(user, Role.DELTAGARANSVARIG, Role.HANDLAGGARE)


@_fail_closed
def can_view_reports(user) -> bool:
    return has_role(
        user, Role.KANSLI, Role.STYRELSE, Role.RAPPORTLASARE, Role.INSATSANSVARIG
    )


@_fail_closed
def can_manage_sessions(user) -> bool:
    """See who is signed in and end another user's sessions."""
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_manage_users(user) -> bool:
    """Create users, grant roles and their scopes, deactivate and unlock accounts."""
    return has_role(user, Role.KANSLI)


# --- Participants -------------------------------------------------------------
# Identified participants: the intervention's deltagaransvarig, and a partner's
# case worker while a valid, not withdrawn consent names the worker's member. A consent
# ends on its own end date and at the latest when the intervention ends.
# Everyone else sees aggregates at most.

def managed_intervention_ids(user) -> set[int]:
    """The interventions whose participants `user` manages (deltagaransvarig). Fails closed."""
    try:
        return intervention_ids_for(user, Role.DELTAGARANSVARIG)
    except Exception:
        logger.exception("Participant staff scope failed; nothing shown")
        return set()


def participant_staff_scope(user) -> Q:
    """A Q over interventions.Intervention whose participants `user` manages."""
    return Q(pk__in=managed_intervention_ids(user))


def case_handlers_scope() -> Q:
    """A Q over accounts.User who may handle a case: the office."""
    return Q(roles__role=Role.KANSLI)


@_fail_closed
def can_manage_participant(user, participant) -> bool:
    return participant.intervention_id in intervention_ids_for(user, Role.DELTAGARANSVARIG)


def participant_scope(user, *, today, consents=None):
    """A Q over participants.Participant: the records `user` may see. Fails closed.

    `consents` is the Consent queryset (the participants app passes it, so that this
    module imports no app above it); without it no record is seen through a consent.
    """
    nothing = Q(pk__in=[])
    try:
        if user is None or not user.is_authenticated or not user.is_active:
            return nothing
        scope = nothing
        own = intervention_ids_for(user, Role.DELTAGARANSVARIG)
        if own:
            scope |= Q(intervention_id__in=own)
        if consents is not None and has_role(user, Role.HANDLAGGARE) and user.member_id:
            consents = consents.filter(
                partners=user.member_id,
                withdrawn_at__isnull=True,
                given_on__lte=today,
                participant__is_anonymous=False,
            ).filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today)).filter(
                Q(participant__intervention__end_date__isnull=True)
                | Q(participant__intervention__end_date__gte=today))
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

def applications_scope(user) -> Q:
    """A Q over applications.Application a user may see. Fails closed.

    The office and the board see all; owner staff see their own organisation's.
    """
    if can_view_all_applications(user):
        return Q()
    if can_prepare_applications(user):
        return Q(owner_id=user.member_id)
    return NOTHING


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


def quarterly_report_scope(user) -> Q:
    """A Q over interventions.Intervention whose quarterly reports `user` writes (the lead
    owner's staff; see can_write_quarterly_report)."""
    if has_role(user, Role.INSATSANSVARIG) and user.member_id is not None:
        return Q(owner_id=user.member_id)
    return NOTHING


def _owner_staff_of(user, intervention) -> bool:
    if not has_role(user, Role.INSATSANSVARIG) or user.member_id is None:
        return False
    if intervention.owner_id == user.member_id:
        return True
    return intervention.partners.filter(pk=user.member_id).exists()


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
def can_revise_budget(user, intervention) -> bool:
    """The lead owner's staff write the revised budget of a grant (for every column)."""
    return (has_role(user, Role.INSATSANSVARIG) and user.member_id is not None
            and intervention.owner_id == user.member_id)


@_fail_closed
def can_approve_revised_budgets(user) -> bool:
    return has_role(user, Role.KANSLI)


@_fail_closed
def can_edit_national_facts(user) -> bool:
    """Orientation, ESF, follow-up method and structural reach for Uppföljning Finsam."""
    return has_role(user, Role.KANSLI)


# --- The förbund's own economy ------------------------------------------------------
# Contributions, the förbund's budget and the room left: the board reads, the office writes.

@_fail_closed
def can_view_economy(user) -> bool:
    return has_role(user, Role.KANSLI, Role.STYRELSE)


@_fail_closed
def can_manage_economy(user) -> bool:
    return has_role(user, Role.KANSLI)


# --- The open API (tokens, not users) --------------------------------------------
# The office creates tokens for the förbund's other systems. A token reads only its
# scopes (resources), and only the interventions it names unless it names none
# (all_interventions). No session authenticates the API.

@_fail_closed
def can_manage_api_tokens(user) -> bool:
    return has_role(user, Role.KANSLI)


def api_token_may_read(token, scope: str) -> bool:
    """A usable (not revoked, not expired) token with `scope`; anything odd denies."""
    try:
        return token is not None and token.is_usable() and scope in token.scopes
    except Exception:
        logger.exception("API token check failed; access denied")
        return False


def api_intervention_scope(token, field: str = "pk"):
    """Q for what a token may read, `field` leading to the intervention's id.

    `api_intervention_scope(token, "intervention_id")` filters grants, requisitions etc.
    """
    from django.db.models import Q

    if token.all_interventions:
        return Q()
    return Q(**{f"{field}__in": api_token_intervention_ids(token)})


def api_token_intervention_ids(token) -> list[int]:
    """The interventions a token names, read once per request."""
    if not hasattr(token, "_intervention_ids"):
        token._intervention_ids = list(token.interventions.values_list("pk", flat=True))
    return token._intervention_ids


@_fail_closed
def can_manage_cost_parameters(user) -> bool:
    """The socio-economic cost parameters and estimate settings: the office writes."""
    return has_role(user, Role.KANSLI)
