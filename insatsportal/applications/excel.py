"""The budget as an .xlsx laid out like the förbund's template, and back.

Column K (hidden) names each row, so the reader finds the rows even when the
applicant adds rows or edits labels; totals are formulas and are never read.
"""

import datetime
import io
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, PatternFill

from insatsportal.applications import budget as b
from insatsportal.core import uploads
from insatsportal.core.exporter import Formula, sheet_set, unescape_cell
from insatsportal.organisations.models import Member
from insatsportal.organisations.selectors import member_resolve

KRONOR = '#,##0 "kr"'
PERCENT = "0%"
DATE = "yyyy-mm-dd"
AMOUNT_COLUMNS = "EFGHI"  # owner columns 0–4
TOTAL_COLUMN = "J"
KEY_COLUMN = "K"
YEAR_COLUMNS = "BCDE"
SALARY_ROWS_MIN = {b.ASSOCIATION: 5, b.CO_FINANCING: 3}
FREE_ROWS_MIN = {b.PREMISES: 2, b.OTHER: 3}
BOLD = Font(bold=True)
HEADING = Font(bold=True, size=12)
INPUT = PatternFill("solid", fgColor="FFF2CC")  # "Fyll i färgmarkerade fält"


class BudgetFileError(ValueError):
    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


# --- Writing ---------------------------------------------------------------------

class _Sheet:
    def __init__(self, ws):
        self.ws = ws
        self.row = 0

    def next(self, label="", key="", font=None):
        self.row += 1
        if label:
            sheet_set(self.ws, f"A{self.row}", label)
            if font:
                self.ws[f"A{self.row}"].font = font
        if key:
            sheet_set(self.ws, f"{KEY_COLUMN}{self.row}", key)
        return self.row

    def put(self, cell, value, number_format=None, fill=True, font=None):
        sheet_set(self.ws, cell, value)
        if number_format:
            self.ws[cell].number_format = number_format
        if fill:
            self.ws[cell].fill = INPUT
        if font:
            self.ws[cell].font = font

    def amounts(self, row, amounts):
        for column, amount in zip(AMOUNT_COLUMNS, amounts, strict=True):
            self.put(f"{column}{row}", int(amount), KRONOR)
        self.formula(TOTAL_COLUMN, row, f"=SUM(E{row}:I{row})")

    def formula(self, column, row, formula, font=None):
        self.put(f"{column}{row}", Formula(formula), KRONOR, fill=False, font=font)

    def sum_row(self, label, key, rows: list[int], font=BOLD):
        row = self.next(label, key, font)
        for column in AMOUNT_COLUMNS + TOTAL_COLUMN:
            cells = ",".join(f"{column}{r}" for r in rows) or "0"
            self.formula(column, row, f"=SUM({cells})", font=font)
        return row


def budget_to_xlsx(*, name: str, planned_start, planned_end, data: b.BudgetData) -> bytes:
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Budget"
    sheet = _Sheet(ws)
    row = sheet.next(_("Detailed budget"), "title", HEADING)
    sheet_set(ws, f"B{row}", name)
    row = sheet.next(_("Period of the intervention"), "period")
    sheet.put(f"C{row}", planned_start, DATE, fill=False)
    sheet.put(f"D{row}", planned_end, DATE, fill=False)
    sheet.next()
    funding_totals = {}
    for funding in b.FUNDINGS:
        funding_totals[funding] = _write_funding(sheet, data, funding)
        sheet.next()
    row = sheet.next(_("Total cost of the intervention"), "grand_total", BOLD)
    for column in AMOUNT_COLUMNS + TOTAL_COLUMN:
        sheet.formula(column, row, "=" + "+".join(
            f"{column}{funding_totals[f]}" for f in b.FUNDINGS), font=BOLD)
    sheet.next()
    _write_years(sheet, data)
    sheet.next()
    _write_summary(sheet, data, funding_totals)
    ws.column_dimensions["A"].width = 52
    for column in "BCD":
        ws.column_dimensions[column].width = 13
    for column in AMOUNT_COLUMNS + TOTAL_COLUMN:
        ws.column_dimensions[column].width = 17
    ws.column_dimensions[KEY_COLUMN].hidden = True
    ws.freeze_panes = "B7"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_funding(sheet: _Sheet, data: b.BudgetData, funding: str) -> int:
    ws = sheet.ws
    title = (_("Costs to requisition from the förbund") if funding == b.ASSOCIATION
             else _("Co-financing"))
    sheet.next(title, f"section:{funding}", HEADING)
    row = sheet.next(_("Costs in kronor"), "header", BOLD)
    for column, text in zip("BCD", (_("Share of full time"), _("From"), _("To")), strict=True):
        sheet_set(ws, f"{column}{row}", text)
        ws[f"{column}{row}"].font = BOLD
    for column, label in zip(AMOUNT_COLUMNS, b.OWNER_LABELS, strict=True):
        sheet_set(ws, f"{column}{row}", str(label))
        ws[f"{column}{row}"].font = BOLD
    sheet_set(ws, f"{TOTAL_COLUMN}{row}", _("All owners"))
    ws[f"{TOTAL_COLUMN}{row}"].font = BOLD
    if funding == b.ASSOCIATION:
        row = sheet.next(_("Owner"), "owners")
        for column in AMOUNT_COLUMNS:
            sheet.put(f"{column}{row}", None)
        for owner in data.owners:
            sheet_set(ws, f"{AMOUNT_COLUMNS[owner.position]}{row}", owner.member)
        row = sheet.next(_("Note"), "owner_labels")
        for column in AMOUNT_COLUMNS:
            sheet.put(f"{column}{row}", None)
        for owner in data.owners:
            sheet_set(ws, f"{AMOUNT_COLUMNS[owner.position]}{row}", owner.label or None)
    section_rows = []
    # Salary rows.
    sheet.next(_("Salary costs incl. social fees"), "", BOLD)
    salary = data.rows(funding, b.SALARY)
    rows = []
    for index in range(max(len(salary), SALARY_ROWS_MIN[funding])):
        line = salary[index] if index < len(salary) else b.Line(funding, b.SALARY)
        row = sheet.next("", "salary_row")
        rows.append(row)
        sheet.put(f"A{row}", line.title or None)
        sheet.put(f"B{row}", float(line.percent) / 100 if line.percent is not None else None,
                  PERCENT)
        sheet.put(f"C{row}", line.period_from, DATE)
        sheet.put(f"D{row}", line.period_to, DATE)
        sheet.amounts(row, line.amounts)
    section_rows.append(sheet.sum_row(_("Total salary costs"), "sum", rows))
    sheet_set(ws, f"B{section_rows[-1]}", Formula(f"=SUM({','.join(f'B{r}' for r in rows)})"))
    ws[f"B{section_rows[-1]}"].number_format = PERCENT
    for section, categories, heading, total_label in (
        (b.PREMISES, b.PREMISES_CATEGORIES, _("Premises costs"), _("Total premises costs")),
        (b.OTHER, b.OTHER_CATEGORIES, _("Other costs"), _("Total other costs")),
    ):
        sheet.next(heading, "", BOLD)
        rows = []
        for key, label in categories:
            row = sheet.next(str(label), key)
            rows.append(row)
            sheet.amounts(row, data.category_line(funding, key).amounts)
        if funding == b.CO_FINANCING:
            free = data.free_rows(funding, section)
            for index in range(max(len(free), FREE_ROWS_MIN[section])):
                line = free[index] if index < len(free) else b.Line(funding, section)
                row = sheet.next("", f"free_{section}")
                rows.append(row)
                sheet.put(f"A{row}", line.title or None)
                sheet.amounts(row, line.amounts)
        section_rows.append(sheet.sum_row(total_label, "sum", rows))
    total_label = (_("Total from the förbund") if funding == b.ASSOCIATION
                   else _("Total co-financing"))
    return sheet.sum_row(total_label, f"total:{funding}", section_rows)


def _write_years(sheet: _Sheet, data: b.BudgetData) -> None:
    ws = sheet.ws
    sheet.next(_("Budget per year (from the förbund)"), "years", HEADING)
    row = sheet.next("", "", BOLD)
    for index, column in enumerate(YEAR_COLUMNS, start=1):
        sheet_set(ws, f"{column}{row}", _("Year %(number)s") % {"number": index})
        ws[f"{column}{row}"].font = BOLD
    years = {y.index: y for y in data.years}
    rows = {}
    for key, label in (("year", _("Calendar year")), ("year_salary", _("Salary costs")),
                       ("year_premises", _("Premises costs")), ("year_other", _("Other costs"))):
        rows[key] = row = sheet.next(label, key)
        for index, column in enumerate(YEAR_COLUMNS, start=1):
            year = years.get(index)
            if key == "year":
                sheet.put(f"{column}{row}", year.year if year and year.year else None)
            else:
                value = getattr(year, key.removeprefix("year_")) if year else None
                sheet.put(f"{column}{row}", int(value) if year else None, KRONOR)
    row = sheet.next(_("Total"), "year_total", BOLD)
    for column in YEAR_COLUMNS:
        sheet.formula(column, row, "=SUM({0}{1},{0}{2},{0}{3})".format(
            column, rows["year_salary"], rows["year_premises"], rows["year_other"]), font=BOLD)


def _write_summary(sheet: _Sheet, data: b.BudgetData, funding_totals: dict) -> None:
    ws = sheet.ws
    sheet.next(_("Budget summary"), "summary", HEADING)
    row = sheet.next(_("Owner"), "", BOLD)
    headers = (_("Organisation"), _("From the förbund"), _("Co-financing"), _("Total"),
               _("Stated from the förbund"), _("Stated co-financing"))
    for column, text in zip("BCDEFG", headers, strict=True):
        sheet_set(ws, f"{column}{row}", text)
        ws[f"{column}{row}"].font = BOLD
    first = None
    for position, label in enumerate(b.OWNER_LABELS):
        owner = data.owner(position)
        row = sheet.next(str(label), f"summary_{position}")
        first = first or row
        source = AMOUNT_COLUMNS[position]
        sheet_set(ws, f"B{row}", owner.member if owner else None)
        sheet.formula("C", row, f"={source}{funding_totals[b.ASSOCIATION]}")
        sheet.formula("D", row, f"={source}{funding_totals[b.CO_FINANCING]}")
        sheet.formula("E", row, f"=C{row}+D{row}")
        for column, value in (("F", owner.stated_association if owner else None),
                              ("G", owner.stated_co_financing if owner else None)):
            sheet.put(f"{column}{row}", int(value) if value is not None else None, KRONOR)
    row = sheet.next(_("Sum"), "summary_sum", BOLD)
    for column in "CDE":
        sheet.formula(column, row, f"=SUM({column}{first}:{column}{row - 1})", font=BOLD)
    row = sheet.next(_("Stated total from the förbund"), "stated_total")
    sheet.put(f"C{row}", int(data.stated_total) if data.stated_total is not None else None,
              KRONOR)


# --- Reading ---------------------------------------------------------------------

def _text(value) -> str:
    """A text cell as the user wrote it: the export's escape of = + - @ taken off."""
    return str(unescape_cell(value) or "").strip()


@dataclass
class _Reader:
    errors: list[str]

    def fail(self, cell, message: str) -> None:
        self.errors.append(_("Cell %(cell)s: %(message)s") % {"cell": cell.coordinate,
                                                              "message": message})

    def amount(self, cell) -> Decimal:
        value = cell.value
        if isinstance(value, str) and value.startswith("="):
            return b.ZERO  # a formula of the template: the total is computed, never read
        try:
            return b.parse_amount(value)
        except (b.AmountError, ValueError):
            self.fail(cell, _("“%(value)s” is not an amount") % {"value": value})
            return b.ZERO

    def optional_amount(self, cell) -> Decimal | None:
        return None if cell.value in (None, "") else self.amount(cell)

    def percent(self, cell) -> Decimal | None:
        value = cell.value
        try:
            if isinstance(value, int | float) and "%" in (cell.number_format or ""):
                return b.parse_percent(Decimal(repr(value)) * 100)
            return b.parse_percent(value)
        except (b.AmountError, ValueError):
            self.fail(cell, _("“%(value)s” is not a percentage") % {"value": value})
            return None

    def date(self, cell) -> datetime.date | None:
        value = cell.value
        try:
            if isinstance(value, int | float) and not isinstance(value, bool):
                value = str(int(value))  # 220101 typed as a number
            return b.parse_date(value)
        except (b.AmountError, ValueError):
            self.fail(cell, _("“%(value)s” is not a date") % {"value": value})
            return None

    def member(self, cell) -> str:
        text = _text(cell.value)
        member = Member.objects.filter(name=text).first() or member_resolve(text)
        if member is None:
            self.fail(cell, _("“%(value)s” is not a member of the förbund") % {"value": text})
            return ""
        return member.name

    def year(self, cell) -> int | None:
        value = cell.value
        if value in (None, ""):
            return None
        try:
            year = int(str(value).strip().removesuffix(".0"))
        except ValueError:
            year = 0
        if not 1990 <= year <= 2100:
            self.fail(cell, _("“%(value)s” is not a year") % {"value": value})
            return None
        return year


def budget_from_xlsx(file) -> b.BudgetData:
    """Read a filled-in template; raises BudgetFileError listing every unreadable cell."""
    try:
        uploads.xlsx_check(file)
    except ValidationError as exc:
        raise BudgetFileError(exc.messages) from exc
    try:
        workbook = load_workbook(file, data_only=False, read_only=False)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise BudgetFileError([_("The file is not an Excel file (.xlsx).")]) from exc
    ws = workbook.active
    read = _Reader(errors=[])
    funding = None
    owners: dict[int, dict] = {}
    lines: list[b.Line] = []
    years: dict[int, dict] = {}
    stated: dict[int, dict] = {}
    stated_total = None
    seen_keys = set()
    for row in range(1, ws.max_row + 1):
        key = ws[f"{KEY_COLUMN}{row}"].value
        if not key:
            continue
        seen_keys.add(key)
        if key.startswith("section:"):
            funding = key.removeprefix("section:")
        elif key == "owners":
            for position, column in enumerate(AMOUNT_COLUMNS):
                cell = ws[f"{column}{row}"]
                if cell.value not in (None, ""):
                    owners.setdefault(position, {})["member"] = read.member(cell)
        elif key == "owner_labels":
            for position, column in enumerate(AMOUNT_COLUMNS):
                value = ws[f"{column}{row}"].value
                if value not in (None, ""):
                    owners.setdefault(position, {})["label"] = _text(value)
        elif key == "salary_row" and funding:
            lines.append(b.Line(
                funding=funding, section=b.SALARY, title=_text(ws[f"A{row}"].value),
                percent=read.percent(ws[f"B{row}"]), period_from=read.date(ws[f"C{row}"]),
                period_to=read.date(ws[f"D{row}"]),
                amounts=tuple(read.amount(ws[f"{c}{row}"]) for c in AMOUNT_COLUMNS),
            ))
        elif key in b.CATEGORY_SECTION and funding:
            lines.append(b.Line(
                funding=funding, section=b.CATEGORY_SECTION[key], category=key,
                amounts=tuple(read.amount(ws[f"{c}{row}"]) for c in AMOUNT_COLUMNS),
            ))
        elif key.startswith("free_") and funding:
            lines.append(b.Line(
                funding=funding, section=key.removeprefix("free_"),
                title=_text(ws[f"A{row}"].value),
                amounts=tuple(read.amount(ws[f"{c}{row}"]) for c in AMOUNT_COLUMNS),
            ))
        elif key == "year" or key.startswith("year_") and key != "year_total":
            for index, column in enumerate(YEAR_COLUMNS, start=1):
                cell = ws[f"{column}{row}"]
                if key == "year":
                    years.setdefault(index, {})["year"] = read.year(cell)
                else:
                    years.setdefault(index, {})[key.removeprefix("year_")] = read.amount(cell)
        elif key.startswith("summary_") and key != "summary_sum":
            position = int(key.removeprefix("summary_"))
            stated[position] = {"stated_association": read.optional_amount(ws[f"F{row}"]),
                                "stated_co_financing": read.optional_amount(ws[f"G{row}"])}
        elif key == "stated_total":
            stated_total = read.optional_amount(ws[f"C{row}"])
    if not {"section:association", "owners"} <= seen_keys:
        raise BudgetFileError([_(
            "The file does not follow the förbund's budget template; download the template "
            "from the application and fill it in."
        )])
    if read.errors:
        raise BudgetFileError(read.errors)
    return b.budget_normalised(b.BudgetData(
        owners=tuple(
            b.Owner(position=position, member=values.get("member", ""),
                    label=values.get("label", ""), **stated.get(position, {}))
            for position, values in sorted(owners.items())
        ),
        lines=tuple(lines),
        years=tuple(
            b.YearRow(index=index, year=values.get("year"), salary=values.get("salary", b.ZERO),
                      premises=values.get("premises", b.ZERO), other=values.get("other", b.ZERO))
            for index, values in sorted(years.items())
        ),
        stated_total=stated_total,
    ))
