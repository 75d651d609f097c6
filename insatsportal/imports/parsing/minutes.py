"""Minutes (protokoll) and extracts from them: one document, several paragraphs (§§).

Each paragraph that grants money is read as a decision of its own; the others are listed
and left alone.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .decision import read_decision
from .parties import Resolver
from .result import Collector
from .terms import DEFAULT, Terms
from .text import squash

_PARAGRAPH_RE = re.compile(r"^[ \t]*§[ \t]*(?P<number>\d{1,4})\b[ \t.:]*(?P<title>[^\n]*)$",
                           re.M)
_FUNDING_RE = re.compile(r"\b(?:bevilja|beviljas|avsätta|anslå|tilldela)\b", re.I)
_MEETING_DATE_RE = re.compile(
    r"(?:Sammanträdesdatum|Mötesdatum|Datum|Tid)\s*:?\s*(?P<rest>[^\n]+)", re.I)


def paragraphs(text: str) -> list[dict]:
    """[{number, title, text}] for every "§ 12 Title" in the text, in order."""
    heads = list(_PARAGRAPH_RE.finditer(text))
    out = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
        out.append({"number": int(head.group("number")),
                    "title": squash(head.group("title")),
                    "text": text[head.start():end].strip()})
    return out


def is_minutes(text: str) -> bool:
    return len(paragraphs(text)) >= 2


def _meeting_date(text: str):
    head = text[: _PARAGRAPH_RE.search(text).start()] if _PARAGRAPH_RE.search(text) else text
    labelled = _MEETING_DATE_RE.search(head)
    found = find_dates(labelled.group("rest") if labelled else head, compact=False)
    return (found[0][0], squash(labelled.group(0) if labelled else found[0][1])) if found \
        else (None, None)


def read_minutes(text: str, resolver: Resolver | None, out: Collector, *,
                 terms: Terms = DEFAULT):
    meeting_date, date_source = _meeting_date(text)
    fields = {"meeting_date": out.found("meeting_date", meeting_date, date_source),
              "items": []}
    others = []
    for paragraph in paragraphs(text):
        if not _FUNDING_RE.search(paragraph["text"]):
            others.append({"number": paragraph["number"], "title": paragraph["title"]})
            continue
        item_out = Collector()
        item_out.base_confidence = out.base_confidence
        item_fields, item_extra = read_decision(paragraph["text"], resolver, item_out,
                                                terms=terms)
        item_extra["document_date"] = meeting_date
        item_extra["paragraph"] = paragraph["number"]
        item_extra["paragraph_title"] = paragraph["title"]
        item_extra["paragraph_text"] = paragraph["text"]
        fields["items"].append({"paragraph": paragraph["number"], **item_fields})
        out.items.append({"paragraph": paragraph["number"], "title": paragraph["title"],
                          "fields": item_fields, "extra": item_extra,
                          "sources": item_out.sources, "missing": item_out.missing,
                          "warnings": item_out.warnings, "confidence": item_out.confidence,
                          "conflicts": item_out.conflicts})
    if not fields["items"]:
        out.warn("items", "Protokollet har ingen paragraf som beviljar medel.")
    return fields, {"other_paragraphs": others}
