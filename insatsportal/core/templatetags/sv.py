"""Swedish display filters: {% load sv %} then {{ amount|kr }} or {{ amount|kronor }}."""

from django import template

from insatsportal.core.audit import action_label
from insatsportal.core.calendar import quarter_label
from insatsportal.core.money import format_kr, group_thousands

register = template.Library()


@register.filter
def kr(value):
    return format_kr(value)


@register.filter
def kronor(value):
    return format_kr(value, "kronor")


@register.filter
def thousands(value):
    return "" if value is None else group_thousands(value)


register.filter("action_label", action_label)
# {% quarter 2026 3 %}: "2026 kv3", the one way a quarter is written.
register.simple_tag(quarter_label, name="quarter")
