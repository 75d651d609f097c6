"""{% load forms %}{% form_token %}: the one-time token of core.idempotency.once_per_form."""

from django import template
from django.utils.html import format_html

from insatsportal.core.idempotency import FIELD_NAME, token_for_form

register = template.Library()


@register.simple_tag(takes_context=True)
def form_token(context):
    return format_html(
        '<input type="hidden" name="{}" value="{}">',
        FIELD_NAME,
        token_for_form(context.get("request")),
    )
