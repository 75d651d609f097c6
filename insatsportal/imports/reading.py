"""The pure reader (parsing/) wired to the organisation register."""

import functools
import hashlib
import unicodedata

from django.core.exceptions import ValidationError

from insatsportal.core import uploads
from insatsportal.imports.models import ImportTerm
from insatsportal.imports.parsing import (
    ImportReadError,
    ImportResult,
    UnrecognisedDocument,
    read_document,
)
from insatsportal.imports.parsing.terms import DEFAULT, Terms
from insatsportal.organisations.models import Member, Unit
from insatsportal.organisations.selectors import member_resolve

__all__ = ["ImportReadError", "UnrecognisedDocument", "document_read", "organisation_resolve",
           "sha256_of", "terms_current"]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def organisation_resolver():
    """resolve(text, email) -> the register's member name, for one document's reading.

    member_resolve finds a member named anywhere in the text; here a text that is a
    member's name followed by one of its units ("Knivsta kommun Vård- och omsorgskontoret")
    (or the start of one) is not itself an organisation name, so the reader can split off
    the unit.
    """
    units: dict[int, set[str]] = {}
    for unit in Unit.objects.all():
        units.setdefault(unit.member_id, set()).add(_fold(unit.name))
    names: dict[int, list[str]] = {}
    for member in Member.objects.prefetch_related("aliases"):
        names[member.pk] = [_fold(member.name)] + [_fold(a.name) for a in member.aliases.all()]

    @functools.lru_cache(maxsize=512)
    def resolve(text: str | None, email: str | None) -> str | None:
        member = member_resolve(text, email)
        if member is None:
            return None
        if not (email and "@" in email) and text:
            folded = _fold(text)
            for name in names.get(member.pk, []):
                rest = folded.replace(name, "", 1) if name and name in folded else None
                if rest and any(u.startswith(rest) for u in units.get(member.pk, ())):
                    return None
        return member.name

    return resolve


def organisation_resolve(text: str | None, email: str | None) -> str | None:
    """The register's name for a written organisation name and/or e-mail address."""
    return organisation_resolver()(text, email)


def terms_current() -> Terms:
    """The default wordings with the förbund's own added."""
    extra: dict[str, list[str]] = {}
    for term in ImportTerm.objects.order_by("key", "wording"):
        extra.setdefault(term.key, []).append(term.wording)
    return DEFAULT.extended(extra) if extra else DEFAULT


def document_read(content: bytes, filename: str, *, source: str | None = None,
                  kind: str | None = None) -> ImportResult:
    """Read one file's bytes; raises ImportReadError with a one-line Swedish message.

    ``kind`` reads the document as that kind whatever it looks like (a person chose it).
    The upload limits are checked here too, so a reading in a command or a background task
    is as safe as one behind the upload form."""
    try:
        uploads.document_check(content)
    except ValidationError as error:
        raise ImportReadError(" ".join(error.messages)) from error
    result = read_document(content, filename=filename,
                           resolve_organisation=organisation_resolver(),
                           terms=terms_current(), kind=kind)
    result.source = source or filename
    return result


def result_stored(result: ImportResult) -> dict:
    """The JSON kept on the ImportedDocument: fields, sources, missing, warnings, extra."""
    return result.to_json(include_sources=True, include_extra=True)


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()
