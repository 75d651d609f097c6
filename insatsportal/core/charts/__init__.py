"""Every chart in the service, server-side SVG without JavaScript or inline styles.

Bars (`bar_chart`) are geometry drawn by core/_chart.html with a data table from the same
figures; the ratings' radar and line (`radar_svg`, `line_svg`) are markup. Coordinates are
always written with a decimal point (`coord`), whatever the interface language.
"""

from insatsportal.core.charts.bars import Bar, Chart, bar_chart
from insatsportal.core.charts.ratings import Series, line_svg, radar_svg
from insatsportal.core.charts.text import (
    HIDDEN,
    Label,
    coord,
    fit_label,
    one_decimal,
    short_kronor,
    signed_text,
)

__all__ = ["HIDDEN", "Bar", "Chart", "Label", "Series", "bar_chart", "coord", "fit_label",
           "line_svg", "one_decimal", "radar_svg", "short_kronor", "signed_text"]
