"""Reads of imported documents, scoped to the requesting user, and the review page's rows."""

import re

from django.utils.translation import gettext_lazy as _

from insatsportal.accounts import policy
from insatsportal.cases import selectors as case_selectors
from insatsportal.core.access import get_for_user
from insatsportal.imports.models import ImportedDocument, ImportTerm
from insatsportal.imports.parsing import ImportResult
from insatsportal.imports.parsing.compare import compare_decision_with_application


def document_list(*, user):
    if not policy.can_import_documents(user):
        return ImportedDocument.objects.none()
    return (ImportedDocument.objects.defer("content", "result")
            .select_related("uploaded_by", "application", "case")
            .order_by("-uploaded_at"))


def reading_jobs(*, user):
    """The person's latest background readings of uploaded files (jobs app)."""
    from insatsportal.jobs.models import Job
    from insatsportal.jobs.selectors import job_list_for_user

    return job_list_for_user(user=user).filter(kind=Job.Kind.IMPORT)[:5]


def document_get_for_user(*, user, pk) -> ImportedDocument:
    """The one door (core.access): the office reads and confirms imported documents."""
    documents = (ImportedDocument.objects.defer("content")
                 .select_related("uploaded_by", "handled_by", "application", "case", "decision",
                                 "same_as", "parent"))
    return get_for_user(documents, pk, user=user, section=policy.can_import_documents)


LABELS = {
    "name": _("Name of the intervention"), "case_number": _("Case number"),
    "owner": _("Owner"), "organisation": _("Organisation"), "unit": _("Unit"),
    "contact_name": _("Contact person"), "email": _("E-mail"), "partners": _("Partner"),
    "planned_start": _("Planned start"), "planned_end": _("Planned end"),
    "intake_end": _("Last date for intake"), "age_min": _("Youngest age"),
    "age_max": _("Oldest age"), "expected_participants": _("Expected participants"),
    "per_year": _("per year"), "total": _("in total"), "parts": _("Sub-parts"),
    "budget": _("Budget"), "from_association_total": _("From the förbund in total"),
    "co_financing_total": _("Co-financing in total"), "salary_lines": _("Salary row"),
    "title": _("Title"), "fte_percent": _("% of full time"), "period_start": _("From"),
    "period_end": _("Until"), "amount": _("Amount"), "per_year_row": _("Year"),
    "year": _("Year"), "anchoring": _("Anchoring in the local group"),
    "discussed": _("Discussed"), "dates": _("Dates"), "signatures": _("Signature"),
    "date": _("Date"), "intervention_name": _("Intervention"), "proposer": _("Proposed by"),
    "decision_body": _("Decided by"), "max_amount": _("Maximum amount"),
    "owner_organisation": _("Owner"), "signed_by": _("Signed by"),
    "is_extension": _("Extension"), "agreement": _("Agreement"),
    "purpose": _("Purpose"), "background": _("Background"), "target_group": _("Target group"),
    "methods": _("Methods"), "follow_up": _("Follow-up"),
    "implementation": _("Implementation"),
}
_SEGMENT = re.compile(r"^(?P<key>\w+)(?:\[(?P<index>\d+)\])?$")


# A key that means something else under a parent: a signatory's "name" is a person's.
NESTED_LABELS = {"name": _("Name"), "date": _("Date"), "organisation": _("Organisation"),
                 "title": _("Title"), "paragraph": _("Paragraph (§)")}
_AMOUNT_KEYS = {"amount", "max_amount", "from_association_total", "co_financing_total",
                "total"}


def field_label(path: str) -> str:
    """'partners[1].contact_name' -> 'Partner 2 › Contact person'."""
    words = []
    for depth, segment in enumerate(path.split(".")):
        match = _SEGMENT.match(segment)
        if not match:
            words.append(segment)
            continue
        labels = NESTED_LABELS if depth and match["key"] in NESTED_LABELS else LABELS
        label = str(labels.get(match["key"], match["key"].replace("_", " ")))
        if match["index"] is not None:
            label = f"{label} {int(match['index']) + 1}"
        words.append(label)
    return " › ".join(words)


def _flatten(value, path=""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _flatten(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        for index, item in enumerate(value):
            yield from _flatten(item, f"{path}[{index}]")
    else:
        yield path, value


def _display(value, path: str = "") -> str:
    """Amounts grouped in thousands ("3 391 000"); years, ages and counts as they are."""
    if value is None or value == []:
        return ""
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    key = re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])
    if isinstance(value, int) and key in _AMOUNT_KEYS:
        return f"{value:,}".replace(",", "\xa0")
    return str(value)


_CONFIDENCE = ((0.85, _("high")), (0.6, _("medium")), (0.0, _("low")))


def _confidence(confidence: dict, path: str) -> str:
    while path:
        if path in confidence:
            return str(next(label for floor, label in _CONFIDENCE if confidence[path] >= floor))
        path = path.rsplit(".", 1)[0] if "." in path else ""
    return ""


def _source(sources: dict, path: str) -> str:
    while path:
        if path in sources:
            return sources[path]
        path = path.rsplit(".", 1)[0] if "." in path else ""
    return ""


def review_rows(document: ImportedDocument) -> list[dict]:
    """Every field the reader looks for: its value, the text it came from, or 'not found'."""
    result = document.result
    sources, missing = result.get("sources", {}), set(result.get("missing", []))
    confidence = result.get("confidence", {})
    rows = []
    for path, value in _flatten(result.get("fields", {})):
        absent = path in missing or value in (None, [], "")
        rows.append({"path": path, "label": field_label(path), "value": _display(value, path),
                     "source": _source(sources, path),
                     "confidence": "" if absent else _confidence(confidence, path),
                     "missing": absent})
    return rows


def conflicts_for(document: ImportedDocument) -> list[dict]:
    """Fields the document gives two readings of, each with the text it came from."""
    return [{"label": field_label(c["field"]), "options": [
        dict(o, value=_display(o["value"], c["field"])) for o in c["options"]]}
        for c in document.result.get("conflicts", [])]


def paragraphs_of(document: ImportedDocument) -> dict | None:
    """Minutes: the decision read from each granting § (with its own review page), and the
    paragraphs that were left alone."""
    if document.kind != ImportedDocument.Kind.MINUTES:
        return None
    decisions = list(document.paragraphs.defer("content").order_by("filename"))
    return {"decisions": decisions,
            "others": document.result.get("extra", {}).get("other_paragraphs", [])}


def term_groups(*, user) -> list[dict]:
    """Per key: the default wordings and the förbund's own (removable)."""
    from insatsportal.imports.forms import TERM_KEYS
    from insatsportal.imports.parsing.terms import DEFAULT

    if not policy.can_import_documents(user):
        return []
    own: dict[str, list] = {}
    for term in ImportTerm.objects.order_by("wording"):
        own.setdefault(term.key, []).append(term)
    defaults = dict(DEFAULT.headings, intervention_noun=DEFAULT.intervention_nouns,
                    owner_word=DEFAULT.owner_words,
                    decision_document=DEFAULT.decision_document_words)
    return [{"key": key, "label": label, "defaults": defaults.get(key, ()),
             "own": own.get(key, [])} for key, label in TERM_KEYS]


def missing_labels(document: ImportedDocument) -> list[str]:
    return [field_label(path) for path in document.result.get("missing", [])]


def warnings_for(document: ImportedDocument, application=None) -> list[dict]:
    """The reader's warnings, and for a decision those of comparing it with the application
    it answers (another amount or period than applied for)."""
    warnings = [dict(w, label=field_label(w["field"])) for w in document.result.get(
        "warnings", [])]
    if document.kind == ImportedDocument.Kind.DECISION and application is not None:
        for warning in decision_vs_application(document, application):
            warnings.append(dict(warning, label=field_label(warning["field"])))
    return warnings


def decision_vs_application(document: ImportedDocument, application) -> list[dict]:
    applied = case_selectors.applied_amount(application)
    as_read = ImportResult(kind="application", source="", fields={
        "budget": {"from_association_total": int(applied) if applied is not None else None},
        "planned_start": application.planned_start.isoformat()
        if application.planned_start else None,
        "planned_end": application.planned_end.isoformat() if application.planned_end else None,
        "owner": {"organisation": application.owner.name},
    })
    decision = ImportResult(kind="decision", source="", fields=document.fields)
    return compare_decision_with_application(decision, as_read)
