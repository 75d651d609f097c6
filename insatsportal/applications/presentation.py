"""What the application page, the print view and the PDF show: plain values for templates."""

from dataclasses import dataclass, field

from insatsportal.applications import budget as b
from insatsportal.applications import checks, selectors
from insatsportal.applications.models import Goal


@dataclass
class Row:
    label: str
    amounts: tuple
    total: object
    line: b.Line | None = None
    warnings: list = field(default_factory=list)
    bold: bool = False


def _row(line: b.Line, warnings=()) -> Row:
    return Row(label=line.label, amounts=line.amounts, total=line.total, line=line,
               warnings=list(warnings))


def _sum(label, columns) -> Row:
    return Row(label=label, amounts=columns, total=sum(columns, b.ZERO), bold=True)


def budget_sections(data: b.BudgetData, totals: b.Totals, by_field: dict) -> list[dict]:
    """One block per funding: salary rows, premises, other costs and their sums."""
    sections = []
    for funding in b.FUNDINGS:
        funding_totals = totals.funding(funding)
        salary = []
        for i, line in enumerate(data.rows(funding, b.SALARY)):
            key = f"salary.{funding}.{i}"
            salary.append(_row(line, by_field.get(f"{key}.percent", [])
                               + by_field.get(f"{key}.period", [])))
        premises = [_row(data.category_line(funding, key)) for key, _ in b.PREMISES_CATEGORIES]
        other = [_row(data.category_line(funding, key)) for key, _ in b.OTHER_CATEGORIES]
        if funding == b.CO_FINANCING:
            premises += [_row(line) for line in data.free_rows(funding, b.PREMISES)]
            other += [_row(line) for line in data.free_rows(funding, b.OTHER)]
        sections.append({
            "funding": funding,
            "salary": salary,
            "salary_sum": _sum("", funding_totals.salary),
            "percent": funding_totals.percent,
            "premises": premises,
            "premises_sum": _sum("", funding_totals.premises),
            "other": other,
            "other_sum": _sum("", funding_totals.other),
            "total": _sum("", funding_totals.total),
        })
    return sections


def application_page(application) -> dict:
    """Everything the application page shows, from an application loaded by the selector."""
    data = selectors.budget_data(application)
    warnings = selectors.application_warnings(application, data)
    by_field = checks.by_field(warnings)
    goals = list(application.goals.all())
    parts = list(application.parts.all())
    context = {
        "application": application,
        "warnings": warnings,
        "warnings_by_field": by_field,
        "goal_groups": [
            (kind_label, [g for g in goals if g.kind == kind and g.part_id is None])
            for kind, kind_label in Goal.Kind.choices
        ],
        "parts": [
            (part, [(kind_label, [g for g in goals if g.kind == kind and g.part_id == part.pk])
                    for kind, kind_label in Goal.Kind.choices])
            for part in parts
        ],
        "budget": None,
    }
    if data is not None:
        totals = b.compute(data)
        owners = {o.position: o for o in data.owners}
        context["budget"] = {
            "data": data,
            "totals": totals,
            "owners": [owners.get(i) for i in range(b.OWNER_COLUMNS)],
            "owner_labels": b.OWNER_LABELS,
            "sections": budget_sections(data, totals, by_field),
            "years": sorted(data.years, key=lambda y: y.index),
            "summary": [
                {"label": b.OWNER_LABELS[row.position], "owner": owners.get(row.position),
                 "row": row,
                 "warnings": by_field.get(f"owners.{row.position}.stated_association", [])
                 + by_field.get(f"owners.{row.position}.stated_co_financing", [])}
                for row in totals.summary
                if row.position in owners or row.total
            ],
        }
    return context
