"""The economy chart: grouped bars per year, up or down from a zero line, as SVG geometry.

As in the reports' charts: no JavaScript, no inline styles, a fill pattern per series and
every bar labelled with its value, so the chart reads without colour; the page's table
holds the same figures. Coordinates are text with a decimal point (SVG needs "12.5"
whatever the interface language).
"""

from dataclasses import dataclass
from decimal import Decimal

from insatsportal.core.money import group_thousands

WIDTH, HEIGHT = 680, 300
TOP, BOTTOM, LEFT = 24, 56, 10
PATTERNS = ("solid", "hatch", "dots", "cross")


def _n(value: float) -> str:
    return f"{value:.1f}"


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    label_x: str
    label_y: str
    label: str
    pattern: str
    negative: bool


@dataclass(frozen=True)
class Chart:
    title: str
    bars: list[Bar]
    axis_labels: list[tuple[str, str]]  # (x, year)
    legend: list[tuple[str, str, str, str]]  # (x, text x, label, pattern)
    zero_y: str
    label_y: str
    legend_y: str
    legend_text_y: str
    width: int = WIDTH
    height: int = HEIGHT


def millions(value: Decimal) -> str:
    """A short bar label: '3,4 mnkr' or '850 tkr' (the table has the exact kronor)."""
    number = Decimal(value)
    sign = "−" if number < 0 else ""
    number = abs(number)
    if number >= 1_000_000:
        return f"{sign}{(number / 1_000_000):.1f}".replace(".", ",") + "\xa0mnkr"
    if number >= 1000:
        return f"{sign}{group_thousands(number / 1000)}\xa0tkr"
    return f"{sign}{group_thousands(number)}\xa0kr"


def year_chart(title: str, categories: list[str],
               series: list[tuple[str, list[Decimal]]]) -> Chart:
    values = [float(v) for _label, vs in series for v in vs]
    top = max([*values, 1.0])
    bottom = min([*values, 0.0])
    span = top - bottom
    plot = HEIGHT - TOP - BOTTOM
    zero = TOP + plot * top / span
    group = (WIDTH - LEFT) / max(len(categories), 1)
    bar_width = group * 0.84 / max(len(series), 1)
    bars, axis = [], []
    for c, category in enumerate(categories):
        group_x = LEFT + c * group + group * 0.08
        axis.append((_n(group_x + group * 0.42), category))
        for s, (_label, vs) in enumerate(series):
            value = float(vs[c])
            height = abs(value) / span * plot
            y = zero - height if value > 0 else zero
            x = group_x + s * bar_width
            bars.append(Bar(
                x=_n(x), y=_n(y), width=_n(bar_width - 2), height=_n(height),
                label_x=_n(x + (bar_width - 2) / 2),
                label_y=_n(y - 4 if value >= 0 else y + height + 12),
                label=millions(vs[c]), pattern=PATTERNS[s % len(PATTERNS)],
                negative=value < 0,
            ))
    legend = [(_n(LEFT + i * 165), _n(LEFT + i * 165 + 16), label, PATTERNS[i % len(PATTERNS)])
              for i, (label, _vs) in enumerate(series)]
    return Chart(title=title, bars=bars, axis_labels=axis, legend=legend, zero_y=_n(zero),
                 label_y=_n(HEIGHT - BOTTOM + 28), legend_y=_n(HEIGHT - 18),
                 legend_text_y=_n(HEIGHT - 8))
