"""One exporter base for every table the system exports: row generators -> .xlsx or .csv.

Text cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or
carriage return) are escaped with a leading apostrophe. Numbers stay numbers.
"""

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value):
    """A cell value that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


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
            sheet.append([int(c) if isinstance(c, Decimal) and c == c.to_integral() else c
                          for c in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        return buffer.getvalue()
