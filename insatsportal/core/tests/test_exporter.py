import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from insatsportal.core.exporter import Exporter, Formula, escape_cell, unescape_cell


class Sample(Exporter):
    def headers(self):
        return ["Namn", "Belopp"]

    def rows(self):
        yield ["=HYPERLINK(\"http://x\")", Decimal(1200)]
        yield ["+46 70", -5]
        yield ["-1+2", Decimal(0)]
        yield ["@SUM(A1)", None]
        yield ["Vanlig text", 3]


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx", "\n=1+1"])
def test_it_escapes_text_that_a_spreadsheet_would_run(text):
    assert escape_cell(text) == "'" + text


def test_a_nul_start_is_escaped_and_control_characters_dropped():
    assert escape_cell("\x00=1+1") == "'=1+1"
    assert escape_cell("a\x00b\x1b") == "ab"


def test_the_systems_own_formula_is_kept_and_escaped_text_reads_back():
    assert escape_cell(Formula("=SUM(A1:A3)")) == "=SUM(A1:A3)"
    assert unescape_cell(escape_cell("=1+1")) == "=1+1"
    assert unescape_cell("'ok") == "'ok"


def test_hostile_text_in_every_position_comes_out_escaped_in_both_formats():
    class Hostile(Exporter):
        def headers(self):
            return ["=Rubrik", "Belopp"]

        def rows(self):
            yield ["\n=cmd|' /C calc'!A0", Decimal(-5)]
            yield ["\x00@SUM(1)", -1.5]

    rows = list(csv.reader(io.StringIO(Hostile().to_csv().decode("utf-8-sig")), delimiter=";"))
    assert [row[0] for row in rows] == ["'=Rubrik", "'\n=cmd|' /C calc'!A0", "'@SUM(1)"]
    assert [row[1] for row in rows[1:]] == ["-5", "-1.5"]
    sheet = load_workbook(io.BytesIO(Hostile().to_xlsx())).active
    values = list(sheet.iter_rows(values_only=True))
    assert [v[0] for v in values] == ["'=Rubrik", "'\n=cmd|' /C calc'!A0", "'@SUM(1)"]
    assert [v[1] for v in values[1:]] == [-5, -1.5]


def test_it_leaves_plain_text_and_numbers_alone():
    assert escape_cell("Knivsta kommun") == "Knivsta kommun"
    assert escape_cell(-5) == -5
    assert escape_cell(Decimal(-5)) == Decimal(-5)


def test_csv_cells_are_escaped():
    text = Sample().to_csv().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert [row[0] for row in rows[1:]] == ["'=HYPERLINK(\"http://x\")", "'+46 70", "'-1+2",
                                            "'@SUM(A1)", "Vanlig text"]


def test_xlsx_cells_are_escaped_and_numbers_stay_numbers():
    sheet = load_workbook(io.BytesIO(Sample().to_xlsx())).active
    values = [row for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert [v[0] for v in values] == ["'=HYPERLINK(\"http://x\")", "'+46 70", "'-1+2",
                                      "'@SUM(A1)", "Vanlig text"]
    assert values[0][1] == 1200 and values[1][1] == -5
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
