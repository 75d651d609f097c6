"""The audit log: one call that services make for every business change."""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from insatsportal.core.models import AuditEntry

# Every action the system logs, with its label for the history pages.
ACTION_LABELS = {
    "created": _("Created"),
    "updated": _("Updated"),
    "deleted": _("Deleted"),
    "demo.loaded": _("Created from the demo data"),
    "demo.generated": _("Generated as fictional demo data"),
    "demo.participants_generated": _("Fictional demo participants generated"),
    "account.email_changed": _("Changed the e-mail address"),
    "account.password_changed": _("Changed the password"),
    "account.password_reset": _("Chose a new password through the e-mailed link"),
    "account.second_factor_added": _("Set up two-factor sign-in"),
    "account.second_factor_changed": _("Replaced the authenticator app"),
    "account.backup_codes_created": _("Created new backup codes"),
    "account.session_ended": _("Ended a session"),
    "account.sessions_ended": _("Ended all sessions"),
    "user.created": _("User created"),
    "user.updated": _("User changed"),
    "user.enrolment_link_issued": _("Sign-in link for enrolment issued"),
    "user.role_granted": _("Role granted"),
    "user.role_revoked": _("Role removed"),
    "user.deactivated": _("User deactivated"),
    "user.activated": _("User activated again"),
    "user.unlocked": _("Sign-in unlocked"),
    "user.second_factor_reset": _("Two-factor sign-in reset"),
    "user.sso_linked": _("Linked to the organisation's sign-in (single sign-on)"),
    "participant.registered": _("Participant registered"),
    "participant.updated": _("Participant changed"),
    "participant.protected": _("Marked as protected identity"),
    "participant.extracted": _("Register extract made"),
    "participant.anonymised": _("Anonymised after the retention period"),
    "consent.withdrawn": _("Consent withdrawn"),
    "participant.enrolled": _("Participant enrolled"),
    "enrolment.corrected": _("Enrolment corrected"),
    "code.superseded": _("Code superseded by a new version"),
    "participant.discharged": _("Participant discharged"),
    "discharge.corrected": _("Discharge corrected"),
    "plan.established": _("Action plan established"),
    "plan.corrected": _("Action plan corrected"),
    "plan.revised": _("Action plan revised"),
    "case.opened": _("Case opened"),
    "case.resubmitted": _("Returned to the case after completion"),
    "case.assigned": _("Handler changed"),
    "case.preparation_started": _("Preparation started"),
    "case.checklist_note": _("Note on the checklist"),
    "case.recommended": _("Recommendation recorded"),
    "case.proposal_drafted": _("Decision proposal drafted"),
    "case.proposal_edited": _("Decision proposal edited"),
    "case.decided": _("Decision recorded"),
    "meeting.created": _("Meeting created"),
    "meeting.case_added": _("Case placed on the agenda"),
    "meeting.minutes_approved": _("Minutes approved"),
    "meeting.minutes_written": _("Minutes written"),
    "meeting.updated": _("Meeting's chair, adjuster or members present changed"),
    "meeting.minutes_posted": _("Minutes posted on the notice board"),
    "case.minutes_corrected": _("Approved minutes corrected by a later paragraph"),
    "import.uploaded": _("Document uploaded for import"),
    "import.confirmed": _("Imported document confirmed"),
    "import.discarded": _("Imported document discarded"),
    "intervention.created": _("Intervention created by a grant"),
    "intervention.extended": _("Intervention extended by a grant"),
    "intervention.closed": _("Intervention closed"),
    "application.created": _("Application created"),
    "application.updated": _("Application changed"),
    "application.budget_saved": _("Budget saved"),
    "application.budget_imported": _("Budget read from an Excel file"),
    "application.submitted": _("Application submitted"),
    "application.returned": _("Returned for completion"),
    "application.completion_answered": _("The office's questions answered"),
    "application.resubmitted": _("Application resubmitted"),
    "application.preparation_started": _("Preparation started"),
    "application.decided": _("Application decided"),
    "intervention_meeting.logged": _("Meeting logged"),
    "requisition.submitted": _("Requisition submitted"),
    "requisition.approved": _("Requisition approved for payment"),
    "requisition.returned": _("Requisition returned"),
    "requisition.refused": _("Requisition refused by the claim rules"),
    "deviation.reported": _("Deviation reported"),
    "deviation.acknowledged": _("Deviation report read by the office"),
    "deviation.case_opened": _("Case opened for the deviation"),
    "quarterly_report.opened": _("Quarterly report opened"),
    "administrative_cost.saved": _("Administrative costs entered"),
    "quarterly_report.saved": _("Quarterly report saved"),
    "quarterly_report.submitted": _("Quarterly report submitted"),
    "quarterly_report.accepted": _("Quarterly report accepted"),
    "quarterly_report.returned": _("Quarterly report returned for completion"),
    "rating.recorded": _("Progress rating recorded"),
    "activity.logged": _("Activity logged"),
    "followup.recorded": _("Follow-up after discharge recorded"),
    "followup.corrected": _("Follow-up after discharge corrected"),
    "followup.policy_set": _("Follow-up policy changed"),
    "followup.sample_drawn": _("Random sample for follow-up drawn"),
    "retention.applied": _("Retention periods applied"),
    "instrument.copied": _("Rating instrument copied as a new version"),
    "fiscal_year.saved": _("The förbund's budget for the year saved"),
    "contributions.saved": _("Contributions changed"),
    "contributions.planned": _("Contributions planned by the Finsam shares"),
    "planned_cost.saved": _("Planned cost saved"),
    "planned_cost.deleted": _("Planned cost removed"),
    "economy_settings.saved": _("Equity ceiling changed"),
    "api_token.created": _("API token created"),
    "api_token.revoked": _("API token revoked"),
    "api.read": _("Read through the API"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def log_action(*, actor, obj, action: str, data: dict | None = None) -> AuditEntry:
    """Record that `actor` did `action` (a dotted name, e.g. "application.submitted") to `obj`.

    `data` must never contain personal identity numbers or names of participants.
    """
    known = actor is not None and actor.pk is not None
    return AuditEntry.objects.create(
        actor=actor if known else None,
        actor_name=(actor.get_full_name() or actor.get_username()) if known else "",
        action=action,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:300],
        data=data or {},
    )


_held: ContextVar[list | None] = ContextVar("audit_refusals_held", default=None)


def log_refusal(*, actor, obj, action: str, data: dict | None = None) -> None:
    """Record an attempt the rules refused. A refused form rolls back the request's writes
    (core.idempotency), so inside `refusals_kept()` the entry is written after that."""
    held = _held.get()
    if held is None:
        log_action(actor=actor, obj=obj, action=action, data=data)
    else:
        held.append({"actor": actor, "obj": obj, "action": action, "data": data})


@contextmanager
def refusals_kept():
    """Write the refusals logged inside the block after it, outside its transaction."""
    token = _held.set([])
    try:
        yield
    finally:
        held = _held.get()
        _held.reset(token)
        for entry in held:
            log_action(**entry)


def audit_history(obj):
    """The audit entries of one object, newest first."""
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).select_related("actor")
