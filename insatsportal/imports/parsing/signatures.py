"""Signature blocks and the fixed agreement text of an application."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

from .dates import find_dates
from .parties import Resolver, clean_person, first_email, resolve_org
from .result import Collector
from .text import coarse, fold

_ORG_DATE_RE = re.compile(r"Organisation\s+och\s+datum", re.IGNORECASE)
_LABEL_LINE_RE = re.compile(
    r"^\s*(E-?post|Insats\w*gare|Samverkanspart|Insatsens namn|Underskrift|Organisation)",
    re.IGNORECASE,
)
_CLARIFY_RE = re.compile(r"namnf\w*rtydligande\)?\s*[|:]?\s*(?P<rest>.*)", re.IGNORECASE)
_ORG_HINT = re.compile(
    r"kommun|region|f\w*rmedling|kassa|landsting|förvaltning", re.IGNORECASE
)


def _value_after(lines: list[str], idx: int, inline: str) -> str:
    if inline.strip(" \t:|"):
        return inline.strip(" \t:|")
    for line in lines[idx + 1 : idx + 4]:
        if line.strip() and not _LABEL_LINE_RE.match(line):
            return line.strip()
        if _LABEL_LINE_RE.match(line):
            break
    return ""


def read_signatures(text: str, resolver: Resolver | None, out: Collector) -> list[dict]:
    """One entry per readable "Organisation och datum" block, in document order."""
    starts = [m.start() for m in _ORG_DATE_RE.finditer(text)]
    signatures = []
    for n, start in enumerate(starts):
        block = text[start : starts[n + 1] if n + 1 < len(starts) else len(text)]
        block = re.split(r"\n\s*Insatsens namn", block)[0]
        lines = block.split("\n")
        head = _ORG_DATE_RE.sub("", lines[0], count=1)
        value = _value_after(lines, 0, head)
        dates = find_dates(value)
        when = dates[0][0] if dates else None
        org_text = value
        for _d, snip, _pos in dates:
            org_text = org_text.replace(snip, " ")
        org_text = re.split(r"\s\d", org_text)[0].strip(" ,.-")
        email = first_email(block)
        org = None
        if _ORG_HINT.search(org_text) or (resolver and resolver(org_text, None)):
            org = resolve_org(org_text, email, resolver)
        name = None
        for i, line in enumerate(lines):
            match = _CLARIFY_RE.search(line)
            if match:
                name = clean_person(_value_after(lines, i, match.group("rest")), email)
                break
        path = f"signatures[{len(signatures)}]"
        if org is None and when is None and name is None:
            out.warn("signatures", f"Underskrift nr {n + 1} kunde inte läsas (handskrift eller "
                     "skadad skanning); kontrollera originalet.")
            continue
        entry = {"organisation": org, "date": when, "name": name, "email": email}
        label = org or f"underskrift nr {n + 1}"
        out.found(f"{path}.organisation", org, value)
        out.found(f"{path}.date", when, value)
        out.found(f"{path}.name", name, block)
        if when is None:
            out.warn(f"{path}.date",
                     f"Datum saknas eller kan inte läsas i underskriften för {label}.")
        if name is None:
            out.warn(f"{path}.name",
                     f"Namnförtydligande saknas i underskriften för {label}.")
        signatures.append(entry)
    return signatures


def check_signatures(parties: list[str | None], signatures: list[dict], out: Collector) -> None:
    """Every party of the application must have signed."""
    signed = {s["organisation"] for s in signatures if s["organisation"]}
    for party in parties:
        if party and party not in signed:
            out.warn("signatures", f"Ingen läsbar underskrift hittades för {party}.")


@lru_cache(maxsize=1)
def canonical_agreement() -> str:
    raw = resources.files(__package__).joinpath("data/agreement.txt").read_text("utf-8")
    return "\n".join(line for line in raw.splitlines() if not line.startswith("#"))


def _words(text: str) -> list[str]:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # hyphenated line breaks
    text = re.sub(r"\bv:\s?\d{2}-\d{2}-\d{2}\b", " ", text)  # template version stamp
    return [w for w in re.findall(r"[\wåäöé&@]+", text) if not w.isdigit()]


def check_agreement(text: str | None, ocr: bool, out: Collector) -> None:
    """Warn when the agreement text differs from the template's fixed wording.

    OCR'd text is compared on a coarse fold and near-identical words count as the
    same, so misread letters are not reported as alterations; clean text must match
    word for word.
    """
    if not text or len(text.strip()) < 40:
        out.warn("agreement", "Överenskommelsen saknas i ansökan.")
        return
    mine_raw = _words(text)
    canon_raw = _words(canonical_agreement())
    norm = coarse if ocr else fold
    mine = [norm(w) for w in mine_raw]
    canon = [norm(w) for w in canon_raw]
    changes = []
    matcher = SequenceMatcher(None, canon, mine, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if ocr and tag == "replace" and i2 - i1 == j2 - j1 and all(
            SequenceMatcher(None, a, b).ratio() >= 0.7
            for a, b in zip(canon[i1:i2], mine[j1:j2], strict=True)
        ):
            continue
        if ocr and max(i2 - i1, j2 - j1) <= 1 and (i2 - i1 == 0 or j2 - j1 == 0):
            continue  # a lone stray or dropped OCR token
        was = " ".join(canon_raw[i1:i2]) or "–"
        now = " ".join(mine_raw[j1:j2]) or "–"
        changes.append(f"”{was}” → ”{now}”")
    if changes:
        shown = "; ".join(changes[:5])
        more = f" (och {len(changes) - 5} till)" if len(changes) > 5 else ""
        out.warn("agreement", f"Överenskommelsens text avviker från mallens fasta text: "
                 f"{shown}{more}.")
