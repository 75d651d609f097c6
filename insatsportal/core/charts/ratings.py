"""One person's ratings: a radar (first and latest rating per item) and a line over time.

Markup built here (not in a template) from formatted numbers and escaped text only. Colour
is never the only cue: each series has its own marker shape and dash pattern, every point
carries its value, and the page shows the same numbers in a table.
"""

import math
from dataclasses import dataclass, replace

from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from insatsportal.core.charts.text import GLYPH, Label, coord, decimal_text, fit_label

# (stroke, dash pattern, marker shape) per series, distinguishable in black and white.
SERIES_STYLES = [
    ("#1f4e79", "", "circle"),
    ("#8a3b12", "6 3", "square"),
    ("#2e6b30", "2 3", "triangle"),
    ("#5b3a80", "10 3 2 3", "diamond"),
]


@dataclass(frozen=True)
class Series:
    label: str
    values: list  # one number (or None) per axis


def _marker(shape: str, x: float, y: float, colour: str) -> str:
    r = 4.5
    if shape == "circle":
        return f'<circle cx="{coord(x)}" cy="{coord(y)}" r="{r}" fill="{colour}"/>'
    if shape == "square":
        return (f'<rect x="{coord(x - r)}" y="{coord(y - r)}" width="{2 * r}" '
                f'height="{2 * r}" fill="{colour}"/>')
    if shape == "triangle":
        corners = [(x, y - r - 1), (x - r, y + r), (x + r, y + r)]
    else:
        corners = [(x, y - r - 1), (x + r, y), (x, y + r + 1), (x - r, y)]
    return f'<polygon points="{_points(corners)}" fill="{colour}"/>'


def _points(pairs) -> str:
    return " ".join(f"{coord(x)},{coord(y)}" for x, y in pairs)


def _style(index: int):
    return SERIES_STYLES[index % len(SERIES_STYLES)]


def _text(label: Label, extra: str = "") -> str:
    """A wrapped label: one tspan per line, the full text in a <title> when abbreviated."""
    title = f"<title>{escape(label.text)}</title>" if label.abbreviated else ""
    spans = "".join(f'<tspan x="{label.x}" dy="{dy}">{escape(line)}</tspan>'
                    for line, dy in label.tspans)
    return (f'<text x="{label.x}" y="{label.y}" font-size="{label.font_size}" '
            f'text-anchor="{label.anchor}"{extra}>{title}{spans}</text>')


def _legend(series: list[Series], *, x: float, y: float) -> list[str]:
    parts = []
    for index, one in enumerate(series):
        colour, dash, shape = _style(index)
        top = y + index * 18
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{coord(x)}" y1="{coord(top)}" x2="{coord(x + 28)}" '
                     f'y2="{coord(top)}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        parts.append(_marker(shape, x + 14, top, colour))
        parts.append(f'<text x="{coord(x + 36)}" y="{coord(top + 4)}" font-size="12">'
                     f'{escape(one.label)}</text>')
    return parts


def _svg_open(width, height, title_id, title) -> str:
    return format_html('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
                       'role="img" aria-labelledby="{}" class="chart"><title id="{}">{}</title>',
                       width, height, title_id, title_id, title)


def radar_svg(axes: list[str], series: list[Series], *, low: int, high: int, title: str):
    """A radar (spider) chart: one axis per item, one closed outline per rating. The item
    names sit outside the rim, wrapped to the room left to the edge (never cut off)."""
    width, centre_x, centre_y, radius, font = 640, 320, 200, 140, 12
    n = len(axes)
    if n < 3:
        return ""
    legend_top = centre_y + radius + 70

    def point(i, value, r=radius):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        share = (float(value) - low) / (high - low) if high > low else 0
        return centre_x + r * share * math.cos(angle), centre_y + r * share * math.sin(angle)

    parts = [_svg_open(width, legend_top + 18 * len(series) + 6, "radar-title", title)]
    for step in range(low, high + 1):
        ring = _points(point(i, step) for i in range(n))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#c8c8c8" '
                     f'stroke-width="1"/>')
        x, y = point(0, step)
        parts.append(f'<text x="{coord(x + 4)}" y="{coord(y + 4)}" font-size="10" '
                     f'fill="#555555">{step}</text>')
    for i, label in enumerate(axes):
        x, y = point(i, high)
        parts.append(f'<line x1="{centre_x}" y1="{centre_y}" x2="{coord(x)}" y2="{coord(y)}" '
                     f'stroke="#c8c8c8"/>')
        lx, ly = point(i, high, radius + 14)
        if abs(lx - centre_x) < 10:
            anchor, room = "middle", 200
        elif lx > centre_x:
            anchor, room = "start", width - lx - 6
        else:
            anchor, room = "end", lx - 6
        wrapped = fit_label(label, room, font_size=font, max_lines=3, x=lx, y=ly, anchor=anchor)
        lines = len(wrapped.lines)
        # Above the centre the lines grow upwards, below it downwards, at the side centred.
        shift = (-(lines - 1) * font * 1.2 if ly < centre_y - 10
                 else font if ly > centre_y + 10 else 4 - (lines - 1) * font * 0.6)
        parts.append(_text(replace(wrapped, y=coord(ly + shift))))
    for index, one in enumerate(series):
        colour, dash, shape = _style(index)
        points = [point(i, v) for i, v in enumerate(one.values) if v is not None]
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polygon points="{_points(points)}" fill="none" stroke="{colour}" '
                     f'stroke-width="2"{dash_attr}/>')
        parts.extend(_marker(shape, x, y, colour) for x, y in points)
    parts.extend(_legend(series, x=20, y=legend_top))
    parts.append("</svg>")
    # Safe: the markup holds formatted numbers and escaped text only.
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308  # nosec


def line_svg(dates: list[str], values: list, *, low: int, high: int, title: str):
    """A line over time: one point per rating (e.g. the mean), labelled with its value as the
    table writes it. Dates turn slanted when side by side they would overlap."""
    width, left, right, top, font = 560, 56, 20, 20, 11
    if not dates:
        return ""
    plot_w = width - left - right
    spacing = plot_w / max(len(dates) - 1, 1)
    slanted = max(len(d) for d in dates) * font * GLYPH > spacing - 4
    bottom = 80 if slanted else 40
    plot_h = 190
    height = top + plot_h + bottom

    def x_of(i):
        return left + (plot_w * i / (len(dates) - 1) if len(dates) > 1 else plot_w / 2)

    def y_of(v):
        return top + plot_h * (1 - (float(v) - low) / (high - low))

    parts = [_svg_open(width, height, "line-title", title)]
    for step in range(low, high + 1):
        y = y_of(step)
        parts.append(f'<line x1="{left}" y1="{coord(y)}" x2="{width - right}" y2="{coord(y)}" '
                     f'stroke="#e0e0e0"/>')
        parts.append(f'<text x="{left - 8}" y="{coord(y + 4)}" font-size="{font}" '
                     f'text-anchor="end">{step}</text>')
    points = [(x_of(i), y_of(v), v) for i, v in enumerate(values) if v is not None]
    if len(points) > 1:
        parts.append(f'<polyline points="{_points((x, y) for x, y, _v in points)}" '
                     f'fill="none" stroke="#1f4e79" stroke-width="2"/>')
    for x, y, v in points:
        parts.append(_marker("circle", x, y, "#1f4e79"))
        parts.append(f'<text x="{coord(x)}" y="{coord(y - 9)}" font-size="{font}" '
                     f'text-anchor="middle">{decimal_text(v)}</text>')
    base = top + plot_h + 18
    for i, label in enumerate(dates):
        x = coord(x_of(i))
        if slanted:
            parts.append(f'<text x="{x}" y="{coord(base)}" font-size="{font}" text-anchor="end" '
                         f'transform="rotate(-40 {x} {coord(base)})">{escape(label)}</text>')
        else:
            parts.append(f'<text x="{x}" y="{coord(base)}" font-size="{font}" '
                         f'text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    # Safe: the markup holds formatted numbers and escaped text only.
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308  # nosec
