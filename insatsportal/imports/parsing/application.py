"""Reading an application on the förbund's template."""

from __future__ import annotations

import re

from .budget_checks import read_budget
from .dates import find_dates, find_day_month_dates
from .goals import read_ages, read_goals, read_participants, read_staffing
from .headings import find_headings, sections
from .numbers import parse_amount
from .parties import Party, Resolver, parse_party_blocks, resolve_org, split_org_unit
from .result import LOW, MEDIUM, Collector
from .signatures import check_agreement, check_signatures, read_signatures
from .terms import DEFAULT, Terms
from .text import clean_title, squash


def _first(secs: dict, key: str) -> str | None:
    found = secs.get(key)
    return found[0].text if found else None


def _labelled_date(text: str | None, label: str) -> tuple:
    """The date after a label such as "Planerat startdatum:"; (date, source) or (None, None)."""
    if not text:
        return None, None
    match = re.search(rf"{label}[^:\n]*:?(?P<rest>[^\n]*)", text, re.IGNORECASE)
    if not match:
        return None, None
    found = find_dates(match.group("rest"))
    return (found[0][0], match.group(0).strip()) if found else (None, match.group(0).strip())


def read_application(text: str, resolver: Resolver | None, out: Collector, *, ocr: bool,
                     terms: Terms = DEFAULT):
    lines = text.split("\n")
    headings = find_headings(lines, terms.headings)
    secs = sections(lines, headings)
    fields: dict = {}
    extra: dict = {}

    name_text = _first(secs, "name")
    name = clean_title(name_text.split("\n\n")[0]) if name_text else None
    fields["name"] = out.found("name", name or None, name_text)
    case = re.search(r"\b(?:Dnr|Diarienummer)\.?:?\s*(?P<n>[\w-]*\d[\w./-]*)", text, re.I)
    fields["case_number"] = out.found("case_number", case.group("n") if case else None,
                                      case.group(0) if case else None)

    _read_parties(secs, resolver, out, fields)

    period = _first(secs, "period") or ""
    for key, label in (("planned_start", "startdatum"), ("planned_end", r"Planerat slutdatum"),
                       ("intake_end", r"slutdatum f\w+r intag")):
        value, source = _labelled_date(period or text, label)
        fields[key] = out.found(key, value, source)
    if fields["planned_start"] is None and fields["planned_end"] is None and period:
        _unlabelled_period(period, fields, out)
    if fields["intake_end"] is None:
        out.warn("intake_end", "Slutdatum för intag anges inte.")
    if fields["planned_start"] and fields["planned_end"] and (
            fields["planned_end"] < fields["planned_start"]):
        out.warn("planned_end", "Planerat slutdatum ligger före startdatum.")

    age_min, age_max, age_src = read_ages(
        [_first(secs, k) for k in ("target_group", "purpose", "methods")])
    fields["age_min"] = out.found("age_min", age_min, age_src)
    fields["age_max"] = out.found("age_max", age_max, age_src)
    if (age_min is not None and age_min < 16) or (age_max is not None and age_max > 64):
        out.warn("age_max", f"Åldersintervallet {age_min}–{age_max} år ligger utanför "
                 "Finsams målgrupp 16–64 år.")

    per_year, total, src = read_participants(_first(secs, "participants"))
    fields["expected_participants"] = {
        "per_year": out.found("expected_participants.per_year", per_year, src),
        "total": out.found("expected_participants.total", total, src),
    }

    _check_participants(fields, out)
    goals, parts = read_goals(_first(secs, "goals"))
    fields["parts"] = out.found("parts", parts, _first(secs, "goals"))
    extra["goals"] = goals
    for key in ("purpose", "background", "target_group", "methods", "follow_up",
                "implementation"):
        extra[key] = _first(secs, key)
        out.found(key, extra[key], extra[key])
    extra["staffing"] = read_staffing(_first(secs, "methods"))

    fields["anchoring"] = _read_anchoring(secs, out)

    budget_start = secs.get("budget") or secs.get("budget_summary")
    budget_text = "\n".join(lines[budget_start[0].start - 1:]) if budget_start else None
    fields["budget"], extra["budget"] = read_budget(
        budget_text, resolver, out, (fields["planned_start"], fields["planned_end"]))
    if budget_text is None:
        out.warn("budget", "Ingen detaljerad budget finns i dokumentet (bifogas separat?).")
        _budget_in_prose(_first(secs, "budget_note"), fields["budget"], out)

    signature_heads = secs.get("signature") or []
    agreement = secs.get("agreement")
    if agreement:
        end = signature_heads[0].start - 1 if signature_heads else agreement[0].end
        check_agreement("\n".join(lines[agreement[0].start:end]), ocr, out)
    else:
        check_agreement(None, ocr, out)
    sig_end = budget_start[0].start - 1 if budget_start else len(lines)
    sig_start = signature_heads[0].start - 1 if signature_heads else sig_end
    fields["signatures"] = read_signatures("\n".join(lines[sig_start:sig_end]), resolver, out)
    parties = [fields["owner"]["organisation"]] + [p["organisation"] for p in fields["partners"]]
    check_signatures(parties, fields["signatures"], out)
    _fill_contacts_from_signatures(fields, out)
    for signature in fields["signatures"]:
        signature.pop("email", None)  # kept only for the fallback above
    return fields, extra


_SOUGHT_RE = re.compile(r"^[^\n]*(?:sökt|ansökt|söker|från samordningsförbundet)[^\n]*$",
                        re.I | re.M)
_OWN_RE = re.compile(r"^[^\n]*(?:egen insats|egenfinansiering|medfinansiering)[^\n]*$",
                     re.I | re.M)


def _budget_in_prose(text: str | None, budget: dict, out: Collector) -> None:
    """Without a budget table: "Sökt belopp från Samordningsförbundet: 1 850 000 kr"."""
    for key, pattern in (("from_association_total", _SOUGHT_RE),
                         ("co_financing_total", _OWN_RE)):
        line = pattern.search(text or "")
        value = parse_amount(line.group(0).split(":", 1)[-1]) if line else None
        if value and value >= 1000 and budget.get(key) is None:
            budget[key] = value
            path = f"budget.{key}"
            if path in out.missing:
                out.missing.remove(path)
            out.sources[path] = squash(line.group(0))
            out.confidence[path] = MEDIUM


def _unlabelled_period(period: str, fields: dict, out: Collector) -> None:
    """"Projektperiod: 2024-03-01 – 2026-02-28": the first two dates, without labels."""
    found = find_dates(period)
    if len(found) < 2 or found[1][0] <= found[0][0]:
        return
    source = squash(period.split("\n\n")[0])
    for key, (value, _snip, _pos) in zip(("planned_start", "planned_end"), found, strict=False):
        fields[key] = value
        out.missing.remove(key)
        out.sources[key] = source
        out.confidence[key] = MEDIUM


def _listed_partners(text: str, resolver: Resolver | None) -> list[Party]:
    """"Samarbetspartner: Arbetsförmedlingen, Försäkringskassan": organisations in a row."""
    first = text.strip().split("\n")[0]
    if ":" in first or "@" in first or not re.search(r",|\boch\b", first):
        return []
    names = [p.strip(" .") for p in re.split(r",|\boch\b|\bsamt\b", first) if p.strip(" .")]
    resolved = [resolve_org(n, None, resolver) for n in names]
    if not all(resolved):
        return []
    return [Party(name, None, None, first) for name in resolved]


def _read_parties(secs: dict, resolver: Resolver | None, out: Collector, fields: dict) -> None:
    owner_text = _first(secs, "owner") or ""
    owners = parse_party_blocks(owner_text)
    owner = owners[0] if owners else None
    org = unit = None
    if owner and owner.org_text:
        head, unit = split_org_unit(owner.org_text, resolver)
        org = resolve_org(head, owner.email, resolver)
    src = owner.source if owner else None
    fields["owner"] = {
        "organisation": out.found("owner.organisation", org, src),
        "unit": out.found("owner.unit", unit, src),
        "contact_name": out.found("owner.contact_name", owner.contact_name if owner else None,
                                  src),
        "email": out.found("owner.email", owner.email if owner else None, src),
    }
    fields["partners"] = []
    partner_text = _first(secs, "partners") or ""
    listed = _listed_partners(partner_text, resolver)
    for i, party in enumerate(listed or parse_party_blocks(partner_text)):
        org = resolve_org(party.org_text, party.email, resolver)
        path = f"partners[{i}]"
        fields["partners"].append({
            "organisation": out.found(f"{path}.organisation", org, party.source),
            "contact_name": out.found(f"{path}.contact_name", party.contact_name, party.source),
            "email": out.found(f"{path}.email", party.email, party.source),
        })
    if not fields["partners"]:
        out.warn("partners", "Inga samverkansparter hittades.")


def _fill_contacts_from_signatures(fields: dict, out: Collector) -> None:
    """A party block without contact person or e-mail: take the signatory's, and say so."""
    by_org = {s["organisation"]: s for s in fields["signatures"] if s["organisation"]}
    people = [("owner", fields["owner"])] + [
        (f"partners[{i}]", p) for i, p in enumerate(fields["partners"])]
    for path, party in people:
        signature = by_org.get(party["organisation"])
        if not signature:
            continue
        for key, value in (("contact_name", signature["name"]),
                           ("email", signature.get("email"))):
            if party[key] or not value:
                continue
            party[key] = value
            out.missing.remove(f"{path}.{key}")
            out.sources[f"{path}.{key}"] = f"underskrift: {value}"
            out.confidence[f"{path}.{key}"] = LOW
            what = "Kontaktperson" if key == "contact_name" else "E-post"
            out.warn(f"{path}.{key}", f"{what} saknas för {party['organisation']} under "
                     f"parterna; hämtad från underskriften ({value}).")


def _read_anchoring(secs: dict, out: Collector) -> dict:
    question = _first(secs, "anchoring") or ""
    how = _first(secs, "anchoring_how")
    answer = how if how is not None else question
    answer_clean = squash(answer)
    discussed = None
    if re.search(r"(?:☒|\[x\]|X)\s*Ja\b|\bJa\s*(?:☒|\[x\])", question):
        discussed = True
    elif re.search(r"(?:☒|\[x\]|X)\s*Nej\b", question):
        discussed = False
    elif len(answer_clean) > 20:
        discussed = True  # the how-and-when answer describes the discussion
    dates = [d for d, _s in find_day_month_dates(answer)]
    out.found("anchoring.discussed", discussed, answer or question)
    out.found("anchoring.dates", dates, answer)
    return {"discussed": discussed, "dates": dates}


def _check_participants(fields: dict, out: Collector) -> None:
    """A stated total should be the yearly number times the planned years."""
    per_year = fields["expected_participants"]["per_year"]
    total = fields["expected_participants"]["total"]
    start, end = fields["planned_start"], fields["planned_end"]
    if not (per_year and total and start and end):
        return
    years = round(((end - start).days + 1) / 365.25)
    if years and per_year * years != total:
        out.warn("expected_participants", f"{per_year} deltagare per år under {years} år blir "
                 f"{per_year * years}, men totalt anges {total}.")
