"""An application as one plain, JSON-safe dict: the shape services accept
(application_create_from_data, application_update), versions freeze and diffs compare.

    {"name": "...", "owner": "Knivsta kommun", "owner_unit": "...", "contact_name": "...",
     "partners": [{"member": "Arbetsförmedlingen", "contact_name": "...", ...}],
     "goals": [{"kind": "output", "text": "...", "target_kind": "participants_per_year",
                "target_value": "60", "target_unit": "per år", "part": ""}],
     "parts": [...], "staffing": [...], "signatures": [...], "methods": ["IPS"],
     "planned_start": "2022-01-01", ..., "budget": {... budget.budget_to_dict ...} or None}

Organisations, units, groups and interventions are named, not numbered, so the
importer can write the same dict from a document.
"""

from decimal import Decimal

from insatsportal.applications import budget as b

# Plain fields copied as they are (text, numbers, dates, booleans).
SCALAR_FIELDS = (
    "name", "case_number", "contact_name", "contact_title", "contact_email", "purpose",
    "background", "planned_start", "planned_end", "last_intake_date", "target_group", "age_min",
    "age_max", "participants_per_year", "participants_total", "participants_text", "methods_text",
    "follow_up", "implementation", "anchoring_discussed", "anchoring_dates", "anchoring_text",
    "agreement_text", "continuation_kind", "predecessor_name",
)
# Fields that name another record.
NAMED_FIELDS = ("owner", "owner_unit", "anchoring_group", "continues")
LIST_FIELDS = ("partners", "parts", "goals", "staffing", "signatures", "methods")


def json_value(value):
    """Dates as ISO text, Decimals as text without trailing zeros, None stays None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _name(obj) -> str:
    return obj.name if obj is not None else ""


def application_to_dict(application, *, budget_data: b.BudgetData | None = None) -> dict:
    """Expects the relations prefetched (selectors.application_get does)."""
    data = {field: json_value(getattr(application, field)) for field in SCALAR_FIELDS}
    data["owner"] = _name(application.owner)
    data["owner_unit"] = _name(application.owner_unit)
    data["anchoring_group"] = _name(application.anchoring_group)
    data["continues"] = _name(application.continues)
    data["partners"] = [
        {"member": p.member.name, "contact_name": p.contact_name,
         "contact_title": p.contact_title, "contact_email": p.contact_email}
        for p in application.partners.all()
    ]
    parts = list(application.parts.all())
    part_names = {part.pk: part.name for part in parts}
    data["parts"] = [
        {"name": p.name, "description": p.description,
         "participants_per_year": p.participants_per_year,
         "participants_total": p.participants_total}
        for p in parts
    ]
    data["goals"] = [
        {"kind": g.kind, "text": g.text, "target_kind": g.target_kind,
         "target_value": json_value(g.target_value), "target_unit": g.target_unit,
         "part": part_names.get(g.part_id, "")}
        for g in application.goals.all()
    ]
    data["methods"] = [m.name for m in application.methods.all()]
    data["staffing"] = [
        {"title": s.title, "percent": json_value(s.percent), "employer": s.employer.name,
         "funding": s.funding, "part": part_names.get(s.part_id, ""),
         "description": s.description}
        for s in application.staffing.all()
    ]
    data["signatures"] = [
        {"role": s.role, "member": _name(s.member), "organisation": s.organisation,
         "signed_on": json_value(s.signed_on), "name": s.name,
         "name_clarification": s.name_clarification, "email": s.email}
        for s in application.signatures.all()
    ]
    data["budget"] = b.budget_to_dict(budget_data) if budget_data is not None else None
    return data


def budget_data_from_model(budget) -> b.BudgetData:
    """The stored budget as plain values (owners, lines and years prefetched)."""
    return b.BudgetData(
        owners=tuple(
            b.Owner(position=o.position, member=o.member.name, label=o.label,
                    stated_association=o.stated_association,
                    stated_co_financing=o.stated_co_financing)
            for o in budget.owners.all()
        ),
        lines=tuple(
            b.Line(funding=line.funding, section=line.section, category=line.category,
                   title=line.title,
                   percent=b.plain(line.percent) if line.percent is not None else None,
                   period_from=line.period_from, period_to=line.period_to,
                   amounts=tuple(Decimal(a) for a in line.amounts))
            for line in budget.lines.all()
        ),
        years=tuple(
            b.YearRow(index=y.index, year=y.year, salary=y.salary, premises=y.premises,
                      other=y.other)
            for y in budget.years.all()
        ),
        stated_total=budget.stated_total,
    )
