"""Grouped bar charts as geometry for core/_chart.html.

Each series has its own fill pattern and every bar carries its value as text where it fits
(else in the bar's <title>), so the chart reads without colour; the data table under every
chart is built from the same figures and the same formatter. A chart with nothing to show
(no figure, or every figure zero) says so instead of drawing empty bars.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

from insatsportal.core.charts.text import (
    GLYPH,
    HIDDEN,
    Label,
    coord,
    fit_label,
    fits_upright,
    signed_text,
)
from insatsportal.core.money import group_thousands

WIDTH = 640
TOP = 24
PLOT = 190
LEFT = 10
VALUE_FONT = 10
LABEL_FONT = 11
SLANT = -50  # degrees, for category labels too long to stand side by side
SLANT_CHARS = 20  # a slanted label longer than this is abbreviated (full text in <title>)
PATTERNS = ("solid", "hatch", "dots", "cross")


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    value: object  # the figure; None when hidden
    label: str  # the figure as text, as in the table
    label_x: str
    label_y: str
    label_fits: bool  # False: the text would overlap its neighbours, so only the <title> has it
    pattern: str
    negative: bool


@dataclass(frozen=True)
class LegendItem:
    x: str
    y: str
    text_x: str
    text_y: str
    label: str
    pattern: str


@dataclass(frozen=True)
class Chart:
    title: str
    series_labels: list[str]
    table: list[tuple[str, list[str]]]  # (category, figure text per series)
    bars: list[Bar]
    axis_labels: list[Label]
    legend: list[LegendItem]
    zero_y: str
    width: int
    height: int
    has_data: bool  # some figure is shown and not zero
    has_hidden: bool  # some figure is hidden (a group smaller than five)


def _legend(labels: list[str], top: float) -> tuple[list[LegendItem], float]:
    """Legend entries laid out left to right, wrapping to a new row when the next would not
    fit; returns the entries and the height they take."""
    items, x, row = [], LEFT, 0
    for i, label in enumerate(labels):
        width = 16 + len(label) * LABEL_FONT * GLYPH + 18
        if x > LEFT and x + width > WIDTH:
            x, row = LEFT, row + 1
        y = top + row * 18
        items.append(LegendItem(x=coord(x), y=coord(y), text_x=coord(x + 16),
                                text_y=coord(y + 10), label=label,
                                pattern=PATTERNS[i % len(PATTERNS)]))
        x += width
    return items, (row + 1) * 18 if labels else 0


def bar_chart(title: str, categories: list[str], series: list[tuple[str, list]], *,
              value_text: Callable | None = None, table_text: Callable | None = None,
              signed: bool = False) -> Chart:
    """Bars per category and series, up from (or down below) a zero line.

    `value_text` writes a figure on its bar, `table_text` in the table (both default to
    '12 345', or '+1,4' when `signed`); None is a hidden figure, shown as HIDDEN."""
    default = signed_text if signed else group_thousands
    value_text = value_text or default
    table_text = table_text or value_text
    categories = [str(c) for c in categories]
    numbers = [float(v) for _label, values in series for v in values if v is not None]
    has_data = any(n != 0 for n in numbers)
    high, low = max([*numbers, 0.0]), min([*numbers, 0.0])
    span = (high - low) or 1.0
    zero = TOP + PLOT * high / span
    upright = fits_upright(categories, (WIDTH - LEFT) / max(len(categories), 1) - 4, LABEL_FONT)
    reach = min(max(map(len, categories), default=0), SLANT_CHARS) * LABEL_FONT * GLYPH
    # Slanted labels lean left from their bar: the first needs room before it.
    left = LEFT if upright else max(LEFT, reach * math.cos(math.radians(SLANT)) - 20)
    group = (WIDTH - left) / max(len(categories), 1)
    slot = group * 0.84 / max(len(series), 1)
    bars, axis = [], []
    label_top = TOP + PLOT + (22 if low < 0 else 14)
    for c, category in enumerate(categories):
        group_x = left + c * group + group * 0.08
        centre = left + c * group + group / 2
        axis.append(
            fit_label(category, group - 4, font_size=LABEL_FONT, x=centre, y=label_top)
            if upright else
            fit_label(category, SLANT_CHARS * LABEL_FONT * GLYPH, font_size=LABEL_FONT,
                      max_lines=1, x=centre, y=label_top, anchor="end", angle=SLANT))
        for s, (_label, values) in enumerate(series):
            value = values[c]
            number = 0.0 if value is None else float(value)
            height = abs(number) / span * PLOT
            y = zero - height if number > 0 else zero
            x = group_x + s * slot
            text = HIDDEN if value is None else value_text(value)
            bars.append(Bar(
                x=coord(x), y=coord(y), width=coord(max(slot - 2, 1)), height=coord(height),
                value=value, label=text, label_x=coord(x + (slot - 2) / 2),
                label_y=coord(y - 4 if number >= 0 else y + height + VALUE_FONT + 2),
                label_fits=len(text) * VALUE_FONT * GLYPH <= slot + 2,
                pattern=PATTERNS[s % len(PATTERNS)], negative=number < 0,
            ))
    lines = max((len(label.lines) for label in axis), default=1)
    legend_top = label_top + (lines * LABEL_FONT * 1.2 + 8 if upright
                              else reach * math.sin(math.radians(-SLANT)) + 12)
    legend, legend_height = _legend([str(label) for label, _v in series], legend_top)
    table = [(category, [HIDDEN if values[i] is None else table_text(values[i])
                         for _label, values in series])
             for i, category in enumerate(categories)]
    return Chart(title=title, series_labels=[str(label) for label, _v in series], table=table,
                 bars=bars, axis_labels=axis, legend=legend, zero_y=coord(zero), width=WIDTH,
                 height=int(legend_top + legend_height + 4), has_data=has_data,
                 has_hidden=any(v is None for _label, values in series for v in values))
