"""Optimistic concurrency: a save over a newer version is shown as a conflict, never applied.

Every edit form carries the version it was read at: a digest of each part it shows (a field,
or a whole list of rows), in the hidden field `{% edit_version form %}` renders. On save the
view compares, part by part, what the user read (r), what is saved now (c) and what the
user sends (m):

- c == r: nobody else changed it, the user's value is saved;
- c != r and m == r: only the other person changed it, their value is kept (merged);
- c != r and m == c: both wrote the same;
- otherwise a conflict. Nothing is saved; the form comes back (409) with the user's text in
  it and, beside each conflicting part, what the other person saved. Its version now counts
  the conflicting parts as read, so the merged text the user sends next is saved.

A view with one form:

    form = ReportForm(request.POST, instance=report)
    if form.is_valid():
        with transaction.atomic():
            report = concurrency.locked(report)
            edit = concurrency.reconcile_form(request, form, ReportForm(instance=report),
                                              obj=report)
            if edit.saved:
                services.report_save(report=report, **edit.values)
    ...
    return render(..., status=edit_status(form))

and `{% load forms %}{% edit_version form %}` inside the <form>. Views whose page is several
forms (an application's sections and lists) call `reconcile` with dicts of parts and pass the
result (or `reading`) to the template tag. A post without a version (an old page, a script)
is saved as before: it cannot say what it read.
"""

import dataclasses
import datetime
import hashlib
import json
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.forms import ModelChoiceField
from django.shortcuts import render
from django.utils import formats
from django.utils.translation import gettext as _

FIELD = "edit_version"


# --- Versions ---------------------------------------------------------------------------

def normal(value):
    """One comparable form of a value, whether read from the database or cleaned by a form."""
    if isinstance(value, models.Model):
        return str(value.pk)
    if isinstance(value, models.QuerySet):
        return sorted(str(pk) for pk in value.values_list("pk", flat=True))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return normal(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): normal(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        items = [normal(item) for item in value]
        chosen = value and all(isinstance(item, models.Model) for item in value)
        if chosen or isinstance(value, set):  # a choice of objects has no order
            return sorted(items, key=str)
        return items
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value.is_finite() else str(value)
    if isinstance(value, int | float):
        return normal(Decimal(str(value)))
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, str):
        return value.replace("\r\n", "\n").strip()
    return str(value)


def digest(value) -> str:
    text = json.dumps(normal(value), sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def stamp(values: dict) -> str:
    """The version of a form's parts: `name:digest` pairs, as the hidden field carries it."""
    return ",".join(f"{name}:{digest(value)}" for name, value in sorted(values.items()))


def _parse(text: str | None) -> dict | None:
    if not text:
        return None
    parts = {}
    for pair in text.split(","):
        name, sep, value = pair.rpartition(":")
        if not sep:
            return None
        parts[name] = value
    return parts


# --- Saving ------------------------------------------------------------------------------

@dataclasses.dataclass
class Conflict:
    label: str
    theirs: str
    mine: str


@dataclasses.dataclass
class Edit:
    """The outcome of a save attempt, or (no conflicts) what a page shows."""

    values: dict
    version: str
    conflicts: list[Conflict] = dataclasses.field(default_factory=list)
    merged: list[str] = dataclasses.field(default_factory=list)  # parts kept as the other saved
    saved_by: str = ""
    saved_at: datetime.datetime | None = None
    result: object = None

    @property
    def saved(self) -> bool:
        return not self.conflicts


def posted_version(request) -> str | None:
    if request is not None and request.method == "POST":
        return request.POST.get(FIELD) or None
    return None


def reading(request, current: dict) -> Edit:
    """What a page shows: the version the user read (kept while a form is corrected)."""
    return Edit(values=current, version=posted_version(request) or stamp(current))


def reconcile(request, *, current: dict, mine: dict, labels: dict | None = None,
              shown=None, obj=None) -> Edit:
    """Merge the user's values `mine` with what is saved now (`current`), part by part.

    `labels` names the parts for the conflict list; `shown(name, value)` displays a value.
    `obj` is the edited object, whose last audit entry says who saved the other version.
    """
    read = _parse(posted_version(request))
    if read is None:
        return Edit(values=dict(mine), version=stamp(current))
    values, conflicts, merged, version = dict(mine), [], [], {}
    shown = shown or (lambda name, value: display(value))
    empty = digest(None)
    for name in sorted(current.keys() | mine.keys()):
        value = current.get(name)  # a part missing on one side is empty there (no rows)
        now, was = digest(value), read.get(name, empty)
        version[name] = was
        if was == now:
            continue
        sent = digest(mine.get(name))
        if sent == was:
            values[name] = value  # only the other person changed it: keep theirs
            merged.append(name)
        elif sent == now:
            version[name] = now
        else:
            version[name] = now
            conflicts.append(Conflict(label=str((labels or {}).get(name, name)),
                                      theirs=shown(name, value),
                                      mine=shown(name, mine.get(name))))
    edit = Edit(values=values, version=",".join(f"{k}:{v}" for k, v in sorted(version.items())),
                conflicts=conflicts, merged=merged)
    if conflicts and obj is not None:
        edit.saved_by, edit.saved_at = _last_save(obj)
    return edit


def _last_save(obj):
    from insatsportal.core.models import AuditEntry

    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
    ).order_by("-timestamp", "-id").first()
    return (entry.actor_name, entry.timestamp) if entry else ("", None)


def locked(obj):
    """The object as saved now, its row locked until the transaction ends."""
    return type(obj)._default_manager.select_for_update().get(pk=obj.pk)


def status(*things) -> int:
    """409 when a form of the page came back with a conflict, otherwise 200."""
    for thing in things:
        edit = getattr(thing, "edit", thing)
        if isinstance(edit, Edit) and edit.conflicts:
            return 409
    return 200


# --- Display -----------------------------------------------------------------------------

def display(value) -> str:
    """A saved or typed value as text for the conflict list."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = dataclasses.asdict(value)
    if isinstance(value, models.QuerySet):
        value = list(value)
    if isinstance(value, list | tuple):
        return "\n".join(display(item) for item in value)
    if isinstance(value, dict):
        return " · ".join(display(item) for item in value.values() if item not in (None, "", []))
    if isinstance(value, Decimal | int | float | datetime.date):
        return formats.localize(value)
    return str(value)


# --- Forms -------------------------------------------------------------------------------

def form_values(form, *, cleaned: bool = False) -> dict:
    """A form's parts: the saved values it shows, or (cleaned) what the user sent; both as
    the form cleans them, so that a text shown as lines compares with the list it saves."""
    if cleaned:
        return {name: form.cleaned_data.get(name) for name in form.fields
                if not form.fields[name].disabled}
    return {name: _comparable(form, name, form.get_initial_for_field(field, name))
            for name, field in form.fields.items() if not field.disabled}


def _comparable(form, name, initial):
    # A chosen object compares by its key (normal); cleaning it would cost a query.
    if isinstance(form.fields[name], ModelChoiceField):
        return initial
    return _cleaned(form, name, initial)


def form_labels(form) -> dict:
    return {name: field.label or name for name, field in form.fields.items()}


def form_shown(form):
    """Display a field's value by its choice label where the field has choices."""

    def shown(name, value):
        field = form.fields.get(name)
        choices = getattr(field, "choices", None)
        if field is None or choices is None:
            return display(value)
        labels = {}
        for key, label in choices:
            if isinstance(label, list | tuple):  # a group of options
                labels.update({normal(getattr(k, "value", k)): v for k, v in label})
            else:
                labels[normal(getattr(key, "value", key))] = label
        values = value if isinstance(value, list | tuple | models.QuerySet) else [value]
        return "\n".join(str(labels.get(normal(item), display(item))) for item in values) or "–"

    return shown


def reconcile_form(request, form, current_form, *, obj=None, extra_current=None,
                   extra_mine=None, extra_labels=None) -> Edit:
    """`reconcile` for a valid bound `form` against `current_form`, the same form unbound on
    what is saved now. On a conflict the form carries it (`form.edit`) for the template tag.
    The merged values are cleaned values, as `form.cleaned_data` would give them."""
    current = form_values(current_form)
    current.update(extra_current or {})
    mine = form_values(form, cleaned=True)
    mine.update(extra_mine or {})
    edit = reconcile(request, current=current, mine=mine,
                     labels={**form_labels(form), **(extra_labels or {})},
                     shown=form_shown(form), obj=obj)
    for name in edit.merged:
        if isinstance(current_form.fields.get(name), ModelChoiceField):
            edit.values[name] = _cleaned(current_form, name, current[name])
    if edit.conflicts:
        form.edit = edit
    return edit


def save_form(request, form, obj, *, current, save, audited=None) -> Edit:
    """The usual edit: in one transaction lock `obj` (as saved now), reconcile the valid
    `form` with `current(fresh)`, the same form unbound on it, and when nothing conflicts call
    `save(fresh, values)`; its result is `edit.result`. `audited` is the object whose audit
    entries record the saves (default `obj`). Without a saved `obj` (a first save) nothing is
    locked."""
    with transaction.atomic():
        fresh = locked(obj) if obj is not None and obj.pk is not None else obj
        edit = reconcile_form(request, form, current(fresh), obj=audited or fresh)
        if edit.saved:
            edit.result = save(fresh, edit.values)
    return edit


def conflict_page(request, form, *, title, back):
    """The conflict of a form that lives among others on a page (a paragraph's minutes, a
    checklist note): the form alone, with both versions, posting back to the same address."""
    return render(request, "core/conflict.html", {"form": form, "title": title, "back": back},
                  status=409)


def _cleaned(form, name, initial):
    """A saved value as the form cleans it: the field, then the form's clean_<name>."""
    field = form.fields[name]
    had = form.__dict__.get("cleaned_data")
    try:
        value = field.clean(field.prepare_value(initial))
        hook = getattr(form, f"clean_{name}", None)
        if hook is not None:
            form.cleaned_data = {name: value}
            value = hook()
    except (ValidationError, TypeError, ValueError, KeyError):  # refused now: as saved
        return initial
    finally:
        if had is None:
            form.__dict__.pop("cleaned_data", None)
        else:
            form.cleaned_data = had
    return value
