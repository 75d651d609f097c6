"""Reading the förbund's existing applications and decisions into structured data.

Pure Python: no Django here. ``read_document`` is the whole public surface; the
Django side stores what it returns after a person has reviewed it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

from .application import read_application
from .dates import find_dates
from .decision import read_decision
from .formats import load, to_text
from .headings import find_headings
from .minutes import is_minutes, read_minutes
from .numbers import find_amounts
from .ocr import repair_text
from .parties import fix_emails
from .result import HIGH, MEDIUM, Collector, ImportReadError, ImportResult, UnrecognisedDocument
from .terms import DEFAULT, Terms
from .text import coarse, normalise, squash

__all__ = ["ImportReadError", "ImportResult", "Terms", "UnrecognisedDocument",
           "read_document", "read_text", "text_digest"]

_DECISION_MARKERS = (
    r"föreslår\s+\w*styrelsen\s+besluta", r"föreslås\s+besluta", r"^\s*att\s+bevilja",
    r"^\s*att\s+avsätta", r"^\s*Ärendet\s*$", r"^\s*Bedömning\s*$", r"[Ff]örbundschef\s*$",
    r"\bbeslutar\b", r"\bbeslutade\b", r"\bbeslöt\b", r"\batt\s+bevilja\b",
    r"^\s*§\s*\d+",
)


def _application_markers(terms: Terms) -> list[str]:
    """One marker per heading kind the template has, whichever synonym a document uses."""
    keys = ("name", "owner", "partners", "purpose", "period", "goals", "target_group",
            "signature")
    return [r"^\s*(?:" + "|".join(re.escape(w) for w in terms.headings.get(k, ())) + r")\b"
            for k in keys if terms.headings.get(k)]


def detect_kind(text: str, terms: Terms = DEFAULT) -> str | None:
    decision = sum(bool(re.search(p, text, re.M | re.I)) for p in _DECISION_MARKERS)
    decision += any(re.search(rf"^\s*{re.escape(w)}\b", text[:600], re.M | re.I)
                    for w in terms.decision_document_words)
    application = sum(bool(re.search(p, text, re.M | re.I))
                      for p in _application_markers(terms))
    if is_minutes(text) and decision >= 2:
        return "minutes"
    if application >= 3 and application >= decision:
        return "application"
    if decision >= 2:
        return "decision"
    return None


def _found(text: str, terms: Terms) -> dict:
    """What an unrecognised document holds, for the refusal and for reading by hand."""
    lines = text.split("\n")
    every = dict(terms.headings)
    headings = [h.text for h in find_headings(lines, every)][:20]
    labelled = [squash(ln)[:80] for ln in lines
                if re.match(r"^\s*[A-ZÅÄÖ][\wåäö /-]{2,40}:\s*\S", ln)][:20]
    return {
        "headings": headings,
        "labelled": labelled,
        "dates": [d.isoformat() for d, _s, _p in find_dates(text, compact=False)][:8],
        "amounts": [snip for _v, snip in find_amounts(text) if _v >= 1000][:8],
        "emails": sorted(set(re.findall(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", text)))[:8],
    }


def _refusal(found: dict) -> str:
    parts = []
    if found["headings"]:
        parts.append("rubriker: " + ", ".join(found["headings"][:6]))
    if found["labelled"]:
        parts.append("fält: " + ", ".join(ln.split(":")[0] for ln in found["labelled"][:6]))
    if found["dates"]:
        parts.append(f"{len(found['dates'])} datum")
    if found["amounts"]:
        parts.append(f"{len(found['amounts'])} belopp")
    said = "; ".join(parts) if parts else "inga rubriker eller fält"
    return ("Dokumentet känns inte igen som en ansökan eller ett beslut(sförslag). "
            f"Hittat: {said}.")


def read_text(
    text: str, *, source: str = "", resolve_organisation: Callable | None = None,
    terms: Terms = DEFAULT, kind: str | None = None, scanned: bool = False,
) -> ImportResult:
    """Read already-extracted text (the seeds are such text).

    ``kind`` reads the text as that kind whatever it looks like (a person chose it);
    ``scanned`` says the text came from OCR, so every value is less sure.
    """
    clean = fix_emails(normalise(text))
    repaired, changed = repair_text(clean)
    words = max(1, len(re.findall(r"\w+", clean)))
    ocr = scanned or changed / words > 0.01  # more than 1 % of words damaged: OCR text
    if not ocr:
        # Clean text keeps its own spelling: "fortsatta" is a word, not a damaged one.
        repaired, changed = clean, 0
    detected = detect_kind(repaired, terms)
    kind = kind or detected
    out = Collector()
    out.base_confidence = MEDIUM if ocr else HIGH
    if kind == "application":
        fields, extra = read_application(repaired, resolve_organisation, out, ocr=ocr,
                                         terms=terms)
    elif kind == "decision":
        fields, extra = read_decision(repaired, resolve_organisation, out, terms=terms)
    elif kind == "minutes":
        fields, extra = read_minutes(repaired, resolve_organisation, out, terms=terms)
        extra["items"] = out.items
    else:
        found = _found(repaired, terms)
        raise UnrecognisedDocument(_refusal(found), found)
    extra["ocr_repaired_words"] = changed
    extra["scanned"] = scanned
    extra["text_digest"] = text_digest(repaired)
    if kind != detected:
        extra["read_as_chosen"] = True
    return ImportResult(kind=kind, source=source, fields=fields, warnings=out.warnings,
                        sources=out.sources, missing=out.missing, extra=extra,
                        confidence=out.confidence, conflicts=out.conflicts)


def text_digest(text: str) -> str:
    """The same text after normalisation (case, spacing, å/ä/ö, punctuation) gives the same
    digest: another export or a re-scan of a document is found by it."""
    words = re.findall(r"[a-z0-9]+", coarse(text))
    return hashlib.sha256(" ".join(words).encode()).hexdigest()


def read_document(
    path_or_bytes: str | Path | bytes,
    filename: str | None = None,
    resolve_organisation: Callable | None = None,
    *,
    terms: Terms = DEFAULT,
    kind: str | None = None,
) -> ImportResult:
    """Read a .docx, .pdf, .txt or HTML-fragment file; raise ImportReadError if impossible."""
    data, name = load(path_or_bytes, filename)
    text, scanned = to_text(data, name)
    if not text.strip():
        raise ImportReadError(f"{name or 'Filen'} innehåller ingen text.")
    source = str(path_or_bytes) if not isinstance(path_or_bytes, bytes | bytearray) else name
    return read_text(text, source=source, resolve_organisation=resolve_organisation,
                     terms=terms, kind=kind, scanned=scanned)
