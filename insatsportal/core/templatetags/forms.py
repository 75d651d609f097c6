"""{% load forms %}: {% form_token %} (core.idempotency), {% edit_version %} (core.concurrency)."""

from django import template
from django.utils.html import format_html

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
