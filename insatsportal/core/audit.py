"""The audit log: one call that services make for every business change.

A change of business text records its old and new values (`changes`), so the office can
see an overwritten text and restore it (`audit_restore`). Identifying personal data never
enters the log: participant records log dates and codes only, and any text that holds a
personal identity number is masked before it is written.
"""

import dataclasses
import datetime
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.module_loading import import_string
from django.utils.translation import gettext
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
    "history.restored": _("Earlier text restored from the history"),
}


def action_label(action: str) -> str:
    return str(ACTION_LABELS.get(action, action))


def log_action(*, actor, obj, action: str, data: dict | None = None) -> AuditEntry:
    """Record that `actor` did `action` (a dotted name, e.g. "application.submitted") to `obj`.

    `data` must never contain personal identity numbers or names of participants.
    """
    known = actor is not None and actor.pk is not None
    data = _masked(data)
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


# --- Old and new values, restoring ---------------------------------------------------

MASKED = "[personnummer borttaget]"


def _json(value):
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _json(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _masked(value):
    """The data with every text that holds a personal identity number masked."""
    contains_identity_number = import_string(settings.AUDIT_IDENTITY_CHECK)
    if isinstance(value, str):
        return MASKED if contains_identity_number(value) else value
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    return value


def changes(before: dict, after: dict) -> dict:
    """{"changes": {field: [old, new]}} for the fields whose values differ, JSON-safe.

    For business fields only: never pass a participant's identity or name.
    """
    changed = {name: [_json(before.get(name)), _json(value)] for name, value in after.items()
               if _json(before.get(name)) != _json(value)}
    return {"changes": changed} if changed else {}


class AuditError(Exception):
    pass


@dataclasses.dataclass(frozen=True)
class Restorable:
    """The texts of one kind of audited record the office may restore from the history.

    `fixed(obj)` says when the record is fixed so that it may not (a submitted report,
    approved minutes, a decided case). A text kept on a related row (a case's decision
    proposal, a paragraph of a meeting's minutes) names that row in `targets`:
    field -> target(obj, entry), the row or None when it is gone.
    """

    fields: tuple
    fixed: object
    targets: dict = dataclasses.field(default_factory=dict)

    def target(self, obj, field, entry):
        find = self.targets.get(field)
        return obj if find is None else find(obj, entry)


def _paragraph(meeting, entry):
    """The paragraph whose minutes the entry records (its number is in the entry)."""
    return meeting.items.filter(paragraph=(entry.data or {}).get("paragraph")).first()


RESTORABLE = {
    "reports.quarterlyreport": Restorable(("went_well", "problems", "samverkan", "next_quarter"),
                                          lambda report: report.is_frozen),
    "applications.application": Restorable(
        ("name", "purpose", "background", "target_group", "participants_text", "methods_text",
         "follow_up", "implementation", "anchoring_text", "contact_name", "contact_title",
         "contact_email"),
        lambda application: not application.is_editable),
    # The decision proposal's texts are logged on its case; fixed once the case is decided.
    "cases.case": Restorable(
        ("title", "clauses", "matter", "assessment"), lambda case: not case.is_open,
        targets=dict.fromkeys(("title", "clauses", "matter", "assessment"),
                              lambda case, entry: getattr(case, "proposal", None))),
    # A paragraph's minutes are logged on its meeting; all fixed once justerat.
    "cases.meeting": Restorable(("place", "chair", "secretary", "adjuster", "present", "minutes"),
                                lambda meeting: meeting.is_approved,
                                targets={"minutes": _paragraph}),
}


def _label(entry) -> str:
    return f"{entry.content_type.app_label}.{entry.content_type.model}"


def restorable_fields(entry) -> list[str]:
    kind = RESTORABLE.get(_label(entry))
    fields = kind.fields if kind else ()
    return [name for name in (entry.data or {}).get("changes", {}) if name in fields]


def field_label(entry, name) -> str:
    """The field's name as its form shows it, read on the row that holds the text."""
    model = entry.content_type.model_class()
    kind = RESTORABLE.get(_label(entry))
    if kind is not None and name in kind.targets:
        obj = model._default_manager.filter(pk=entry.object_id).first()
        target = kind.target(obj, name, entry) if obj is not None else None
        model = type(target) if target is not None else model
    try:
        return model._meta.get_field(name).verbose_name
    except Exception:  # noqa: BLE001 - a list of rows, not a field of its own
        return name


def _holds_masked(value) -> bool:
    if isinstance(value, list | tuple):
        return any(_holds_masked(item) for item in value)
    return value == MASKED


@transaction.atomic
def audit_restore(*, actor, entry: AuditEntry, field: str):
    """Write back the value `field` had before the change `entry` records; logged on the
    same record as the entry, so the restore itself can be seen and undone."""
    if field not in restorable_fields(entry):
        raise AuditError(gettext("That text cannot be restored from the history."))
    kind = RESTORABLE[_label(entry)]
    model = entry.content_type.model_class()
    obj = model._default_manager.select_for_update().filter(pk=entry.object_id).first()
    if obj is None:
        raise AuditError(gettext("The record no longer exists."))
    if kind.fixed(obj):
        raise AuditError(gettext("The record is fixed now; its texts can no longer be changed."))
    target = kind.target(obj, field, entry)
    if target is None:
        raise AuditError(gettext("The record no longer exists."))
    if target is not obj:
        target = type(target)._default_manager.select_for_update().get(pk=target.pk)
    old = entry.data["changes"][field][0]
    if _holds_masked(old):
        raise AuditError(gettext("That text cannot be restored from the history."))
    current = getattr(target, field)
    value = target._meta.get_field(field).to_python(old if old is not None else "")
    if _json(current) == _json(value):
        raise AuditError(gettext("The record already holds that text."))
    setattr(target, field, value)
    saved = [field]
    if target is not obj and hasattr(target, "updated_by_id"):  # who changed it last
        target.updated_by = actor
        saved.append("updated_by")
    target.save(update_fields=saved + [f.name for f in target._meta.concrete_fields
                                        if getattr(f, "auto_now", False)])
    data = {"restored_from": str(entry.uuid)}
    if "paragraph" in (entry.data or {}):
        data["paragraph"] = entry.data["paragraph"]
    log_action(actor=actor, obj=obj, action="history.restored",
               data={**data, **changes({field: current}, {field: value})})
    return target
