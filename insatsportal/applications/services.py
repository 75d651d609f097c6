"""Every write to an application: create, update, budget, and each step of its life.

Services take the plain dict of serialize.py, so the web forms, the demo and the
document importer share one entry point (application_create_from_data).
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from insatsportal.applications import budget as b
from insatsportal.applications import completion, selectors
from insatsportal.applications.agreement import agreement_text_current
from insatsportal.applications.models import (
    Application,
    ApplicationPart,
    ApplicationPartner,
    ApplicationVersion,
    Budget,
    BudgetLine,
    BudgetOwner,
    BudgetYear,
    Goal,
    Method,
    Signature,
    StaffingLine,
)
from insatsportal.applications.serialize import LIST_FIELDS, NAMED_FIELDS, SCALAR_FIELDS
from insatsportal.core import audit
from insatsportal.core.audit import log_action
from insatsportal.core.changes import undone_if_unchanged
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import LocalGroup, Member, Unit
from insatsportal.organisations.selectors import association_current, member_resolve


class ApplicationError(Exception):
    """A failed precondition, with a translated message for the user."""


# --- Resolving names ------------------------------------------------------------------

def _member(value) -> Member:
    if isinstance(value, Member):
        return value
    member = (Member.objects.filter(name=value).first() or member_resolve(value)) if value else None
    if member is None:
        raise ApplicationError(
            _("“%(name)s” is not a member of the förbund.") % {"name": value or "–"}
        )
    return member


def _optional(model, value, **scope):
    if value in (None, ""):
        return None
    if isinstance(value, model):
        return value
    found = model.objects.filter(name=value, **scope).first()
    if found is None:
        raise ApplicationError(_("“%(name)s” was not found.") % {"name": value})
    return found


def _coerce(model, values: dict, fields) -> dict:
    """Text from a dict to model values (dates, numbers) through the fields' own parsers."""
    result = {}
    for name in fields:
        if name not in values:
            continue
        field = model._meta.get_field(name)
        value = values[name]
        if value is None and not field.null:
            value = "" if field.get_internal_type() in ("CharField", "TextField", "EmailField") \
                else field.get_default()
        try:
            result[name] = field.to_python(value)
        except ValidationError as exc:
            raise ApplicationError(f"{field.verbose_name}: {' '.join(exc.messages)}") from exc
    return result


def _label(instance, name) -> str:
    return "" if name == "__all__" else str(instance._meta.get_field(name).verbose_name)


def _validated(instance, exclude=("application",)):
    try:
        instance.full_clean(exclude=list(exclude), validate_unique=False)
    except ValidationError as exc:
        messages = [
            f"{_label(instance, name)}: {message}".lstrip(": ")
            for name, errors in exc.message_dict.items() for message in errors
        ]
        raise ApplicationError(" ".join(messages)) from exc
    return instance


# --- Create and update ----------------------------------------------------------------

def _require_editable(application: Application) -> None:
    if not application.is_editable:
        raise ApplicationError(_(
            "The application is %(status)s and cannot be changed; it can be changed again only "
            "if the office returns it for completion."
        ) % {"status": application.get_status_display().lower()})


@transaction.atomic
def application_create(*, actor, owner, name: str, association=None) -> Application:
    association = association or association_current()
    application = _validated(Application(
        association=association,
        owner=_member(owner),
        name=name,
        agreement_text=agreement_text_current(association),
    ), exclude=())
    application.save()
    log_action(actor=actor, obj=application, action="application.created")
    return application


@transaction.atomic
def application_update(*, actor, application: Application, data: dict) -> Application:
    """Change the fields present in `data`; a list present in `data` replaces the old one.

    Saving what is already saved writes nothing and logs nothing.
    """
    _require_editable(application)
    with undone_if_unchanged(lambda: _content(application.pk)) as outcome:
        _update(application, data)
    if outcome.changed:
        changed = sorted(set(data) & set(SCALAR_FIELDS + NAMED_FIELDS + LIST_FIELDS))
        log_action(actor=actor, obj=application, action="application.updated",
                   data={"fields": changed, **audit.changes(
                       {name: outcome.before[name] for name in changed},
                       {name: outcome.after[name] for name in changed})})
    return application


def _content(pk) -> dict:
    from insatsportal.applications.selectors import application_load
    from insatsportal.applications.serialize import application_to_dict

    return application_to_dict(application_load(pk))


def _update(application: Application, data: dict) -> None:
    values = _coerce(Application, data, SCALAR_FIELDS)
    if "anchoring_dates" in data:
        try:
            values["anchoring_dates"] = [
                b.parse_date(day).isoformat() for day in data["anchoring_dates"] or [] if day
            ]
        except b.AmountError as exc:
            raise ApplicationError(_("“%(value)s” is not a date.") % {"value": exc.args[0]}) \
                from exc
    if "owner" in data:
        values["owner"] = _member(data["owner"])
    owner = values.get("owner", application.owner)
    if "owner_unit" in data:
        values["owner_unit"] = _optional(Unit, data["owner_unit"], member=owner)
    if "anchoring_group" in data:
        values["anchoring_group"] = _optional(LocalGroup, data["anchoring_group"])
    if "continues" in data:
        values["continues"] = _optional(Intervention, data["continues"])
    for name, value in values.items():
        setattr(application, name, value)
    _validated(application, exclude=())
    application.save()

    parts = _replace_parts(application, data)
    if "partners" in data:
        _replace(application, ApplicationPartner, [
            {**_coerce(ApplicationPartner, row, ("contact_name", "contact_title",
                                                 "contact_email")),
             "member": _member(row.get("member"))}
            for row in data["partners"]
        ])
    if "goals" in data:
        _replace(application, Goal, [
            {**_coerce(Goal, row, ("kind", "text", "target_kind", "target_value",
                                   "target_unit")),
             "part": _part(parts, row.get("part"))}
            for row in data["goals"]
        ])
    if "staffing" in data:
        _replace(application, StaffingLine, [
            {**_coerce(StaffingLine, row, ("title", "percent", "funding", "description")),
             "employer": _member(row.get("employer") or owner),
             "part": _part(parts, row.get("part"))}
            for row in data["staffing"]
        ])
    if "signatures" in data:
        _replace(application, Signature, [
            {**_coerce(Signature, row, ("role", "organisation", "signed_on", "name",
                                        "name_clarification", "email")),
             "member": _member(row["member"]) if row.get("member") else None}
            for row in data["signatures"]
        ])
    if "methods" in data:
        application.methods.set([
            m if isinstance(m, Method) else Method.objects.get_or_create(name=m)[0]
            for m in data["methods"]
        ])


def _replace_parts(application, data) -> dict[str, ApplicationPart]:
    if "parts" in data:
        _replace(application, ApplicationPart, [
            _coerce(ApplicationPart, row, ("name", "description", "participants_per_year",
                                           "participants_total"))
            for row in data["parts"]
        ])
    return {part.name: part for part in application.parts.all()}


def _part(parts: dict, name):
    if not name:
        return None
    if isinstance(name, ApplicationPart):
        return name
    if name not in parts:
        raise ApplicationError(_("The sub-part “%(name)s” is not in the application.")
                               % {"name": name})
    return parts[name]


def _replace(application, model, rows: list[dict]) -> None:
    model.objects.filter(application=application).delete()
    objects = [
        _validated(model(application=application, order=index, **row))
        for index, row in enumerate(rows)
    ]
    model.objects.bulk_create(objects)


@transaction.atomic
def application_create_from_data(*, actor, data: dict) -> Application:
    """Create a draft from the plain dict of serialize.py (web form, demo, importer)."""
    application = application_create(
        actor=actor, owner=data.get("owner"), name=data.get("name", ""),
    )
    rest = {key: value for key, value in data.items() if key != "budget"}
    if "agreement_text" in rest and not rest["agreement_text"]:
        rest.pop("agreement_text")
    application_update(actor=actor, application=application, data=rest)
    if data.get("budget"):
        budget_save(actor=actor, application=application, budget=data["budget"])
    return application


# --- The budget -----------------------------------------------------------------------

@transaction.atomic
def budget_save(*, actor, application: Application, budget, action="application.budget_saved"):
    """Replace the budget with `budget` (a BudgetData or its dict form); an unchanged budget
    writes nothing and logs nothing."""
    _require_editable(application)
    with undone_if_unchanged(lambda: _budget_content(application)) as outcome:
        record, data = _budget_replace(application, budget)
    if outcome.changed:
        totals = b.compute(data)
        log_action(actor=actor, obj=application, action=action,
                   data={"total_association": str(totals.total_association),
                         "total_co_financing": str(totals.total_co_financing)})
    return Budget.objects.get(application=application)


def _budget_content(application):
    from insatsportal.applications.serialize import budget_data_from_model

    record = Budget.objects.filter(application=application).prefetch_related(
        "owners", "lines", "years").first()
    return None if record is None else b.budget_to_dict(budget_data_from_model(record))


def _budget_replace(application, budget):
    if isinstance(budget, dict):
        try:
            budget = b.budget_from_dict(budget)
        except b.AmountError as exc:
            raise ApplicationError(
                _("“%(value)s” is not an amount.") % {"value": exc.args[0]}
            ) from exc
    data = b.budget_normalised(budget)
    owners = {o.position: o for o in data.owners}
    if not owners:
        owners = {0: b.Owner(position=0, member=application.owner.name)}
    for line in data.lines:
        for position, amount in enumerate(line.amounts):
            if amount and position not in owners:
                raise ApplicationError(_(
                    "“%(row)s” has an amount in the column of %(column)s, which has no owner."
                ) % {"row": line.label, "column": b.OWNER_LABELS[position]})
    record, _created = Budget.objects.get_or_create(application=application)
    record.stated_total = data.stated_total
    record.save()
    record.owners.all().delete()
    record.lines.all().delete()
    record.years.all().delete()
    BudgetOwner.objects.bulk_create([
        _validated(BudgetOwner(budget=record, position=o.position, member=_member(o.member),
                               label=o.label, stated_association=o.stated_association,
                               stated_co_financing=o.stated_co_financing), exclude=("budget",))
        for o in owners.values()
    ])
    BudgetLine.objects.bulk_create([
        _validated(BudgetLine(
            budget=record, order=index, funding=line.funding, section=line.section,
            category=line.category, title=line.title, percent=line.percent,
            period_from=line.period_from, period_to=line.period_to,
            **{f"amount_{i}": amount for i, amount in enumerate(line.amounts)},
        ), exclude=("budget",))
        for index, line in enumerate(data.lines)
    ])
    BudgetYear.objects.bulk_create([
        _validated(BudgetYear(budget=record, index=y.index, year=y.year, salary=y.salary,
                              premises=y.premises, other=y.other), exclude=("budget",))
        for y in data.years
    ])
    return record, data


# --- The life of an application ------------------------------------------------------
# Its status is its case's (Application.status); the case's services take each step and
# call these for what the step does to the application itself.

REQUIRED_FOR_SUBMISSION = ("purpose", "planned_start", "planned_end", "target_group")


def _known(actor):
    return actor if actor is not None and actor.pk is not None else None


def application_missing_for_submission(application) -> list[str]:
    """The template's required fields still empty (a read, used before submitting)."""
    missing = [
        str(Application._meta.get_field(name).verbose_name)
        for name in REQUIRED_FOR_SUBMISSION
        if not getattr(application, name)
    ]
    if not application.goals.exists():
        missing.append(str(_("at least one goal")))
    return missing


@transaction.atomic
def application_freeze(*, actor, application: Application,
                       answers_required: bool = False) -> ApplicationVersion:
    """Submitting (again): complete, every question of the office answered (not when a
    decision is imported), then frozen as a version."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    missing = application_missing_for_submission(locked)
    if missing:
        raise ApplicationError(
            _("Fill in before submitting: %(fields)s.") % {"fields": ", ".join(missing)}
        )
    unanswered = completion.unanswered_message(locked) if answers_required else ""
    if unanswered:
        raise ApplicationError(unanswered)
    loaded = selectors.application_load(locked.pk)
    number = (locked.versions.order_by("-number").values_list("number", flat=True)
              .first() or 0) + 1
    version = ApplicationVersion.objects.create(
        application=locked, number=number, created_by=_known(actor),
        snapshot=selectors.application_snapshot(loaded),
    )
    log_action(actor=actor, obj=locked, action=("application.submitted" if number == 1
                                                 else "application.resubmitted"))
    return version


@transaction.atomic
def application_questions_ask(*, actor, application: Application, questions) -> list:
    """The office's questions when it returns the application for completion: one text, or
    [(section, question)] so that each stands beside the part of the form it concerns."""
    asked = completion.questions_from_text(questions)
    if not asked:
        raise ApplicationError(_("Write what the owner needs to complete."))
    completion.completion_questions_ask(actor=actor, application=application, asked=asked)
    log_action(actor=actor, obj=application, action="application.returned")
    return asked
