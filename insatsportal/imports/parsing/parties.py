"""Organisations, contact people and e-mail addresses in party blocks and signatures."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Resolver = Callable[[str | None, str | None], str | None]

EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)
_LABEL_RE = re.compile(r"(?im)^[ \t]*(?:\d+[.)][ \t]*)?Organisation[ \t]*:")
_CONTACT_RE = re.compile(r"Kontaktperson\s*:\s*([^\n,(]*)", re.IGNORECASE)
_NAME_RE = re.compile(r"^[A-ZÅÄÖÉ][\wåäöéü'-]+(?:[ -][A-ZÅÄÖÉ][\wåäöéü'-]+){1,3}$")
_ORG_WORDS = re.compile(
    r"kommun|region|förmedling|kassa|förvaltning|enhet|kontor|landsting", re.IGNORECASE
)


def fix_emails(text: str) -> str:
    """OCR puts spaces around "@": "carina.backstrom @regionuppsala.se"."""
    return re.sub(r"([\w.-])\s+@\s*([\w-]+\.)|([\w.-])@\s+([\w-]+\.)",
                  lambda m: f"{m.group(1) or m.group(3)}@{m.group(2) or m.group(4)}", text)


def first_email(text: str) -> str | None:
    match = EMAIL_RE.search(text or "")
    return match.group(0).strip(".").lower() if match else None


def clean_person(raw: str | None, email: str | None = None) -> str | None:
    """A person's name from "Catrin Josephson (Socialchef)" or "Viveca Raim, enhetschef"."""
    if not raw:
        return None
    text = re.sub(r"\(.*?\)", " ", raw)
    text = re.split(r"[,;|]|\s[-–—]\s|\.\s", text)[0]
    text = re.sub(r"\s+", " ", text).strip(" .:|")
    if not _NAME_RE.match(text) or _ORG_WORDS.search(text):
        return None
    return _restore_from_email(text, email)


def _restore_from_email(name: str, email: str | None) -> str:
    """Fix é/6 read for ö in a name when the e-mail spells that letter as o."""
    if not email or not re.search("[é6]", name):
        return name
    local = email.split("@")[0].replace(".", " ").replace("-", " ")
    flat = name.lower().replace("-", " ")
    if len(local) != len(flat):
        return name
    chars = list(name)
    for i, (n, e) in enumerate(zip(flat, local, strict=True)):
        if n in "é6" and e == "o":
            chars[i] = "Ö" if name[i].isupper() else "ö"
    return "".join(chars)


def looks_like_person(text: str | None) -> bool:
    return bool(text and _NAME_RE.match(text.strip()) and not _ORG_WORDS.search(text))


@dataclass
class Party:
    org_text: str | None
    contact_name: str | None
    email: str | None
    source: str


def _split_org_line(line: str) -> tuple[str, str | None]:
    """'Håbo kommun. Kontaktperson: …' or 'Arbetsförmedlingen, Carina Bergman, x@y'."""
    line = re.split(r"Kontaktperson\s*:", line, flags=re.IGNORECASE)[0]
    line = EMAIL_RE.sub("", line)
    parts = [p.strip(" .\t") for p in line.split(",")]
    person = None
    org_parts = []
    for part in parts:
        if not part:
            continue
        if person is None and org_parts and looks_like_person(part):
            person = part
        elif person is None:
            org_parts.append(part)
    return ", ".join(org_parts).strip(" .,"), person


def parse_party_blocks(text: str) -> list[Party]:
    """Each "Organisation:" starts a party; the name, contact and e-mail follow it."""
    starts = [m.start() for m in _LABEL_RE.finditer(text)]
    if not starts:
        starts = [0] if text.strip() else []
    parties = []
    for i, start in enumerate(starts):
        chunk = text[start : starts[i + 1] if i + 1 < len(starts) else len(text)]
        body = _LABEL_RE.sub("", chunk, count=1)
        lines = [ln.strip() for ln in body.split("\n")]
        first = next((ln for ln in lines if ln), "")
        if re.match(r"(Kontaktperson|E-?post)\s*:", first, re.IGNORECASE):
            first = ""
        org_text, inline_person = _split_org_line(first) if first else (None, None)
        email = first_email(chunk)
        contact_match = _CONTACT_RE.search(chunk)
        raw_contact = contact_match.group(1) if contact_match else inline_person
        if contact_match and not raw_contact.strip():
            after = chunk[contact_match.end():].strip().split("\n")[0]
            raw_contact = after
        parties.append(
            Party(org_text or None, clean_person(raw_contact, email), email, chunk.strip())
        )
    return [p for p in parties if p.org_text or p.email or p.contact_name]


_UNIT_SPLIT_RE = re.compile(r"^(?P<org>.*?\b(?:kommun|Kommun|Region \w+))\b[\s,.]*(?P<unit>.*)$")


def split_org_unit(text: str, resolver: Resolver | None) -> tuple[str, str | None]:
    """Split "Knivsta kommun Vård- och omsorgskontoret" into organisation and unit."""
    cleaned = re.sub(r"[()]", " ", text)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ,.")
    words = cleaned.split(" ")
    if resolver:
        for n in range(len(words), 0, -1):
            head = " ".join(words[:n]).strip(" ,.")
            if resolver(head, None):
                unit = " ".join(words[n:]).strip(" ,.") or None
                return head, unit
    match = _UNIT_SPLIT_RE.match(cleaned)
    if match:
        unit = match.group("unit").strip(" ,.") or None
        return match.group("org").strip(" ,."), unit
    if "," in cleaned:
        head, _, rest = cleaned.partition(",")
        return head.strip(), rest.strip(" ,.") or None
    return cleaned, None


def resolve_org(text: str | None, email: str | None, resolver: Resolver | None) -> str | None:
    """Canonical organisation name; without a register the text is kept as written."""
    if resolver:
        name = resolver(text, email)
        if name:
            return name
        if text:
            head, _unit = split_org_unit(text, resolver)
            name = resolver(head, email)
            if name:
                return name
    if not text:
        return None
    return split_org_unit(text, None)[0] or None
