"""One exporter for every spreadsheet the system writes: row generators -> .xlsx or .csv,
and `sheet_set` for laid-out workbooks (the budget template).

Text cells that a spreadsheet would run as a formula (starting with = + - @, a tab, a
carriage return, a newline or NUL) are escaped with a leading apostrophe; control
characters that .xlsx cannot hold are dropped. Numbers stay numbers; only a `Formula` the
system writes itself is kept as a formula.
"""

import csv
import io
import re
from collections.abc import Iterable
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\x00")
# What XML 1.0 cannot hold (openpyxl refuses a cell with any of it); tab, CR and LF can.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class Formula(str):
    """A formula written by the system (a template's totals), never from user text."""


def escape_cell(value):
    """A cell value that no spreadsheet runs as a formula."""
    if isinstance(value, Formula) or not isinstance(value, str):
        return value
    text = _CONTROL.sub("", value)
    if value.startswith(FORMULA_STARTS) or text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def unescape_cell(value):
    """The text escape_cell was given, for a workbook the system wrote and reads back."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(
            FORMULA_STARTS):
        return value[1:]
    return value


def _xlsx_value(value):
    if isinstance(value, Decimal) and value == value.to_integral():
        return int(value)
    return escape_cell(value)


def sheet_set(ws, coordinate: str, value):
    """Write one cell of an openpyxl sheet through the escape; returns the cell."""
    cell = ws[coordinate]
    cell.value = _xlsx_value(value)
    return cell


class Exporter:
    """Subclasses give a file name, headers and rows (lists of str, int or Decimal)."""

    filename = "export"
    sheet_title = "Export"

    def headers(self) -> list[str]:
        raise NotImplementedError

    def rows(self) -> Iterable[list]:
        raise NotImplementedError

    def _table(self):
        yield [escape_cell(str(h)) for h in self.headers()]
        for row in self.rows():
            yield [escape_cell(cell) for cell in row]

    def to_csv(self) -> bytes:
        """Semicolon-separated UTF-8 with a byte-order mark, as Swedish Excel opens it."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        for row in self._table():
            writer.writerow(["" if c is None else c for c in row])
        return ("\ufeff" + buffer.getvalue()).encode("utf-8")

    def to_xlsx(self) -> bytes:
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = self.sheet_title[:31]
        for row in self._table():
            sheet.append([_xlsx_value(c) for c in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
