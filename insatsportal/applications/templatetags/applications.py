"""{% load applications %}: warnings beside the field they concern."""

from django import template

register = template.Library()


@register.filter
def warnings_for(warnings_by_field, key):
    """{% for w in warnings|warnings_for:"age_min" %} – the warnings of one field."""
    if not warnings_by_field:
        return []
    return warnings_by_field.get(str(key), [])


@register.simple_tag
def field_key(*parts):
    """{% field_key "salary" funding forloop.counter0 "percent" as key %}."""
    return ".".join(str(part) for part in parts)


@register.filter
def item(container, key):
    """{{ labels|item:forloop.counter0 }} – an item of a dict, list or tuple."""
    if not container:
        return None
    try:
        return container[key]
    except (KeyError, IndexError, TypeError):
        return None
