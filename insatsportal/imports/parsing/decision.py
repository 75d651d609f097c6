"""Reading a decision proposal (tjänsteskrivelse) or a decision."""

from __future__ import annotations

import re

from .dates import find_dates
from .numbers import find_amounts, parse_amount
from .parties import Resolver, resolve_org
from .result import Collector
from .terms import DEFAULT, Terms
from .text import squash

_PROPOSAL_RE = re.compile(
    r"(?P<proposer>[A-ZÅÄÖ]?[a-zåäö]*(?:utskott|styrelse|chef)\w*)\s+föreslår\s+"
    r"(?P<body>[a-zåäö]*styrelsen|[a-zåäö]*utskottet)\s+(?:att\s+)?besluta",
    re.IGNORECASE,
)
_PASSIVE_RE = re.compile(
    r"(?P<body>[A-ZÅÄÖ]?[a-zåäö]*styrelsen|[A-ZÅÄÖ]?[a-zåäö]*utskottet)\s+föreslås\s+"
    r"(?:att\s+)?besluta", re.IGNORECASE)
_DECIDED_RE = re.compile(
    r"(?P<body>[A-ZÅÄÖ]?[a-zåäö]*styrelsen|[A-ZÅÄÖ]?[a-zåäö]*utskottet)\s+"
    r"(?:beslutar|beslutade|beslöt|har\s+beslutat)", re.IGNORECASE)
# "beslutade styrelsen att bevilja": the verb first, as news and minutes write it.
_DECIDED_INVERTED_RE = re.compile(
    r"(?:beslutar|beslutade|beslöt)\s+(?P<body>[a-zåäö]*styrelsen|[a-zåäö]*utskottet)\b",
    re.IGNORECASE)
_SIGNED_RE = re.compile(
    r"^\s*(?P<name>[A-ZÅÄÖ][\wåäöé-]+(?: [A-ZÅÄÖ][\wåäöé-]+){1,3}),\s*"
    r"(?P<title>[Ff]örbundschef|[Oo]rdförande|[Ss]ekreterare|[\wåäö]*chef)\s*$", re.M)
_SECTION_RE = re.compile(r"^\s*(Ärendet|Bedömning|Beslutsunderlag|Förslag till beslut)\s*$",
                         re.M)


def _name_re(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """"för insatsen X, …", "bevilja projektet X högst …": the name runs to the amount,
    the period or a comma."""
    noun = "|".join(re.escape(n) for n in nouns)
    return re.compile(
        rf"(?:(?:för|till)\s+|bevilja\s+(?:en\s+förlängning\s+av\s+)?)(?:{noun})\s+"
        r"[\"”“*]?(?P<name>[^\d\n\"”“*]+?)[\"”“*]?\s*(?:,|\bför perioden\b|"
        r"\bunder perioden\b|\bmaximalt\b|\bhögst\b|\bfinansiering\b|\bmedel\b|"
        r"\bmed\b|\d|$)", re.IGNORECASE)
_PERIOD_RE = re.compile(r"perioden\s+(?P<a>.{6,25}?)\s+(?:fram\s+)?(?:till|–|-)\s+(?:och\s+med\s+)?"
                        r"(?P<b>[^,]{6,40})", re.IGNORECASE)
_AMOUNT_RE = re.compile(r"(?:maximalt|högst|max|med)\s+(?P<a>\d[\d\s]*(?:,\d+)?\s*"
                        r"(?:kr\b|kronor|tkr|miljoner kronor|miljoner|miljon|mkr))",
                        re.IGNORECASE)
# Any amount with its unit: "2,4 miljoner kronor" straight after the name.
_UNIT_AMOUNT_RE = re.compile(r"(?P<a>\d[\d ]*(?:,\d+)?\s*(?:kronor|kr\b|tkr|miljoner|"
                             r"miljon|mkr))", re.IGNORECASE)
_ROUNDED_RE = re.compile(r",\d+\s*(?:miljon|mkr)|\d\s*(?:miljon|mkr)|tkr", re.IGNORECASE)


def _canonical_body(word: str) -> str:
    word = word.strip()
    return word[0].upper() + word[1:].lower()


def _att_clauses(text: str) -> list[str]:
    """Each clause starts with "att" at a line start and runs until the next or a heading."""
    clauses: list[str] = []
    current: list[str] | None = None
    # "Styrelsen beslutade att bevilja …" on one line: the clause starts at "att".
    text = re.sub(r"(\bbeslut(?:ar|ade|a)|\bbeslöt)\s+att\s+", r"\1\natt ", text)
    for line in text.split("\n"):
        stripped = line.strip()
        if re.match(r"^att\s", stripped):
            if current:
                clauses.append(squash(" ".join(current)))
            current = [stripped[4:]]
        elif _SECTION_RE.match(line) and current is not None:
            break
        elif current is not None and stripped:
            current.append(stripped)
    if current:
        clauses.append(squash(" ".join(current)))
    return clauses


def _section(text: str, name: str) -> str | None:
    heads = list(_SECTION_RE.finditer(text))
    for i, head in enumerate(heads):
        if head.group(1) == name:
            end = heads[i + 1].start() if i + 1 < len(heads) else len(text)
            body = text[head.end():end]
            signed = _SIGNED_RE.search(body)
            return body[: signed.start()].strip() if signed else body.strip()
    return None


def read_decision(text: str, resolver: Resolver | None, out: Collector, *,
                  terms: Terms = DEFAULT):
    fields: dict = {}
    extra: dict = {}
    clauses = _att_clauses(text)
    extra["att_clauses"] = clauses
    grant = next((c for c in clauses if re.match(r"(bevilja|avsätta|anslå|tilldela)", c)), "")
    grant_all = " ".join(c for c in clauses if re.search(
        r"bevilja|avsätta|anslå|tilldela|maximalt|högst", c))

    match = _name_re(terms.intervention_nouns).search(grant)
    name = squash(match.group("name")).strip(" .") if match else None
    fields["intervention_name"] = out.found("intervention_name", name, grant)

    proposer = body = None
    proposal = _PROPOSAL_RE.search(text)
    signed = _SIGNED_RE.search(text)
    if proposal:
        proposer = _canonical_body(proposal.group("proposer"))
        body = _canonical_body(proposal.group("body"))
        out.found("proposer", proposer, proposal.group(0))
        out.found("decision_body", body, proposal.group(0))
    else:
        passive = (_PASSIVE_RE.search(text) or _DECIDED_RE.search(text)
                   or _DECIDED_INVERTED_RE.search(text))
        if passive:
            body = _canonical_body(passive.group("body"))
            out.found("decision_body", body, passive.group(0))
        if passive and signed and _PASSIVE_RE.search(text):
            # A passive proposal is the signing official's own (the förbundschef's).
            proposer = _canonical_body(signed.group("title"))
            out.found("proposer", proposer, signed.group(0))
        else:
            out.found("proposer", None, None)
        if not passive:
            out.found("decision_body", None, None)
    fields["proposer"] = proposer
    fields["decision_body"] = body

    start = end = None
    period = _PERIOD_RE.search(grant_all)
    if period:
        a, b = find_dates(period.group("a")), find_dates(period.group("b"))
        start = a[0][0] if a else None
        end = b[0][0] if b else None
    fields["period_start"] = out.found("period_start", start, period.group(0) if period else None)
    fields["period_end"] = out.found("period_end", end, period.group(0) if period else None)

    amount = _AMOUNT_RE.search(grant_all) or _UNIT_AMOUNT_RE.search(grant_all)
    value = parse_amount(amount.group("a")) if amount else None
    fields["max_amount"] = out.found("max_amount", value, amount.group(0) if amount else None)
    if value and _ROUNDED_RE.search(amount.group("a")):
        _exact_beside_rounded(text, value, amount.group(0), out)

    case = _section(text, "Ärendet") or ""
    assessment = _section(text, "Bedömning") or ""
    extra["case_text"], extra["assessment_text"] = case or None, assessment or None
    prose = case + "\n" + assessment if (case or assessment) else text
    owner, partners, source = _owner_and_partners(prose, resolver, terms)
    fields["owner_organisation"] = out.found("owner_organisation", owner, source)
    fields["partners"] = out.found("partners", partners, source)
    fields["signed_by"] = {
        "name": out.found("signed_by.name", signed.group("name") if signed else None,
                          signed.group(0) if signed else None),
        "title": out.found("signed_by.title", signed.group("title") if signed else None,
                           signed.group(0) if signed else None),
    }
    ext = re.search(r"[^.\n]*\b(förlängning|förlänga|fortsättning av)\b[^.\n]*", text, re.I)
    fields["is_extension"] = bool(ext)
    out.sources["is_extension"] = squash(ext.group(0)) if ext else "inget ord om förlängning"
    dnr = re.search(r"\b(?:Dnr|Diarienummer)\.?:?\s*(?P<n>[\w-]*\d[\w./-]*)", text, re.I)
    extra["case_number"] = dnr.group("n") if dnr else None
    # The document's own date stands in its head, before the proposal: a date in an
    # att-clause is the granted period, not the day the document was written.
    head = re.split(r"^\s*(?:att\b|F\w+rslag till beslut)", text[:400], maxsplit=1,
                    flags=re.M | re.I)[0]
    dates = find_dates(head, compact=False)
    extra["document_date"] = dates[0][0] if dates else None
    if value is None:
        out.warn("max_amount", "Inget maxbelopp hittades i beslutsförslaget.")
    if start is None or end is None:
        out.warn("period_start", "Beslutets period kunde inte läsas.")
    return fields, extra


_ORG = r"[A-ZÅÄÖ][\wåäö]*(?: [A-ZÅÄÖa-zåäö][\wåäö]*)?"
# Separators are required between names: optional ones made the search exponential.
_ORG_LIST = rf"(?P<list>{_ORG}(?:(?:, | och | samt ){_ORG}){{0,5}})"


def _split_orgs(text: str, resolver: Resolver | None) -> list[str]:
    names = []
    for part in re.split(r",\s*|\s+och\s+|\s+samt\s+|\s+tillsammans(?: med)?\s+", text):
        part = part.strip()
        if not part:
            continue
        name = resolve_org(part, None, resolver)
        if name and name not in names:
            names.append(name)
    return names


def _exact_beside_rounded(text: str, value: int, source: str, out: Collector) -> None:
    """"2,4 miljoner" in the clause and "2 385 000 kronor" in the text: both are shown."""
    for other, snip in find_amounts(text):
        if other % 100_000 and other != value and abs(other - value) <= value * 0.05:
            out.conflict("max_amount", [(value, source), (other, _around(text, snip))])
            return


def _around(text: str, snip: str) -> str:
    at = text.find(snip)
    start = max(text.rfind("\n", 0, at), text.rfind(".", 0, at)) + 1
    end = min(x for x in (text.find("\n", at), text.find(".", at + len(snip)), len(text))
              if x >= 0)
    return text[start:end].strip()


def _owner_and_partners(text: str, resolver: Resolver | None, terms: Terms = DEFAULT):
    owner_words = "|".join(re.escape(w) for w in terms.owner_words)
    owner_match = re.search(
        r"(?P<owner>[A-ZÅÄÖ][\wåäö]+(?: [a-zåäö]+| [A-ZÅÄÖ][\wåäö]+)?)\s+(?:är|utgör)\s+"
        rf"(?:{owner_words})\b", text)
    owner = resolve_org(owner_match.group("owner"), None, resolver) if owner_match else None
    source = owner_match.group(0) if owner_match else ""
    partners: list[str] = []
    partner_match = re.search(_ORG_LIST + r"\s+är\s+samverkanspart(?:er|ner)?", text)
    if partner_match:
        partners = _split_orgs(partner_match.group("list"), resolver)
        source += " … " + partner_match.group(0)
    else:
        applicants = re.search(_ORG_LIST + r"\s+ansöker\b", text)
        if applicants:
            partners = _split_orgs(applicants.group("list"), resolver)
            source += " … " + applicants.group(0)
    partners = [p for p in partners if p != owner]
    return owner, partners, source.strip(" …") or None
