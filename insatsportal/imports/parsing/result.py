"""The outcome of reading one document, and the error raised when it cannot be read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .text import snippet


class ImportReadError(Exception):
    """The file cannot be read at all; the message is one line of Swedish for the user."""


class UnrecognisedDocument(ImportReadError):
    """Text was read but is neither an application nor a decision; ``found`` says what the
    reader saw (headings, labelled fields, dates, amounts, e-mail addresses)."""

    def __init__(self, message: str, found: dict):
        super().__init__(message)
        self.found = found


# How sure the reader is of a value: read under the template's own label, read from a
# synonym or unlabelled text, or inferred from elsewhere / chosen between two readings.
HIGH, MEDIUM, LOW = 0.9, 0.7, 0.4


@dataclass
class ImportResult:
    kind: str
    source: str
    fields: dict[str, Any]
    warnings: list[dict[str, str]] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    conflicts: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self, *, include_sources: bool = False, include_extra: bool = False) -> dict:
        out: dict[str, Any] = {
            "kind": self.kind,
            "source": self.source,
            "fields": _plain(self.fields),
            "warnings": list(self.warnings),
        }
        if include_sources:
            out["sources"] = dict(self.sources)
            out["missing"] = list(self.missing)
            out["confidence"] = dict(self.confidence)
            out["conflicts"] = _plain(self.conflicts)
        if include_extra:
            out["extra"] = _plain(self.extra)
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


class Collector:
    """Keeps the source text of every field and the warnings while a reader works."""

    def __init__(self) -> None:
        self.sources: dict[str, str] = {}
        self.warnings: list[dict[str, str]] = []
        self.missing: list[str] = []
        self.confidence: dict[str, float] = {}
        self.conflicts: list[dict[str, Any]] = []
        self.items: list[dict[str, Any]] = []  # minutes: one reading per granting §
        self.base_confidence = HIGH

    def found(self, path: str, value: Any, source: str | None,
              confidence: float | None = None) -> Any:
        """Record ``value`` for ``path``; a None value is reported as not found."""
        if value is None or value == []:
            self.missing.append(path)
        else:
            if source:
                self.sources[path] = snippet(source)
            self.confidence[path] = min(confidence or HIGH, self.base_confidence)
        return value

    def conflict(self, path: str, options: list[tuple[Any, str]]) -> None:
        """Two readings of one field: both are kept for the person to choose between."""
        self.conflicts.append({"field": path, "options": [
            {"value": value, "source": snippet(source)} for value, source in options]})
        self.confidence[path] = LOW

    def warn(self, path: str, message: str) -> None:
        item = {"field": path, "message": message}
        if item not in self.warnings:
            self.warnings.append(item)
