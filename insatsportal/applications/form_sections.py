"""The application form's sections and how far each is filled in: the progress indicator
and which sections start open. A new or half-filled application opens only its first
unfinished section (not nine at once); a section with a question from the office is open;
after a save that did not go through, the sections with problems are open; after a row was
added without JavaScript, that row's section is open."""

from dataclasses import dataclass

from insatsportal.applications.models.completion import Section

# What a section needs to count as filled in: fields with a value, and a row formset
# with at least one row. The section ids are the edit form's ("s-" + the key).
NEEDS = {
    Section.NAME: (("name",), None),
    Section.OWNER: (("contact_name", "contact_email"), "partners"),
    Section.PURPOSE: (("purpose", "background"), "goals"),
    Section.PERIOD: (("planned_start", "planned_end", "target_group"), None),
    Section.METHODS: (("methods_text",), "staffing"),
    Section.FOLLOW_UP: (("follow_up", "implementation"), None),
    Section.ANCHORING: (("anchoring_discussed",), None),
    Section.AGREEMENT: (("agreement_text",), "signatures"),
}


# Every field and row list of the edit form, by the section it is drawn in (edit.html).
FIELDS = {
    Section.NAME: ("name", "continuation_kind", "continues", "predecessor_name"),
    Section.OWNER: ("owner_unit", "contact_name", "contact_title", "contact_email", "partners"),
    Section.PURPOSE: ("purpose", "background", "goals"),
    Section.PERIOD: ("planned_start", "planned_end", "last_intake_date", "target_group",
                     "age_min", "age_max", "participants_per_year", "participants_total",
                     "participants_text", "parts"),
    Section.METHODS: ("methods", "methods_text", "staffing"),
    Section.FOLLOW_UP: ("follow_up", "implementation"),
    Section.ANCHORING: ("anchoring_discussed", "anchoring_group", "anchoring_dates",
                        "anchoring_text"),
    Section.AGREEMENT: ("agreement_text", "signatures"),
}


@dataclass(frozen=True)
class FormSection:
    key: str
    id: str
    title: str
    complete: bool
    open: bool


def section_id(section: Section) -> str:
    return "s-" + section.value.replace("_", "-")


def _filled(value) -> bool:
    return value not in (None, "", [], ())


def _has_row(formset) -> bool:
    return any(_filled(field.value()) for form in formset.forms
               for field in form.visible_fields() if field.name != "DELETE")


def _with_problems(form, formsets) -> set | None:
    """The sections holding a problem of a posted form; None when one is nowhere in a
    section (a problem of the whole form), so that every section opens."""
    names = {name for name in form.errors if name != "__all__"}
    names |= {prefix for prefix, formset in formsets.items() if formset.total_error_count()}
    where = {name: section for section, fields in FIELDS.items() for name in fields}
    if "__all__" in form.errors or names - where.keys():
        return None
    return {where[name] for name in names}


def form_sections(form, formsets, questions, *, posted=False, added="") -> list[FormSection]:
    """`posted`: the page answers a POST that did not save; `added`: the row list a row was
    added to without JavaScript."""
    done = {}
    for section, (fields, rows) in NEEDS.items():
        complete = all(_filled(form[name].value()) for name in fields if name in form.fields)
        done[section] = complete and (not rows or _has_row(formsets[rows]))
    if added:
        wanted = {section for section, fields in FIELDS.items() if added in fields}
    elif posted:
        wanted = _with_problems(form, formsets) if form.errors or any(
            f.total_error_count() for f in formsets.values()) else None
    else:
        wanted = {next((section for section in NEEDS if not done[section]), None)}
    return [FormSection(section.value, section_id(section), section.label, done[section],
                        wanted is None or section in wanted or bool(questions.get(section.value)))
            for section in NEEDS]


SECTION_IDS = frozenset(section_id(section) for section in NEEDS)
