"""Grouped bar charts as geometry for a server-side SVG (reports/_chart.html).

No JavaScript, no inline styles: the template draws rects and texts with presentation
attributes. Each series has its own fill pattern and every bar carries its value as text,
so the chart reads without colour; a data table follows every chart.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

WIDTH = 640
HEIGHT = 260
LEFT = 10
TOP = 20
BOTTOM = 50  # room for the category labels
PATTERNS = ("solid", "hatch", "dots", "cross")


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    value: object
    label: str
    pattern: str


@dataclass(frozen=True)
class Chart:
    title: str
    categories: list[str]
    series: list[tuple[str, list]]  # (label, values; None = hidden/unknown)
    bars: list[Bar] = field(default_factory=list)
    axis_labels: list[tuple[float, str]] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT
    baseline: float = HEIGHT - BOTTOM
    signed: bool = False  # values are changes with one decimal, shown with a sign
    label_y: float = HEIGHT - BOTTOM + 16  # where the category labels go

    @property
    def legend(self):
        return [(label, PATTERNS[i % len(PATTERNS)]) for i, (label, _v) in enumerate(self.series)]

    @property
    def rows(self):
        """The data table: one row per category, one column per series."""
        return [(category, [values[i] for _label, values in self.series])
                for i, category in enumerate(self.categories)]


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list]],
              *, value_text=str) -> Chart:
    numbers = [v for _label, values in series for v in values if v is not None]
    top = max([*numbers, 1])
    plot_height = HEIGHT - TOP - BOTTOM
    group_width = (WIDTH - LEFT) / max(len(categories), 1)
    bar_width = group_width * 0.8 / max(len(series), 1)
    bars, axis = [], []
    for c, category in enumerate(categories):
        group_x = LEFT + c * group_width + group_width * 0.1
        axis.append((group_x + group_width * 0.4, category))
        for s, (_label, values) in enumerate(series):
            value = values[c]
            height = 0 if value is None else float(value) / float(top) * plot_height
            bars.append(Bar(
                x=round(group_x + s * bar_width, 1), y=round(HEIGHT - BOTTOM - height, 1),
                width=round(bar_width - 2, 1), height=round(height, 1),
                value=value, label="–" if value is None else value_text(value),
                pattern=PATTERNS[s % len(PATTERNS)],
            ))
    return Chart(title=title, categories=categories, series=series, bars=bars,
                 axis_labels=axis)


def signed_text(value) -> str:
    """0.5 -> '+0,5', -0.3 -> '−0,3', 0 -> '0,0' (Swedish decimal comma, real minus sign)."""
    number = Decimal(value).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{abs(number):.1f}".replace(".", ",")
    return f"+{text}" if number > 0 else f"−{text}" if number < 0 else text


def change_chart(title: str, categories: list[str], series: list[tuple[str, list]]) -> Chart:
    """Bars up or down from a zero line in the middle, for changes that may be negative."""
    numbers = [abs(float(v)) for _label, values in series for v in values if v is not None]
    top = max([*numbers, 0.5])
    half = (HEIGHT - TOP - BOTTOM) / 2
    zero = TOP + half
    group_width = (WIDTH - LEFT) / max(len(categories), 1)
    bar_width = group_width * 0.8 / max(len(series), 1)
    bars, axis = [], []
    for c, category in enumerate(categories):
        group_x = LEFT + c * group_width + group_width * 0.1
        axis.append((group_x + group_width * 0.4, category))
        for s, (_label, values) in enumerate(series):
            value = values[c]
            height = 0 if value is None else abs(float(value)) / top * half
            y = zero - height if value is not None and value > 0 else zero
            bars.append(Bar(
                x=round(group_x + s * bar_width, 1), y=round(y, 1),
                width=round(bar_width - 2, 1), height=round(height, 1), value=value,
                label="–" if value is None else signed_text(value),
                pattern=PATTERNS[s % len(PATTERNS)],
            ))
    return Chart(title=title, categories=categories, series=series, bars=bars,
                 axis_labels=axis, baseline=zero, signed=True)
