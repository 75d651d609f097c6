from django import template
from django.utils.translation import gettext as _

from insatsportal.core.charts import HIDDEN, signed_text
from insatsportal.core.money import group_thousands

register = template.Library()
DASH = HIDDEN


@register.filter
def goal_value(value, unit=""):
    """A goal's figure: '12', '87.5 %' (Swedish decimal comma), or a dash."""
    if value is None:
        return DASH
    text = f"{value:f}".rstrip("0").rstrip(".") if "." in f"{value:f}" else f"{value:f}"
    text = text.replace(".", ",")
    if unit == "%":
        return f"{text}\xa0%"
    if unit == "per year":
        return _("%(value)s per year") % {"value": text}
    return text


@register.simple_tag
def by_sex(result, sex):
    """The sex breakdown cell: a figure, or a dash when hidden or not applicable."""
    if sex not in result.by_sex:
        return DASH
    value = result.by_sex[sex]
    if value is None:
        return DASH
    return goal_value(value, "%" if result.unit == "%" else "")


@register.filter
def thousands_or_dash(value):
    return DASH if value is None else group_thousands(value)


@register.filter
def get(mapping, key):
    return mapping.get(key)


@register.filter
def signed_or_dash(value):
    """An average change with its sign ('+0,5'), or a dash when hidden."""

    return DASH if value is None else signed_text(value)
