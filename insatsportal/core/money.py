"""Money is Decimal in whole kronor; one rounding rule and one display format."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

NBSP = "\xa0"


def to_kronor(value) -> Decimal:
    """Round to whole kronor, half away from zero (as in Swedish bookkeeping)."""
    if value is None or value == "":
        return Decimal(0)
    if isinstance(value, float):
        value = repr(value)
    try:
        return Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:
        raise ValueError(f"Not an amount: {value!r}") from exc


def group_thousands(value: int | Decimal) -> str:
    """3930000 -> '3 930 000' with no-break spaces, minus sign for negatives."""
    number = int(to_kronor(value))
    text = f"{abs(number):,}".replace(",", NBSP)
    return f"−{text}" if number < 0 else text


def format_kr(value, unit: str = "kr") -> str:
    """3930000 -> '3 930 000 kr'."""
    if value is None:
        return ""
    return f"{group_thousands(value)}{NBSP}{unit}"
