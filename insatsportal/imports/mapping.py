"""From what the reader found to the plain dicts the applications and cases apps take.

`application_data` writes the dict of applications/serialize.py (the contract of
application_create_from_data); `decision_facts` the values a decision is recorded with.
Names are looked up in the register: a unit, local group or method that is not there is
left out rather than invented.
"""

import re
import unicodedata

from insatsportal.applications import budget as b
from insatsportal.applications.models import Method
from insatsportal.cases.models.meeting import Body
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import ContactPerson, LocalGroup, Member, Unit

GOAL_KINDS = ("overall", "outcome", "output")
_NBSP = "\xa0"


def fold(text: str | None) -> str:
    """'En väg in – steget vidare' and 'En vag in-steget vidare' -> 'envaginstegetvidare'."""
    text = unicodedata.normalize("NFKD", (text or "").casefold())
    return "".join(ch for ch in text if ch.isalnum() and not unicodedata.combining(ch))


def same_name(a: str | None, b_: str | None) -> bool:
    return bool(a and b_) and fold(a) == fold(b_)


def _member(name: str | None) -> Member | None:
    return Member.objects.filter(name=name).first() if name else None


# --- Applications ---------------------------------------------------------------------

def _unit(member: Member | None, name: str | None) -> str:
    if member is None or not name:
        return ""
    for unit in Unit.objects.filter(member=member):
        if same_name(unit.name, name):
            return unit.name
    return ""


def _contact(name: str | None, email: str | None) -> tuple[str, str]:
    """The register's spelling of a contact (name, title), found by e-mail address."""
    person = ContactPerson.objects.filter(email__iexact=email).first() if email else None
    if person is None:
        return name or "", ""
    return person.name, person.title


def _local_group(owner: Member | None, anchoring_text: str) -> str:
    """The owner kommun's LOKUS group, when the text says a local group discussed it."""
    if owner is None or not re.search(r"lokus|lokal\w* (utvecklings)?grupp|\bLSG\b",
                                      anchoring_text, re.I):
        return ""
    group = LocalGroup.objects.filter(kommun=owner).first()
    return group.name if group else ""


def _methods(text: str) -> list[str]:
    """The register's named methods that the methods text mentions (BIP/SMAIL: either)."""
    words = " " + " ".join(re.findall(r"[\w-]+", text.casefold())) + " "
    found = []
    for method in Method.objects.filter(active=True).order_by("order", "name"):
        names = [method.name] + method.name.split("/")
        if any(f" {n.casefold()} " in words or f" {n.casefold()}-" in words
               for n in names if len(n) >= 2):
            found.append(method.name)
    return found


def _continues(name: str | None, planned_start) -> Intervention | None:
    """An intervention of the same name that started before: the application extends it."""
    if not name or planned_start is None:
        return None
    for intervention in Intervention.objects.all():
        if same_name(intervention.name, name) and intervention.start_date and (
                intervention.start_date < b.parse_date(planned_start)):
            return intervention
    return None


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def _goal_rows(goal: dict, kind: str) -> list[dict]:
    """One row per measurable target; a goal text with two targets is split by sentence."""
    base = {"kind": kind, "part": goal.get("part") or "", "target_kind": "",
            "target_value": None, "target_unit": ""}
    targets = goal.get("targets") or []
    text = goal["text"].strip()
    if len(targets) > 1:
        sentences = _sentences(text)
        owners = []
        for target in targets:
            key = fold(target.get("source"))
            owners.append(next((i for i, s in enumerate(sentences) if key and key in fold(s)),
                               None))
        if None not in owners and len(set(owners)) == len(owners):
            rows = []
            by_sentence = dict(zip(owners, targets, strict=True))
            for index in sorted(by_sentence):
                rows.append({**base, "text": sentences[index],
                             **_target(by_sentence[index])})
            leftover = [s for i, s in enumerate(sentences) if i not in by_sentence]
            if leftover:
                rows[0]["text"] = " ".join([rows[0]["text"], *leftover])
            return rows
    row = {**base, "text": text}
    if targets:
        row.update(_target(targets[0]))
    return [row]


def _target(target: dict) -> dict:
    period = (target.get("period") or "").strip()
    if period in ("år", "per år"):
        period = "per år"
    return {"target_kind": target["kind"], "target_value": str(target["value"]),
            "target_unit": period}


def _goals(extra: dict) -> list[dict]:
    goals = extra.get("goals") or {}
    return [row for kind in GOAL_KINDS for goal in goals.get(kind, [])
            for row in _goal_rows(goal, kind)]


def _parts(fields: dict, goals: list[dict]) -> list[dict]:
    per_year = {g["part"]: int(g["target_value"]) for g in goals
                if g["part"] and g["target_kind"] == "participants_per_year"}
    return [{"name": name, "participants_per_year": per_year.get(name)}
            for name in fields.get("parts") or []]


def _staffing(extra: dict, owner: str, budget: dict | None) -> list[dict]:
    """The posts the methods text describes; the budget's salary rows when it names more."""
    salary = [line for line in (budget or {}).get("lines", [])
              if line["section"] == "salary" and line["funding"] == "association"]
    posts = sum(max(1, line.get("count") or 1) for line in extra.get("staffing") or [])
    if len(salary) > posts:
        owners = [o["member"] for o in budget["owners"]]
        return [{"title": line["title"], "percent": line["percent"],
                 "employer": next((owners[i] for i, a in enumerate(line["amounts"])
                                   if a not in ("0", "") and i < len(owners)), owner)}
                for line in salary]
    rows = []
    for line in extra.get("staffing") or []:
        employer = line.get("employer") or owner
        if _member(employer) is None:
            employer = owner
        for _index in range(max(1, line.get("count") or 1)):
            rows.append({"title": line["title"], "percent": line.get("fte_percent"),
                         "employer": employer})
    return rows


def _signatures(fields: dict, owner: str) -> list[dict]:
    rows = []
    for index, signature in enumerate(fields.get("signatures") or []):
        organisation = signature.get("organisation") or ""
        member = _member(organisation)
        rows.append({
            "role": "owner" if (index == 0 or organisation == owner) and not any(
                r["role"] == "owner" for r in rows) else "partner",
            "member": member.name if member else "",
            "organisation": organisation,
            "signed_on": signature.get("date"),
            "name": signature.get("name") or "",
        })
    return rows


def _budget(extra_budget: dict, owner: str, fields: dict) -> dict | None:
    """The budget rows per owner column, as budget.budget_from_dict reads them."""
    rows = extra_budget.get("rows") or []
    if not rows:
        return None
    owners = list(extra_budget.get("owners") or [owner])
    if owner in owners:
        owners.remove(owner)
    owners = [owner] + [o for o in owners if _member(o) is not None]
    summary = {s["owner"]: s for s in extra_budget.get("summary") or []}
    lines = []
    for row in rows:
        amounts = [row.get("owners", {}).get(o) or 0 for o in owners]
        if not any(row.get("owners", {}).values()) and row.get("amount"):
            amounts[0] = row["amount"]
        line = {"funding": row["section"], "category": "", "title": "", "percent": None,
                "period_from": None, "period_to": None, "amounts": [str(a) for a in amounts]}
        category = row["category"]
        if category == "salary":
            line.update(section="salary", title=row["label"], percent=row.get("fte_percent"),
                        period_from=row.get("period_start"), period_to=row.get("period_end"))
        elif category in b.CATEGORY_SECTION and not (
                category == "other" and not same_name(row["label"], "Övrigt")):
            line.update(section=b.CATEGORY_SECTION[category], category=category)
        else:  # a row of the owner's own, e.g. "Dokumentationssystem"
            line.update(section=b.CATEGORY_SECTION.get(category, b.OTHER), title=row["label"])
        lines.append(line)
    subtotals = extra_budget.get("subtotals") or {}
    association = subtotals.get("association_total", {}).get("owners") or []
    co_financing = subtotals.get("co_financing_total", {}).get("owners") or []
    budget_owners = []
    for position, name in enumerate(owners):
        stated = summary.get(name) or {}
        budget_owners.append({
            "position": position, "member": name,
            "stated_association": str(stated.get("from_association", association[position]
                                                  if position < len(association) else "")),
            "stated_co_financing": str(stated.get("co_financing", co_financing[position]
                                                  if position < len(co_financing) else "")),
        })
    return {
        "owners": budget_owners,
        "lines": lines,
        "years": _years(extra_budget, fields),
        "stated_total": str(fields["budget"].get("from_association_total") or ""),
    }


def _years(extra_budget: dict, fields: dict) -> list[dict]:
    per_year = fields["budget"].get("per_year") or []
    rows = extra_budget.get("per_year_rows") or {}

    def row(*prefixes):
        for key, values in rows.items():
            if key.startswith(prefixes):
                return values
        return []

    salary = row("inkl p o", "lonekostnader inkl") or row("lonekostnader")
    premises, other = row("lokalkostnader"), row("ovriga kostnader")
    years = []
    for index, year in enumerate(per_year):
        def at(values, i=index):
            return str(values[i]) if i < len(values) and values[i] is not None else "0"
        years.append({"index": index + 1, "year": year["year"], "salary": at(salary),
                      "premises": at(premises), "other": at(other)})
    return years


def application_data(result: dict) -> dict:
    """The parser's result (to_json with sources and extra) as application_create_from_data
    takes it."""
    fields, extra, sources = result["fields"], result.get("extra", {}), result.get("sources", {})
    owner_name = fields["owner"]["organisation"] or ""
    owner = _member(owner_name)
    goals = _goals(extra)
    parts = _parts(fields, goals)
    anchoring_text = sources.get("anchoring.discussed") or ""
    continues = _continues(fields["name"], fields["planned_start"])
    contact_name, contact_title = _contact(fields["owner"]["contact_name"],
                                           fields["owner"]["email"])
    budget = _budget(extra.get("budget") or {}, owner_name, fields)
    data = {
        "name": fields["name"] or "",
        "case_number": fields["case_number"] or "",
        "owner": owner_name,
        "owner_unit": _unit(owner, fields["owner"]["unit"]),
        "contact_name": contact_name,
        "contact_title": contact_title,
        "contact_email": fields["owner"]["email"] or "",
        "partners": [
            {"member": p["organisation"], "contact_name": _contact(p["contact_name"],
                                                                   p["email"])[0],
             "contact_email": p["email"] or ""}
            for p in fields["partners"] if _member(p["organisation"]) is not None
        ],
        "purpose": extra.get("purpose") or "",
        "background": extra.get("background") or "",
        "planned_start": fields["planned_start"],
        "planned_end": fields["planned_end"],
        "last_intake_date": fields["intake_end"],
        "target_group": extra.get("target_group") or "",
        "age_min": fields["age_min"],
        "age_max": fields["age_max"],
        "participants_per_year": fields["expected_participants"]["per_year"],
        "participants_total": fields["expected_participants"]["total"],
        "participants_text": sources.get("expected_participants.per_year", ""),
        "parts": parts,
        "goals": goals,
        "methods": _methods(extra.get("methods") or ""),
        "methods_text": extra.get("methods") or "",
        "staffing": _staffing(extra, owner_name, budget),
        "follow_up": extra.get("follow_up") or "",
        "implementation": extra.get("implementation") or "",
        "anchoring_discussed": fields["anchoring"]["discussed"],
        "anchoring_group": _local_group(owner, anchoring_text),
        "anchoring_dates": fields["anchoring"]["dates"] or [],
        "anchoring_text": anchoring_text.rstrip("…").strip(),
        "signatures": _signatures(fields, owner_name),
        "budget": budget,
    }
    if continues is not None:
        data |= {"continues": continues.name, "continuation_kind": "extension"}
    if data["anchoring_discussed"] is None:
        data.pop("anchoring_discussed")
    return data


# --- Decisions ------------------------------------------------------------------------

def amounts_unbreakable(text: str) -> str:
    """'3 391 000 kronor' -> the same with no-break spaces, as the system writes amounts."""
    def join(match):
        return match.group(0).replace(" ", _NBSP)
    return re.sub(r"\b\d{1,3}(?: \d{3})+(?: (?:kronor|kr)\b)?", join, text)


def _is_granting_clause(clause: str) -> bool:
    return bool(re.match(r"(bevilja|avsätta|anslå|tilldela)\b", clause.strip(), re.I))


def decision_facts(result: dict) -> dict:
    """What the decision form and the decision service start from."""
    fields, extra = result["fields"], result.get("extra", {})
    clauses = [amounts_unbreakable(c.strip()) for c in extra.get("att_clauses") or []]
    proposer = Body.WORKING_COMMITTEE if re.search(
        r"arbetsutskott", fields.get("proposer") or "", re.I) else Body.BOARD
    return {
        "intervention_name": fields["intervention_name"] or "",
        "owner": fields["owner_organisation"] or "",
        "amount": fields["max_amount"],
        "period_start": b.parse_date(fields["period_start"]),
        "period_end": b.parse_date(fields["period_end"]),
        "proposer": proposer,
        "is_extension": bool(fields.get("is_extension")),
        "clauses": clauses,
        "conditions": "\n".join(f"att {c}" for c in clauses if not _is_granting_clause(c)),
        "matter": extra.get("case_text") or "",
        "assessment": extra.get("assessment_text") or "",
        "case_number": extra.get("case_number") or "",
        "decided_on": b.parse_date(extra.get("document_date")),
    }
