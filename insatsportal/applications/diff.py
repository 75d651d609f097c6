"""Field-level differences between two version snapshots (plain dicts)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

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


@dataclass(frozen=True)
class Change:
    path: str  # e.g. "goals[2].text" or "budget.lines[0].amounts[1]"
    section: str  # the top-level key
    old: object
    new: object

    @property
    def label(self) -> str:
        label = str(LABELS.get(self.section, self.section))
        rest = self.path[len(self.section):].lstrip(".")
        return f"{label} {rest}".strip()


_MISSING = object()


def _walk(path: str, old, new):
    if isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            yield from _walk(f"{path}.{key}" if path else key, old.get(key, _MISSING),
                             new.get(key, _MISSING))
    elif isinstance(old, list) and isinstance(new, list) and not _scalars(old, new):
        for index in range(max(len(old), len(new))):
            yield from _walk(f"{path}[{index}]", old[index] if index < len(old) else _MISSING,
                             new[index] if index < len(new) else _MISSING)
    elif old != new:
        yield path, None if old is _MISSING else old, None if new is _MISSING else new


def _scalars(*lists) -> bool:
    return all(not isinstance(item, dict | list) for values in lists for item in values)


def snapshot_diff(old: dict, new: dict) -> list[Change]:
    """Every changed value, in the order of the template."""
    return [
        Change(path=path, section=path.split(".")[0].split("[")[0], old=before, new=after)
        for path, before, after in _walk("", old or {}, new or {})
    ]
