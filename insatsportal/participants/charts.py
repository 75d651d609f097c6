"""Server-side SVG charts of one person's ratings: a radar and a line over time.

Pure functions over plain numbers that return SVG markup. No style attributes
(the CSP forbids them): presentation attributes only. Colour is never the only
cue: each series has its own marker shape and dash pattern, every point carries
its value as text, and the page shows the same numbers in a table.
"""

import math
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

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
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{colour}"/>'
    if shape == "square":
        return (f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
                f'fill="{colour}"/>')
    if shape == "triangle":
        points = f"{x:.1f},{y - r - 1:.1f} {x - r:.1f},{y + r:.1f} {x + r:.1f},{y + r:.1f}"
    else:
        points = f"{x:.1f},{y - r - 1:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r + 1:.1f} " \
                 f"{x - r:.1f},{y:.1f}"
    return f'<polygon points="{points}" fill="{colour}"/>'


def _style(index: int):
    return SERIES_STYLES[index % len(SERIES_STYLES)]


def _legend(series: list[Series], *, x: float, y: float) -> list[str]:
    parts = []
    for index, one in enumerate(series):
        colour, dash, shape = _style(index)
        top = y + index * 18
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<line x1="{x}" y1="{top}" x2="{x + 28}" y2="{top}" stroke="{colour}" '
                     f'stroke-width="2"{dash_attr}/>')
        parts.append(_marker(shape, x + 14, top, colour))
        parts.append(f'<text x="{x + 36}" y="{top + 4}" font-size="12">{escape(one.label)}</text>')
    return parts


def radar_svg(axes: list[str], series: list[Series], *, low: int, high: int, title: str):
    """A radar (spider) chart: one axis per item, one closed outline per rating."""
    size, centre, radius = 440, 220, 140
    legend_height = 18 * len(series) + 10
    n = len(axes)
    if n < 3:
        return ""

    def point(i, value):
        angle = -math.pi / 2 + 2 * math.pi * i / n
        share = (value - low) / (high - low) if high > low else 0
        return centre + radius * share * math.cos(angle), centre + radius * share * math.sin(
            angle)

    parts = [format_html('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
                         'role="img" aria-labelledby="radar-title" class="chart">'
                         '<title id="radar-title">{}</title>', size, size + legend_height, title)]
    for step in range(low, high + 1):
        ring = " ".join(f"{x:.1f},{y:.1f}" for x, y in (point(i, step) for i in range(n)))
        parts.append(f'<polygon points="{ring}" fill="none" stroke="#c8c8c8" '
                     f'stroke-width="1"/>')
        x, y = point(0, step)
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 4:.1f}" font-size="10" '
                     f'fill="#555">{step}</text>')
    for i, label in enumerate(axes):
        x, y = point(i, high)
        parts.append(f'<line x1="{centre}" y1="{centre}" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke="#c8c8c8"/>')
        lx, ly = point(i, high + (high - low) * 0.2)
        anchor = "middle" if abs(lx - centre) < 10 else ("start" if lx > centre else "end")
        parts.append(f'<text x="{lx:.1f}" y="{ly + 4:.1f}" font-size="12" '
                     f'text-anchor="{anchor}">{escape(label)}</text>')
    for index, one in enumerate(series):
        colour, dash, shape = _style(index)
        points = [point(i, v) for i, v in enumerate(one.values) if v is not None]
        outline = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(f'<polygon points="{outline}" fill="none" stroke="{colour}" '
                     f'stroke-width="2"{dash_attr}/>')
        parts.extend(_marker(shape, x, y, colour) for x, y in points)
    parts.extend(_legend(series, x=20, y=size + 4))
    parts.append("</svg>")
    # Safe: the markup holds formatted numbers and escaped text only.
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308  # nosec


def line_svg(dates: list[str], values: list, *, low: int, high: int, title: str):
    """A line over time: one point per rating (e.g. the mean), labelled with its value."""
    width, height, left, right, top, bottom = 560, 260, 40, 20, 20, 50
    if not dates:
        return ""
    plot_w, plot_h = width - left - right, height - top - bottom

    def x_of(i):
        return left + (plot_w * i / (len(dates) - 1) if len(dates) > 1 else plot_w / 2)

    def y_of(v):
        return top + plot_h * (1 - (v - low) / (high - low))

    parts = [format_html('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {} {}" '
                         'role="img" aria-labelledby="line-title" class="chart">'
                         '<title id="line-title">{}</title>', width, height, title)]
    for step in range(low, high + 1):
        y = y_of(step)
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" '
                     f'stroke="#e0e0e0"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4:.1f}" font-size="11" '
                     f'text-anchor="end">{step}</text>')
    points = [(x_of(i), y_of(v), v) for i, v in enumerate(values) if v is not None]
    if len(points) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#1f4e79" '
                     f'stroke-width="2"/>')
    for x, y, v in points:
        parts.append(_marker("circle", x, y, "#1f4e79"))
        parts.append(f'<text x="{x:.1f}" y="{y - 9:.1f}" font-size="11" '
                     f'text-anchor="middle">{number_format(v, 1)}</text>')
    for i, label in enumerate(dates):
        parts.append(f'<text x="{x_of(i):.1f}" y="{height - bottom + 18}" font-size="11" '
                     f'text-anchor="middle">{escape(label)}</text>')
    parts.append("</svg>")
    # Safe: the markup holds formatted numbers and escaped text only.
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308  # nosec
