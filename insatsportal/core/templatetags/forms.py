"""{% load forms %}: {% form_token %} (core.idempotency), {% edit_version %} (core.concurrency),
and {% error_summary form formset … %}, the list of a posted form's problems at its top."""

from django import template
from django.forms import BaseForm, BaseFormSet
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

from insatsportal.core import concurrency
from insatsportal.core.idempotency import FIELD_NAME, token_for_form

register = template.Library()


@register.simple_tag(takes_context=True)
def form_token(context):
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        FIELD_NAME,
        token_for_form(context.get("request")),
    )


def _problems(form, prefix=""):
    """(id to link to or '', text) for each error of a form: the form's own errors first,
    then each field's in the order the fields are drawn."""
    if isinstance(form, BaseFormSet):
        found = [("", str(error)) for error in form.non_form_errors()]
        heading = getattr(form, "heading", "")  # a list with a name says which list
        for number, one in enumerate(form.forms, 1):
            row = (_("%(list)s, row %(number)s: ") % {"list": heading, "number": number}
                   if heading else _("Row %(number)s: ") % {"number": number})
            found += _problems(one, prefix=prefix + row)
        return found
    if form is None or not getattr(form, "is_bound", False) or not form.errors:
        return []
    found = [("", f"{prefix}{error}") for error in form.non_field_errors()]
    for field in form:
        for error in field.errors:
            target = "" if field.is_hidden else field.id_for_label
            found.append((target, f"{prefix}{field.label}: {error}"))
    return found


def _each(item):
    """A form or formset as itself; a list, tuple, dict or dict view of them one by one."""
    if item is None or isinstance(item, BaseForm | BaseFormSet | str):
        return [item]
    if isinstance(item, dict):
        return list(item.values())
    return list(item)


@register.simple_tag
def error_summary(*forms):
    """Every problem of the given forms and formsets, each linked to its field. The summary
    takes focus when the page loads (static/js/forms.js), so a screen reader starts there."""
    flat = [one for form in forms for one in _each(form)]
    problems = [problem for form in flat for problem in _problems(form)]
    return render_to_string("core/forms/error_summary.html", {"problems": problems})


@register.inclusion_tag("core/_edit_version.html", takes_context=True)
def edit_version(context, thing=None, **parts):
    """The version an edit form was read at (core.concurrency), and a conflict if there is one.

    `thing` is a form (its initial values are what the user reads) or a concurrency.Edit; a
    form written by hand names its parts instead: {% edit_version minutes=item.minutes %}.
    """
    request = context.get("request")
    edit = getattr(thing, "edit", thing)
    if not isinstance(edit, concurrency.Edit):
        form = thing if hasattr(thing, "is_bound") else None
        version = concurrency.posted_version(request) if form and form.is_bound else None
        edit = concurrency.Edit(values={}, version=version or concurrency.stamp(
            parts if form is None else concurrency.form_values(form)))
    return {"edit": edit, "field": concurrency.FIELD}
