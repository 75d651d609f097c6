"""The application form's sections and how far each is filled in: the progress indicator
and which sections start open (a filled-in section folds away; after a save that did not go
through, with a question from the office or with something left to fill in, it stays open)."""

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


def form_sections(form, formsets, questions, *, open_all=False) -> list[FormSection]:
    failed = open_all or form.is_bound and (
        bool(form.errors) or any(f.total_error_count() for f in formsets.values()))
    sections = []
    for section, (fields, rows) in NEEDS.items():
        complete = all(_filled(form[name].value()) for name in fields if name in form.fields)
        if rows:
            complete = complete and _has_row(formsets[rows])
        open_ = failed or not complete or bool(questions.get(section.value))
        sections.append(FormSection(section.value, section_id(section), section.label, complete,
                                    open_))
    return sections


SECTION_IDS = frozenset(section_id(section) for section in NEEDS)
