"""Writes of the import: upload a document, discard it, or confirm it into an application
or a decision. Nothing is created from a document before a person has confirmed it (the
command's --save is that confirmation for scripted migration).
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from insatsportal.applications import services as application_services
from insatsportal.applications.models import Application
from insatsportal.cases import selectors as case_selectors
from insatsportal.cases import services as case_services
from insatsportal.cases.models import Case, Decision, Meeting
from insatsportal.cases.models.meeting import Body
from insatsportal.core import uploads
from insatsportal.core.audit import log_action
from insatsportal.imports.mapping import fold
from insatsportal.imports.models import ImportedDocument, ImportTerm
from insatsportal.imports.parsing import ImportResult
from insatsportal.imports.reading import (
    ImportReadError,
    UnrecognisedDocument,
    document_read,
    result_stored,
    sha256_of,
)
from insatsportal.interventions import services as intervention_services
from insatsportal.organisations.models import Member

MAX_UPLOAD_BYTES = uploads.MAX_DOCUMENT_BYTES

Status = ImportedDocument.Status


class DocumentImportError(Exception):
    """The document cannot be imported; the message is one line for the user."""


class DuplicateDocumentError(DocumentImportError):
    """The same bytes were imported before; `earlier` is that import."""

    def __init__(self, message: str, earlier: ImportedDocument):
        super().__init__(message)
        self.earlier = earlier


def _known(actor):
    return actor if actor is not None and actor.pk is not None else None


def document_duplicate_of(content: bytes) -> ImportedDocument | None:
    """An earlier import of the same bytes that is waiting or confirmed."""
    return (ImportedDocument.objects.exclude(status=Status.DISCARDED)
            .filter(sha256=sha256_of(content)).order_by("uploaded_at").first())


def _duplicate_message(filename: str, earlier: ImportedDocument) -> str:
    when = date_format(timezone.localtime(earlier.uploaded_at), "Y-m-d H:i")
    return _("“%(file)s” has already been imported (%(when)s, as “%(earlier)s”, "
             "%(status)s); it is not read again.") % {
        "file": filename, "when": when, "earlier": earlier.filename,
        "status": earlier.get_status_display().lower()}


@transaction.atomic
def document_upload(*, actor, content: bytes, filename: str, result=None) -> ImportedDocument:
    """Read an uploaded file (unless `result` is what was read) and keep it for review.

    A document the reader does not recognise is kept too, with what was found in it, so a
    person can choose to read it as an application or a decision."""
    if len(content) > MAX_UPLOAD_BYTES:
        raise DocumentImportError(_("“%(file)s” is larger than %(mb)s MB.") % {
            "file": filename, "mb": MAX_UPLOAD_BYTES // (1024 * 1024)})
    earlier = document_duplicate_of(content)
    if earlier is not None:
        raise DuplicateDocumentError(_duplicate_message(filename, earlier), earlier)
    try:
        result = result or document_read(content, filename)
    except UnrecognisedDocument as exc:
        document = ImportedDocument.objects.create(
            filename=filename[:255], content=content, size=len(content),
            sha256=sha256_of(content), kind=ImportedDocument.Kind.UNKNOWN,
            result={"message": str(exc), "found": exc.found}, uploaded_by=_known(actor))
        log_action(actor=actor, obj=document, action="import.unrecognised")
        return document
    except ImportReadError as exc:
        raise DocumentImportError(f"{filename}: {exc}") from exc
    document = ImportedDocument.objects.create(
        filename=filename[:255], content=content, size=len(content), sha256=sha256_of(content),
        kind=result.kind, result=result_stored(result), uploaded_by=_known(actor),
    )
    _link_and_split(document, result, actor)
    log_action(actor=actor, obj=document, action="import.uploaded",
               data={"kind": document.kind, "warnings": len(result.warnings)})
    return document


@transaction.atomic
def documents_read_start(*, actor, files: list[tuple[str, bytes]]):
    """Keep the uploaded files and read them in the background (imports/tasks.py); the
    job's page shows how far it has come and each file's outcome."""
    from insatsportal.imports.tasks import documents_read
    from insatsportal.jobs.models import Job
    from insatsportal.jobs.services import job_start

    title = ngettext("Reading %(count)d document", "Reading %(count)d documents",
                     len(files)) % {"count": len(files)}
    return job_start(actor=actor, kind=Job.Kind.IMPORT, title=title, task=documents_read,
                     items=files)


@transaction.atomic
def document_read_as(*, actor, document: ImportedDocument, kind: str) -> ImportedDocument:
    """Read a document the reader did not recognise as the kind a person chose; whatever
    can be read is proposed, the rest is filled in by hand on the review page."""
    locked = _lock_open(document)
    if locked.kind != ImportedDocument.Kind.UNKNOWN:
        raise DocumentImportError(_("The document was already recognised."))
    if kind not in (ImportedDocument.Kind.APPLICATION, ImportedDocument.Kind.DECISION):
        raise DocumentImportError(_("Choose application or decision."))
    try:
        result = document_read(bytes(locked.content), locked.filename, kind=kind)
    except ImportReadError as exc:
        raise DocumentImportError(f"{locked.filename}: {exc}") from exc
    locked.kind, locked.result = result.kind, result_stored(result)
    locked.save(update_fields=["kind", "result"])
    _link_and_split(locked, result, actor)
    document.kind, document.result = locked.kind, locked.result
    log_action(actor=actor, obj=locked, action="import.read_as", data={"kind": kind})
    return document


def _key_facts(kind: str, fields: dict) -> tuple | None:
    """What makes two readings the same document although their texts differ (a re-scan)."""
    if kind == ImportedDocument.Kind.DECISION:
        facts = (fold(fields.get("intervention_name")), fields.get("max_amount"),
                 fields.get("period_start"), fields.get("period_end"))
    elif kind == ImportedDocument.Kind.APPLICATION:
        facts = (fold(fields.get("name")), (fields.get("owner") or {}).get("organisation"),
                 fields.get("planned_start"), fields.get("planned_end"))
    else:
        return None
    return facts if all(facts) else None


def document_same_as(document: ImportedDocument) -> ImportedDocument | None:
    """An earlier live import with the same normalised text or, failing that, the same
    name, owner or amount and period."""
    earlier = (ImportedDocument.objects.exclude(status=Status.DISCARDED)
               .exclude(pk=document.pk).filter(uploaded_at__lte=document.uploaded_at)
               .defer("content").order_by("uploaded_at"))
    if document.text_digest:
        same = earlier.filter(text_digest=document.text_digest).first()
        if same is not None:
            return same
    facts = _key_facts(document.kind, document.fields)
    if facts is None:
        return None
    for candidate in earlier.filter(kind=document.kind):
        if _key_facts(candidate.kind, candidate.fields) == facts:
            return candidate
    return None


def _link_and_split(document: ImportedDocument, result: ImportResult, actor) -> None:
    """Flag an earlier import of the same document; split minutes into one decision per
    granting paragraph, each reviewed and confirmed on its own."""
    document.text_digest = result.extra.get("text_digest", "")
    document.same_as = document_same_as(document)
    document.save(update_fields=["text_digest", "same_as"])
    if document.kind != ImportedDocument.Kind.MINUTES:
        return
    for item in result.extra.get("items", []):
        text = item["extra"].get("paragraph_text", "")
        content = text.encode("utf-8")
        if document_duplicate_of(content) is not None:
            continue  # this paragraph was imported before (from another extract)
        name = f"{document.filename} § {item['paragraph']}"
        paragraph = ImportResult(
            kind=ImportedDocument.Kind.DECISION, source=name,
            fields=item["fields"], warnings=item["warnings"], sources=item["sources"],
            missing=item["missing"], extra=item["extra"], confidence=item["confidence"],
            conflicts=item["conflicts"])
        child = ImportedDocument.objects.create(
            filename=name[:255], content=content,
            size=len(content), sha256=sha256_of(content), kind=ImportedDocument.Kind.DECISION,
            result=result_stored(paragraph), uploaded_by=document.uploaded_by, parent=document)
        log_action(actor=actor, obj=child, action="import.uploaded",
                   data={"kind": child.kind, "paragraph": item["paragraph"]})


def _lock_open(document: ImportedDocument) -> ImportedDocument:
    locked = ImportedDocument.objects.select_for_update().get(pk=document.pk)
    if not locked.is_open:
        raise DocumentImportError(_("The document is already %(status)s.") % {
            "status": locked.get_status_display().lower()})
    return locked


def _handled(locked: ImportedDocument, document: ImportedDocument, actor, status: str,
             **links) -> None:
    locked.status = status
    locked.handled_by = _known(actor)
    locked.handled_at = timezone.now()
    for name, value in links.items():
        setattr(locked, name, value)
    locked.save()
    for name in ("status", "handled_by", "handled_at", *links):
        setattr(document, name, getattr(locked, name))
    if locked.parent_id is not None and not ImportedDocument.objects.filter(
            parent_id=locked.parent_id, status=Status.UPLOADED).exists():
        # every paragraph of the minutes is handled: so are the minutes
        ImportedDocument.objects.filter(pk=locked.parent_id, status=Status.UPLOADED).update(
            status=Status.CONFIRMED, handled_by=locked.handled_by, handled_at=locked.handled_at)


@transaction.atomic
def document_discard(*, actor, document: ImportedDocument) -> ImportedDocument:
    """Discard a document; discarding minutes discards their paragraphs still waiting."""
    locked = _lock_open(document)
    for paragraph in locked.paragraphs.filter(status=Status.UPLOADED):
        paragraph.status, paragraph.handled_by = Status.DISCARDED, _known(actor)
        paragraph.handled_at = timezone.now()
        paragraph.save(update_fields=["status", "handled_by", "handled_at"])
        log_action(actor=actor, obj=paragraph, action="import.discarded")
    _handled(locked, document, actor, Status.DISCARDED)
    log_action(actor=actor, obj=locked, action="import.discarded")
    return document


@transaction.atomic
def term_add(*, actor, key: str, wording: str) -> ImportTerm:
    """Add a wording the förbund's documents use; the reader takes it from the next read."""
    wording = " ".join(wording.split())
    if not wording:
        raise DocumentImportError(_("Write the wording."))
    term, created = ImportTerm.objects.get_or_create(
        key=key, wording=wording, defaults={"added_by": _known(actor)})
    if not created:
        raise DocumentImportError(_("“%(wording)s” is already there.") % {"wording": wording})
    log_action(actor=actor, obj=term, action="import_term.added",
               data={"key": key, "wording": wording})
    return term


@transaction.atomic
def term_remove(*, actor, term: ImportTerm) -> None:
    log_action(actor=actor, obj=term, action="import_term.removed",
               data={"key": term.key, "wording": term.wording})
    term.delete()


@transaction.atomic
def document_confirm_application(*, actor, document: ImportedDocument,
                                 data: dict) -> Application:
    """Create the application (with its budget) from the reviewed data."""
    locked = _lock_open(document)
    if locked.kind != ImportedDocument.Kind.APPLICATION:
        raise DocumentImportError(_("The document is not an application."))
    try:
        application = application_services.application_create_from_data(actor=actor, data=data)
    except application_services.ApplicationError as exc:
        raise DocumentImportError(str(exc)) from exc
    _handled(locked, document, actor, Status.CONFIRMED, application=application)
    log_action(actor=actor, obj=locked, action="import.confirmed",
               data={"application": application.pk})
    return application


@transaction.atomic
def document_confirm_decision(*, actor, document: ImportedDocument, facts: dict) -> Decision:
    """Record the decision in the case of the application it answers (or a historic case)."""
    locked = _lock_open(document)
    if locked.kind != ImportedDocument.Kind.DECISION:
        raise DocumentImportError(_("The document is not a decision."))
    try:
        decision = decision_import(actor=actor, facts=facts)
    except (case_services.CaseError, application_services.ApplicationError) as exc:
        raise DocumentImportError(str(exc)) from exc
    _handled(locked, document, actor, Status.CONFIRMED, decision=decision, case=decision.case,
             application=decision.case.application)
    log_action(actor=actor, obj=locked, action="import.confirmed",
               data={"case": decision.case.number})
    return decision


# --- Recording an imported decision ---------------------------------------------------

def _application_case(*, actor, application: Application) -> Case:
    """The application's case, taken into preparation (submitting a draft first)."""
    if application.status == Application.Status.DRAFT:
        case_services.application_submit(actor=actor, application=application)
    elif application.status == Application.Status.RETURNED:
        # The imported decision settles the office's open questions.
        case_services.application_resubmit(actor=actor, application=application,
                                           answers_required=False)
    case = Case.objects.get(application=application)  # a submitted application has its case
    if case.status == Case.Status.RECEIVED:
        case_services.case_start_preparation(case=case, actor=actor)
    if not case.is_open:
        raise DocumentImportError(_("The application's case %(number)s is already decided.")
                                  % {"number": case.number})
    return case


def _meeting(*, actor, body: str, date: datetime.date) -> Meeting:
    return (Meeting.objects.filter(body=body, date=date).first()
            or case_services.meeting_create(body=body, date=date, actor=actor))


@transaction.atomic
def decision_import(*, actor, facts: dict) -> Decision:
    """facts: application or intervention (or neither: one is created), intervention_name,
    owner, outcome, amount, period_start, period_end, decided_on, proposer, clauses,
    conditions, matter, assessment, case_number, and optionally committee_date,
    minutes_approved_on and posted_on (the day the minutes were posted)."""
    application, intervention = facts.get("application"), facts.get("intervention")
    decided_on = facts["decided_on"]
    if application is not None:
        case = _application_case(actor=actor, application=application)
        if facts.get("clauses") and facts.get("amount") is not None and facts.get(
                "period_start") and facts.get("period_end"):
            draft = case_selectors.case_draft(
                case, amount=facts["amount"], period_start=facts["period_start"],
                period_end=facts["period_end"], proposer=facts["proposer"])
            case_services.proposal_save(
                case=case, draft=draft, amount=facts["amount"],
                period_start=facts["period_start"], period_end=facts["period_end"],
                clauses=facts["clauses"], matter=facts.get("matter") or None,
                assessment=facts.get("assessment") or None, proposer=facts["proposer"],
                actor=actor)
    else:
        if intervention is None:
            owner = facts.get("owner")
            if not isinstance(owner, Member):
                owner = Member.objects.filter(name=owner).first()
            if owner is None or not (facts.get("period_start") and facts.get("period_end")):
                raise DocumentImportError(_(
                    "Choose the intervention, or give its owner and the period, to record a "
                    "decision without an application."))
            intervention = intervention_services.intervention_create(
                actor=actor, name=facts["intervention_name"], owner=owner,
                start_date=facts["period_start"], end_date=facts["period_end"],
                data={"source": "import"})
        case = case_services.case_open_without_application(
            title=facts.get("intervention_name") or intervention.name,
            intervention=intervention, year=decided_on.year, actor=actor,
            number=facts.get("case_number") or "")
    if facts.get("proposer") == Body.WORKING_COMMITTEE and facts.get("committee_date"):
        committee = _meeting(actor=actor, body=Body.WORKING_COMMITTEE,
                             date=facts["committee_date"])
        case_services.agenda_add(meeting=committee, case=case, actor=actor, imported=True)
    board = _meeting(actor=actor, body=Body.BOARD, date=decided_on)
    item = case_services.agenda_add(meeting=board, case=case, actor=actor, imported=True)
    decision = case_services.decision_record(
        case=case, outcome=facts.get("outcome") or Decision.Outcome.GRANTED,
        decided_on=decided_on, actor=actor, amount=facts.get("amount"),
        period_start=facts.get("period_start"), period_end=facts.get("period_end"),
        conditions=facts.get("conditions") or "", agenda_item=item, imported=True,
    )
    if facts.get("minutes_approved_on") and not board.is_approved:
        case_services.minutes_approve(meeting=board, approved_on=facts["minutes_approved_on"],
                                      actor=actor, imported=True)
        decision.refresh_from_db()
    if facts.get("posted_on") and board.posted_on is None:
        case_services.minutes_post(meeting=board, posted_on=facts["posted_on"], actor=actor)
    return decision
