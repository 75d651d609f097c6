from decimal import ROUND_HALF_UP, Decimal

from django import template

register = template.Library()


@register.filter
def percent(share):
    """0.625 -> '63 %' (a share between 0 and 1, whole percent, no-break space)."""
    if share is None:
        return "–"
    number = (Decimal(share) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return f"{number}\xa0%"
