"""The one chart module: what a reader of the charts would notice if it went wrong."""

import re
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation

from insatsportal.core import charts
from insatsportal.core.calendar import quarter_label, quarters_between

NUMBER_ATTRS = re.compile(
    r'\s(?:x|y|x1|y1|x2|y2|cx|cy|r|width|height|dy|points|viewBox|transform)="([^"]*)"')


def _render(chart, chart_id="t"):
    with translation.override("sv"):
        return render_to_string("core/_chart.html", {"chart": chart, "chart_id": chart_id})


def _decimal_commas(svg):
    """Attribute values with a decimal comma ('115,0'); a points list's 'x.y,x.y' is fine."""
    pairs = re.compile(r"-?\d+(?:\.\d+)?,-?\d+(?:\.\d+)?")
    values = NUMBER_ATTRS.findall(svg)
    assert values
    return [v for v in values if re.search(r"\d,\d", pairs.sub("", v) if "." in v else v)
            and not all(pairs.fullmatch(p) and p.count(".") == 2 for p in v.split())]


def test_it_writes_every_coordinate_with_a_dot_in_swedish():
    chart = charts.bar_chart("T", ["a", "b"], [("x", [Decimal("2.5"), -1]), ("y", [3, None])],
                             signed=True)
    html = _render(chart)
    assert _decimal_commas(html) == []
    assert 'y1="' + chart.zero_y + '"' in html and "." in chart.zero_y


def test_it_writes_radar_and_line_points_with_dots_and_the_table_s_rounding():
    with translation.override("sv"):
        radar = charts.radar_svg(["Hälsa", "Vardag", "Tro på arbete"],
                                 [charts.Series("Första", [Decimal("2.5"), 3, 4])],
                                 low=1, high=5, title="t")
        line = charts.line_svg(["2024-01-20", "2024-04-20"],
                               [charts.one_decimal(Decimal("2.05")), Decimal("4")],
                               low=1, high=5, title="t")
    assert _decimal_commas(radar) == [] and _decimal_commas(line) == []
    # 2.05 is 2,1 in the table (rounded half up once); the chart writes the same.
    assert ">2,1<" in line and ">2,0<" not in line


def test_it_says_no_data_instead_of_drawing_zeros():
    html = _render(charts.bar_chart("Deltagare per kvartal", ["2024 kv1", "2024 kv2"],
                                    [("Nya", [0, 0]), ("Utskrivna", [0, 0])]))
    assert "Inga data att visa ännu." in html and "<svg" not in html
    assert "Deltagare per kvartal" in html


def test_it_keeps_the_table_when_every_figure_is_hidden():
    html = _render(charts.bar_chart("T", ["a"], [("x", [None])]))
    assert "<svg" not in html and "Alla siffror är dolda" in html
    assert '<td class="num">–</td>' in html


def test_the_table_shows_the_figures_the_bars_are_labelled_with():
    chart = charts.bar_chart("T", ["a", "b"], [("x", [1234567, 0])])
    assert chart.table == [("a", ["1\xa0234\xa0567"]), ("b", ["0"])]
    assert [bar.label for bar in chart.bars] == ["1\xa0234\xa0567", "0"]


def test_long_category_labels_wrap_and_are_abbreviated_with_their_full_text_in_a_title():
    name = "En väg in – steget vidare med ett mycket långt namn på insatsen"
    chart = charts.bar_chart("T", [name, "Kort", "Tre", "Fyra"], [("x", [1, 2, 3, 4])])
    first = chart.axis_labels[0]
    assert first.abbreviated and first.lines[-1].endswith("…") and len(first.lines) == 2
    html = _render(chart)
    assert f"<title>{name}</title>" in html.replace("&ndash;", "–")
    assert "Kort" in html and not chart.axis_labels[1].abbreviated


def test_many_categories_get_slanted_labels_that_do_not_overlap():
    categories = [f"Indikatornamn {n}" for n in range(22)]
    chart = charts.bar_chart("T", categories, [("x", list(range(1, 23)))], signed=True)
    assert all(label.angle for label in chart.axis_labels)
    assert all(len(label.lines) == 1 for label in chart.axis_labels)
    assert 'transform="rotate(-50 ' in _render(chart)
    # The first slanted label leans left: the plot starts far enough in for it.
    first = chart.axis_labels[0]
    reach = len(first.lines[0]) * 11 * 0.62 * 0.643
    assert float(first.x) - reach >= -20


def test_a_value_label_too_wide_for_its_bar_goes_into_the_bar_s_title_only():
    chart = charts.bar_chart("T", [str(n) for n in range(12)],
                             [("a", [1_000_000] * 12), ("b", [2_000_000] * 12)])
    assert not any(bar.label_fits for bar in chart.bars)
    html = _render(chart)
    assert "<title>1\xa0000\xa0000</title>" in html


def test_legend_entries_never_overlap_and_wrap_to_a_new_row():
    labels = ["Beviljat enligt beslut", "Utbetalt (godkänt)", "Budget (plan)",
              "Ansökningar under beredning"]
    chart = charts.bar_chart("T", ["a"], [(label, [1]) for label in labels])
    rows = {}
    for item in chart.legend:
        rows.setdefault(item.y, []).append(item)
    assert len(rows) >= 2
    for row in rows.values():
        for left, right in zip(row, row[1:], strict=False):
            assert float(left.text_x) + len(left.label) * 11 * 0.62 <= float(right.x)
        last = row[-1]
        assert float(last.text_x) + len(last.label) * 11 * 0.62 <= chart.width


def test_radar_labels_wrap_inside_the_picture():
    label = "Personalens tro på deltagarens förmåga"
    svg = charts.radar_svg([label, "Hälsa", "Vardag", "Tro på arbete", "Samarbete"],
                           [charts.Series("x", [3, 3, 3, 3, 3])], low=1, high=5, title="t")
    assert "onalens tro" not in svg.replace("Personalens tro", "")
    for x, anchor, text in re.findall(
            r'<text x="([\d.]+)" y="[\d.]+" font-size="12" text-anchor="(\w+)">(.*?)</text>', svg):
        longest = max(len(t) for t in re.findall(r"<tspan[^>]*>(.*?)</tspan>", text))
        width = longest * 12 * 0.62
        if anchor == "end":
            assert float(x) - width >= 0
        elif anchor == "start":
            assert float(x) + width <= 640


def test_the_period_axis_follows_the_intervention_and_writes_quarters_one_way():
    import datetime

    quarters = quarters_between(datetime.date(2025, 11, 3), datetime.date(2026, 7, 1))
    assert quarters == [(2025, 4), (2026, 1), (2026, 2), (2026, 3)]
    with translation.override("sv"):
        assert quarter_label(2026, 3) == "2026 kv3"
