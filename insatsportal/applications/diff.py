"""Field-level differences between two version snapshots (plain dicts), told in the
interface language: field labels instead of keys, formatted values instead of Python values."""

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.applications import budget as b
from insatsportal.core.money import format_kr

LABELS = {
    "name": _("Name of the intervention"),
    "case_number": _("Case number"),
    "owner": _("Owner"),
    "owner_unit": _("Unit"),
    "contact_name": _("Contact person"),
    "contact_title": _("Contact person's title"),
    "contact_email": _("Contact person's e-mail"),
    "partners": _("Partners"),
    "purpose": _("Purpose"),
    "goals": _("Goals"),
    "background": _("Background and need"),
    "planned_start": _("Planned start"),
    "planned_end": _("Planned end"),
    "last_intake_date": _("Last date for intake"),
    "target_group": _("Target group"),
    "age_min": _("Youngest age"),
    "age_max": _("Oldest age"),
    "participants_per_year": _("Expected participants per year"),
    "participants_total": _("Expected participants in total"),
    "participants_text": _("Expected participants, as described"),
    "parts": _("Sub-parts"),
    "methods": _("Methods"),
    "methods_text": _("Methods, described"),
    "staffing": _("Staffing"),
    "follow_up": _("Follow-up and evaluation"),
    "implementation": _("Implementation of the results"),
    "anchoring_discussed": _("Discussed in the local development group"),
    "anchoring_group": _("Local group"),
    "anchoring_dates": _("Dates of discussion"),
    "anchoring_text": _("How and when it was discussed"),
    "agreement_text": _("Agreement"),
    "signatures": _("Signatures"),
    "continues": _("Continues the intervention"),
    "continuation_kind": _("Kind of application"),
    "predecessor_name": _("Earlier intervention, as named"),
    "budget": _("Budget"),
}


# The fields of a row in a list section, by section.
ROW_LABELS = {
    "partners": {"member": _("Organisation"), "contact_name": _("Contact person"),
                 "contact_title": _("Title"), "contact_email": _("E-mail")},
    "parts": {"name": _("Name of the sub-part"), "description": _("Description"),
              "participants_per_year": _("Participants per year"),
              "participants_total": _("Participants in total")},
    "goals": {"kind": _("Kind of goal"), "text": _("Goal"), "target_kind": _("Measurable target"),
              "target_value": _("Target value"), "target_unit": _("Unit or period"),
              "part": _("Sub-part")},
    "staffing": {"title": _("Title"), "percent": _("Share of full time"),
                 "employer": _("Employer"), "funding": _("Funding"), "part": _("Sub-part"),
                 "description": _("Tasks")},
    "signatures": {"role": _("Signs as"), "member": _("Member"),
                   "organisation": _("Organisation"), "signed_on": _("Date"),
                   "name": _("Signed (name)"), "name_clarification": _("Name in print"),
                   "email": _("E-mail")},
    "owners": {"member": _("Organisation"), "label": _("Column heading"),
               "stated_association": _("Stated total from the association"),
               "stated_co_financing": _("Stated co-financing"),
               "position": _("Column")},
    "lines": {"title": _("Title"), "percent": _("Share of full time"),
              "period_from": _("From"), "period_to": _("Until"), "amounts": _("Amounts"),
              "funding": _("Funding"), "section": _("Section"), "category": _("Category")},
    "years": {"year": _("Year"), "salary": _("Salary costs"), "premises": _("Premises costs"),
              "other": _("Other costs"), "index": _("Year number")},
}
BUDGET_LABELS = {"stated_total": _("Stated total from the association")}
AMOUNTS = {"amounts", "stated_association", "stated_co_financing", "salary", "premises",
           "other", "stated_total"}
PERCENTS = {"percent"}


def _choices():
    from insatsportal.applications.models import Application, Goal, Signature, StaffingLine

    return {
        "kind": dict(Goal.Kind.choices), "target_kind": dict(Goal.TargetKind.choices),
        "funding": dict(StaffingLine.Funding.choices) | {
            b.ASSOCIATION: _("From the association"), b.CO_FINANCING: _("Co-financing")},
        "role": dict(Signature.Role.choices),
        "continuation_kind": dict(Application.Continuation.choices),
        "category": dict(b.CATEGORY_LABELS),
        "section": {b.SALARY: _("Salary costs"), b.PREMISES: _("Premises costs"),
                    b.OTHER: _("Other costs")},
    }


def format_value(field: str, value) -> str:
    """A value as the interface shows it: Ja/Nej, kronor, percent, choice labels, lists."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, dict):
        labels = ROW_LABELS.get(field, {})
        return "; ".join(f"{labels.get(key, key)}: {format_value(key, item)}"
                         for key, item in value.items() if item not in (None, "", [], "0"))
    if isinstance(value, list):
        return ", ".join(format_value(field, item) for item in value)
    if field in AMOUNTS:
        try:
            return format_kr(b.parse_amount(value))
        except (b.AmountError, ValueError):
            return str(value)
    if field in PERCENTS:
        return f"{value} %"
    choices = _choices().get(field)
    if choices and value in choices:
        return str(choices[value])
    return str(value)


_STEP = re.compile(r"\.?([a-z_]+)|\[(\d+)\]")


def _describe(path: str, old_root, new_root) -> tuple[str, str]:
    """("Mål, rad 2, Målvärde", "target_value") for "goals[1].target_value"."""
    steps = [(name, int(index) if index else None) for name, index in _STEP.findall(path)]
    section = steps[0][0]
    words, field, rows = [str(LABELS.get(section, section))], section, section
    for depth, (name, index) in enumerate(steps[1:], start=1):
        if index is not None:
            if field == "amounts":
                words.append(str(b.OWNER_LABELS[index]) if index < len(b.OWNER_LABELS)
                             else str(index + 1))
            else:
                rows = field
                words.append(_row_name(field, index, old_root, new_root))
            continue
        field = name
        if depth == 1 and section == "budget":
            if name not in ("owners", "lines", "years"):  # those are named by their rows
                words.append(str(BUDGET_LABELS.get(name, name)))
        elif name != "amounts":  # an amount is named by its column
            words.append(str(ROW_LABELS.get(rows, {}).get(name, name)))
    return ", ".join(words), field


def _row(section: str, index: int, root) -> dict:
    holder = (root or {}).get("budget") or {} if section in ("owners", "lines", "years") else (
        root or {})
    rows = holder.get(section) or []
    return rows[index] if index < len(rows) and isinstance(rows[index], dict) else {}


def _row_name(section: str, index: int, old_root, new_root) -> str:
    row = _row(section, index, new_root) or _row(section, index, old_root)
    if section == "owners":
        position = row.get("position", index)
        return str(b.OWNER_LABELS[position]) if position < len(b.OWNER_LABELS) else ""
    if section == "years":
        return str(pgettext_lazy("diff", "year %(n)s") % {"n": row.get("index", index + 1)})
    if section == "lines":
        name = row.get("title") or b.CATEGORY_LABELS.get(row.get("category"), "")
        if name:
            return str(pgettext_lazy("diff", "row %(n)s (%(name)s)") % {
                "n": index + 1, "name": name})
    return str(pgettext_lazy("diff", "row %(n)s") % {"n": index + 1})


@dataclass(frozen=True)
class Change:
    path: str  # e.g. "goals[2].text" or "budget.lines[0].amounts[1]"
    section: str  # the top-level key
    old: object
    new: object

    label: str = ""  # e.g. "Mål, rad 3, Mål"
    field: str = ""  # the last key, which decides how a value is shown

    @property
    def old_text(self) -> str:
        return format_value(self.field, self.old)

    @property
    def new_text(self) -> str:
        return format_value(self.field, self.new)


_MISSING = object()


def _walk(path: str, old, new):
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            yield from _walk(f"{path}.{key}" if path else key, old.get(key, _MISSING),
                             new.get(key, _MISSING))
    elif isinstance(old, list) and isinstance(new, list) and (
            not _scalars(old, new) or path.endswith("amounts")):
        for index in range(max(len(old), len(new))):
            yield from _walk(f"{path}[{index}]", old[index] if index < len(old) else _MISSING,
                             new[index] if index < len(new) else _MISSING)
    elif old != new:
        yield path, None if old is _MISSING else old, None if new is _MISSING else new


def _scalars(*lists) -> bool:
    return all(not isinstance(item, dict | list) for values in lists for item in values)


def snapshot_diff(old: dict, new: dict) -> list[Change]:
    """Every changed value, in the order of the template."""
    changes = []
    for path, before, after in _walk("", old or {}, new or {}):
        label, field = _describe(path, old, new)
        changes.append(Change(path=path, section=path.split(".")[0].split("[")[0], old=before,
                              new=after, label=label, field=field))
    return changes
