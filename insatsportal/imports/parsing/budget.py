"""The detailed budget, the per-year table and the summary: rows, totals and checks."""

from __future__ import annotations

import re

from .budget_rows import (
    CATEGORIES,
    SUBTOTALS,
    Row,
    is_continuation,
    match_label,
    owner_split,
    parse_row,
)
from .numbers import format_amount, parse_amount, split_amount_groups
from .parties import Resolver, resolve_org
from .result import Collector
from .text import fold

_UNIT_RE = re.compile(r"Kostnader\s+i\s+(?P<unit>[a-zA-Z]{2,4})\b", re.IGNORECASE)
_YEAR_HEAD_RE = re.compile(r"\b[AÅÄ]R\s?(\d)\b", re.IGNORECASE)
_ORG_RE = re.compile(
    r"[A-ZÅÄÖ]\w+s? [Kk]ommun|Region \w+|Arbetsf\w+rmedlingen|F\w+rs\w+kringskassan|\bAF\b|\bFK\b"
)


def empty_budget() -> dict:
    return {
        "from_association_total": None,
        "co_financing_total": None,
        "total": None,
        "salary_lines": [],
        "per_year": [],
    }


def _is_tkr(unit: str | None) -> bool:
    # OCR reads "tkr" as "thr", "lkr", "tkr."; plain "kr" means kronor.
    return bool(unit) and len(unit) == 3 and unit.lower().endswith(("kr", "hr"))


def _owner_names(header: str, resolver: Resolver | None) -> list[str]:
    names: list[str] = []
    cells = header.split("\t") if "\t" in header else _ORG_RE.findall(header)
    for cell in cells:
        cell = cell.strip()
        if not cell or fold(cell) in ("namn", "") or "insats" in fold(cell):
            continue
        if not _ORG_RE.search(cell) and not (resolver and resolver(cell, None)):
            continue
        name = resolve_org(cell, None, resolver) or cell
        if name not in names:
            names.append(name)
    return names


class BudgetReader:
    def __init__(self, text: str, resolver: Resolver | None, out: Collector) -> None:
        self.lines = text.split("\n")
        self.resolver = resolver
        self.out = out
        self.budget = empty_budget()
        self.rows: list[dict] = []
        self.subtotals: dict[str, dict] = {}
        self.owners: list[str] = []
        self.units: list[tuple[str, int]] = []  # (unit, line number)
        self.summary: list[dict] = []
        self.per_year_rows: dict[str, list[int | None]] = {}

    # -- walking the tables -------------------------------------------------------------
    def read(self) -> dict:
        lines = self.lines
        for i, line in enumerate(lines):
            unit = _UNIT_RE.search(line)
            if unit:
                self.units.append((unit.group("unit"), i))
        start = next((i for i, ln in enumerate(lines) if "rekvirera" in fold(ln)), 0)
        salary_start = next(
            (i for i, ln in enumerate(lines) if i > start and "lonekostnader" in fold(ln)), start
        )
        self.owners = _owner_names("\n".join(lines[start:salary_start + 1]), self.resolver)
        self.owners = self.owners or ["insatsägare"]
        year_line = next((i for i, ln in enumerate(lines) if len(_YEAR_HEAD_RE.findall(ln)) >= 2),
                         None)
        summary_line = next(
            (i for i, ln in enumerate(lines) if fold(ln).startswith("budgetsammanst")), None
        )
        detail_end = min(x for x in (year_line, summary_line, len(lines)) if x is not None)
        self._read_detail(lines[salary_start:detail_end])
        if year_line is not None:
            self._read_per_year(lines, year_line)
        if summary_line is not None:
            self._read_summary(lines[summary_line:])
        return self.budget

    def _grouped_rows(self, lines: list[str]) -> list[Row]:
        rows: list[Row] = []
        pending = ""
        for line in [ln for ln in lines if ln.strip()]:
            if is_continuation(line) and rows:
                rows[-1].values += parse_row(line).values
                rows[-1].continued = True
                continue
            if pending and re.match(r"^\s*[a-zåäö]", line):
                line = pending + " " + line  # a label wrapped onto the next line
            elif pending:
                rows.append(parse_row(pending))
            pending = ""
            row = parse_row(line)
            if not row.values and row.fte_percent is None and "\t" not in line:
                pending = line.strip()
                continue
            if not row.label and row.fte_percent is None:
                continue  # a stray "0" left by an empty OCR'd column
            rows.append(row)
        if pending:
            rows.append(parse_row(pending))
        return rows

    def _read_detail(self, lines: list[str]) -> None:
        section = "association"
        for row in self._grouped_rows(lines):
            folded = fold(row.label)
            if folded.startswith("egenfinansiering"):
                section = "co_financing"
                continue
            subtotal = match_label(row.label, SUBTOTALS)
            amounts, total = owner_split(row, len(self.owners))
            if subtotal:
                key = subtotal if subtotal in ("association_total", "co_financing_total",
                                               "grand_total") else f"{section}.{subtotal}"
                self.subtotals[key] = {"total": total, "owners": amounts,
                                       "fte_percent": row.fte_percent, "source": row.text}
                self._check_row(row, amounts, total)
                continue
            category = match_label(row.label, CATEGORIES)
            salary = re.match(r"^\s*\d{1,2}\s?[.,]?\s+\S", row.label) or (
                row.fte_percent is not None and category is None
            )
            if salary and category is None:
                title = re.sub(r"^\s*\d{1,2}\s?[.,]?\s*", "", row.label).strip()
                if not title:
                    continue  # an empty numbered line of the template
                category = "salary"
            elif category is None:
                if "kostnader" in folded or not row.values:
                    continue  # a group heading such as "Lokalkostnader"
                category = "other"
                title = row.label
            else:
                title = CATEGORIES[category][0]  # the template's wording, not OCR's
            self._check_row(row, amounts, total)
            self.rows.append({
                "section": section,
                "category": category,
                "label": title,
                "fte_percent": row.fte_percent,
                "period_start": row.period_start,
                "period_end": row.period_end,
                "owners": dict(zip(self.owners, amounts, strict=False)),
                "amount": total,
                "source": row.text.strip(),
            })

    def _check_row(self, row: Row, amounts: list[int | None], total: int | None) -> None:
        known = [a for a in amounts if a is not None]
        if total is None or len(self.owners) < 2 or not known:
            return
        if sum(known) != total and sum(row.values[:-1]) != total:
            self.out.warn("budget", f"Raden ”{row.label}”: kolumnerna per insatsägare "
                          f"({' + '.join(format_amount(a) for a in known)}) blir inte "
                          f"totalen {format_amount(total)} kr.")

    def _read_per_year(self, lines: list[str], head: int) -> None:
        years: list[int | None] = []
        for line in lines[head : head + 3]:
            for token in re.findall(r"\b20(?:\d\d|XX)\b", line, re.IGNORECASE):
                years.append(int(token) if token.isdigit() else None)
            if years:
                break
        real = [y for y in years if y]
        for line in lines[head + 1 : head + 14]:
            label_match = re.match(r"^\s*([A-ZÅÄÖa-zåäö. ]+?)\s*(?=\t|\d|$)", line)
            if not label_match or not label_match.group(1).strip():
                continue
            key = fold(label_match.group(1))
            rest = line[label_match.end():]
            if "\t" in line:
                values = [parse_amount(c) for c in rest.split("\t")]
                values = [v for v in values if v is not None]
            else:
                values = split_amount_groups(rest, expected=len(real) or None) or []
            if key.startswith("totalt"):
                self.per_year_rows["total"] = values
                for year, value in zip(real, values, strict=False):
                    n = len(self.budget["per_year"])
                    self.budget["per_year"].append({"year": year, "total": value})
                    self.out.found(f"budget.per_year[{n}]", value, line)
                break
            if values:
                self.per_year_rows[key] = values

    def _read_summary(self, lines: list[str]) -> None:
        for line in lines:
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) < 4:
                continue
            values = [parse_amount(c) if re.fullmatch(r"[\d\s]+", c) else None for c in cells[1:4]]
            if any(v is None for v in values) or fold(cells[0]) in ("namn", ""):
                continue
            owner = "Summa" if fold(cells[0]).startswith("summa") else (
                resolve_org(cells[0], None, self.resolver) or cells[0])
            self.summary.append({"owner": owner, "from_association": values[0],
                                 "co_financing": values[1], "total": values[2],
                                 "source": line.strip()})
