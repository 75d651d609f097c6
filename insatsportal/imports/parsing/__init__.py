"""Reading the förbund's existing applications and decisions into structured data.

Pure Python: no Django here. ``read_document`` is the whole public surface; the
Django side stores what it returns after a person has reviewed it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .application import read_application
from .decision import read_decision
from .formats import load, to_text
from .ocr import repair_text
from .parties import fix_emails
from .result import Collector, ImportReadError, ImportResult
from .text import normalise

__all__ = ["ImportReadError", "ImportResult", "read_document", "read_text"]

_DECISION_MARKERS = (
    r"föreslår\s+\w*styrelsen\s+besluta", r"föreslås\s+besluta", r"^\s*att\s+bevilja",
    r"^\s*att\s+avsätta", r"^\s*Ärendet\s*$", r"^\s*Bedömning\s*$", r"[Ff]örbundschef\s*$",
    r"\bbeslutar\b",
)
_APPLICATION_MARKERS = (
    r"Insatsens\s+namn", r"Insats\w{1,3}gare", r"Samverkansparter", r"Beskriv\s+syftet",
    r"Planerat\s+startdatum", r"Beskriv\s+m\w{1,3}len", r"Organisation\s+och\s+datum",
)


def detect_kind(text: str) -> str | None:
    decision = sum(bool(re.search(p, text, re.M | re.I)) for p in _DECISION_MARKERS)
    application = sum(bool(re.search(p, text, re.M | re.I)) for p in _APPLICATION_MARKERS)
    if application >= 3 and application >= decision:
        return "application"
    if decision >= 2:
        return "decision"
    return None


def read_text(
    text: str, *, source: str = "", resolve_organisation: Callable | None = None
) -> ImportResult:
    """Read already-extracted text (the seeds are such text)."""
    clean = fix_emails(normalise(text))
    repaired, changed = repair_text(clean)
    words = max(1, len(re.findall(r"\w+", clean)))
    ocr = changed / words > 0.01  # more than 1 % of words damaged: treat as OCR text
    kind = detect_kind(repaired)
    out = Collector()
    if kind == "application":
        fields, extra = read_application(repaired, resolve_organisation, out, ocr=ocr)
    elif kind == "decision":
        fields, extra = read_decision(repaired, resolve_organisation, out)
    else:
        raise ImportReadError(
            "Dokumentet känns inte igen som en ansökan eller ett beslut(sförslag).")
    extra["ocr_repaired_words"] = changed
    return ImportResult(kind=kind, source=source, fields=fields, warnings=out.warnings,
                        sources=out.sources, missing=out.missing, extra=extra)


def read_document(
    path_or_bytes: str | Path | bytes,
    filename: str | None = None,
    resolve_organisation: Callable | None = None,
) -> ImportResult:
    """Read a .docx, .pdf, .txt or HTML-fragment file; raise ImportReadError if impossible."""
    data, name = load(path_or_bytes, filename)
    text = to_text(data, name)
    if not text.strip():
        raise ImportReadError(f"{name or 'Filen'} innehåller ingen text.")
    source = str(path_or_bytes) if not isinstance(path_or_bytes, bytes | bytearray) else name
    return read_text(text, source=source, resolve_organisation=resolve_organisation)
