"""The förbund's budget template as plain values, and every total computed from it.

Nothing here touches the database: forms, the Excel reader, the demo and the
checks all work on `BudgetData`, and totals are always computed, never typed.
"""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from insatsportal.core.money import to_kronor

ZERO = Decimal(0)
OWNER_COLUMNS = 5  # Huvudinsatsägare and Delinsatsägare 1–4
YEAR_COLUMNS = 4  # År 1–4

ASSOCIATION = "association"  # Kostnader att rekvirera från Samordningsförbundet
CO_FINANCING = "co_financing"  # Egenfinansiering
FUNDINGS = (ASSOCIATION, CO_FINANCING)

SALARY = "salary"
PREMISES = "premises"
OTHER = "other"
SECTIONS = (SALARY, PREMISES, OTHER)

PREMISES_CATEGORIES = (
    ("premises_rent", _("Premises rent")),
    ("premises_other", _("Other premises costs")),
)
OTHER_CATEGORIES = (
    ("evaluation", _("Evaluation")),
    ("dissemination", _("Dissemination seminars")),
    ("staff_training", _("Training of intervention staff")),
    ("purchased_services", _("Purchased assessments, training and services for participants")),
    ("participant_activities", _("Other activities for participants")),
    ("phone_it", _("Telephone and IT costs")),
    ("travel", _("Travel")),
    ("interpreter", _("Interpreter")),
    ("information_material", _("Information material")),
    ("other", pgettext_lazy("budget category", "Other")),
)
CATEGORIES = PREMISES_CATEGORIES + OTHER_CATEGORIES
# Every cost a budget line, a claim or a revised budget names: salary costs, then the rows.
COST_CATEGORIES = ((SALARY, _("Salary costs")), *CATEGORIES)
COST_CATEGORY_LABELS = dict(COST_CATEGORIES)
CATEGORY_SECTION = {key: PREMISES for key, _label in PREMISES_CATEGORIES} | {
    key: OTHER for key, _label in OTHER_CATEGORIES
}
CATEGORY_LABELS = dict(CATEGORIES)

OWNER_LABELS = (
    _("Lead owner"),
    _("Co-owner 1"),
    _("Co-owner 2"),
    _("Co-owner 3"),
    _("Co-owner 4"),
)


class AmountError(ValueError):
    """Text that cannot be read as an amount, a percentage or a date."""


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


def parse_amount(value) -> Decimal:
    """'1 200 000', '1200000 kr', '340 000,00', 279000.0 -> whole kronor; '' -> 0."""
    if value is None:
        return ZERO
    if isinstance(value, bool):
        raise AmountError(value)
    if isinstance(value, int | Decimal | float):
        return to_kronor(value)
    text = _SPACES.sub("", str(value)).lower()
    text = text.removesuffix("kronor").removesuffix("kr").removesuffix(":-")
    if text in {"", "-", "–"}:
        return ZERO
    if re.fullmatch(r"-?\d+(,\d+)?", text):
        text = text.replace(",", ".")
    elif not re.fullmatch(r"-?\d+(\.\d+)?", text):
        raise AmountError(value)
    try:
        return to_kronor(Decimal(text))
    except (InvalidOperation, ValueError) as exc:
        raise AmountError(value) from exc


def plain(value: Decimal) -> Decimal:
    """20.0 -> 20 and 12.50 -> 12.5, never 2E+1."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def parse_percent(value) -> Decimal | None:
    """'100%', '25 %', '50', 0.25 (from a percent-formatted cell, see excel.py) -> 100, 25, 50."""
    if value is None or value == "":
        return None
    if isinstance(value, int | Decimal | float) and not isinstance(value, bool):
        return plain(Decimal(repr(value) if isinstance(value, float) else value))
    text = _SPACES.sub("", str(value)).removesuffix("%").replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?", text):
        raise AmountError(value)
    return plain(Decimal(text))


def parse_date(value) -> datetime.date | None:
    """ISO dates, and the yymmdd / yyyymmdd the template's period columns use (220101)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%Y%m%d", "%y%m%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date()  # noqa: DTZ007 - a date
        except ValueError:
            continue
    raise AmountError(value)


def _amounts(values) -> tuple[Decimal, ...]:
    values = [parse_amount(v) for v in (values or ())]
    if len(values) > OWNER_COLUMNS:
        raise AmountError(values)
    return tuple(values + [ZERO] * (OWNER_COLUMNS - len(values)))


@dataclass(frozen=True)
class Owner:
    position: int  # 0 = Huvudinsatsägare, 1–4 = Delinsatsägare
    member: str  # the member's name as registered
    label: str = ""  # e.g. "AF (egen projektfinansiering)"
    stated_association: Decimal | None = None  # Budgetsammanställning as typed
    stated_co_financing: Decimal | None = None


@dataclass(frozen=True)
class Line:
    funding: str  # ASSOCIATION or CO_FINANCING
    section: str  # SALARY, PREMISES or OTHER
    category: str = ""  # a CATEGORIES key; "" for salary rows and free co-financing rows
    title: str = ""
    percent: Decimal | None = None
    period_from: datetime.date | None = None
    period_to: datetime.date | None = None
    amounts: tuple[Decimal, ...] = (ZERO,) * OWNER_COLUMNS

    @property
    def total(self) -> Decimal:
        return sum(self.amounts, ZERO)

    @property
    def label(self) -> str:
        return self.title or str(CATEGORY_LABELS.get(self.category, ""))


@dataclass(frozen=True)
class YearRow:
    index: int  # 1–4
    year: int | None = None
    salary: Decimal = ZERO
    premises: Decimal = ZERO
    other: Decimal = ZERO

    @property
    def total(self) -> Decimal:
        return self.salary + self.premises + self.other


@dataclass(frozen=True)
class BudgetData:
    owners: tuple[Owner, ...] = ()
    lines: tuple[Line, ...] = ()
    years: tuple[YearRow, ...] = ()
    stated_total: Decimal | None = None  # "Totalt från Samordningsförbundet" as typed

    def rows(self, funding: str, section: str) -> list[Line]:
        return [line for line in self.lines if line.funding == funding and line.section == section]

    def category_line(self, funding: str, category: str) -> Line:
        for line in self.lines:
            if line.funding == funding and line.category == category:
                return line
        return Line(funding=funding, section=CATEGORY_SECTION[category], category=category)

    def free_rows(self, funding: str, section: str) -> list[Line]:
        return [line for line in self.rows(funding, section) if not line.category]

    def owner(self, position: int) -> Owner | None:
        return next((o for o in self.owners if o.position == position), None)


# --- Totals -------------------------------------------------------------------

Columns = tuple[Decimal, ...]


def add_columns(*columns: Columns) -> Columns:
    return tuple(sum(values, ZERO) for values in zip(*columns, strict=True)) if columns else (
        (ZERO,) * OWNER_COLUMNS
    )


@dataclass(frozen=True)
class FundingTotals:
    salary: Columns
    premises: Columns
    other: Columns
    percent: Decimal  # sum of % of full time on the salary rows

    @property
    def total(self) -> Columns:
        return add_columns(self.salary, self.premises, self.other)

    def section(self, section: str) -> Columns:
        return getattr(self, section)


@dataclass(frozen=True)
class SummaryRow:
    position: int
    association: Decimal
    co_financing: Decimal

    @property
    def total(self) -> Decimal:
        return self.association + self.co_financing


@dataclass(frozen=True)
class Totals:
    association: FundingTotals
    co_financing: FundingTotals
    years: tuple[Decimal, ...]  # per-year totals as typed in the year table
    summary: tuple[SummaryRow, ...] = field(default=())

    @property
    def total_association(self) -> Decimal:
        return sum(self.association.total, ZERO)

    @property
    def total_co_financing(self) -> Decimal:
        return sum(self.co_financing.total, ZERO)

    @property
    def grand_total(self) -> Decimal:
        return self.total_association + self.total_co_financing

    @property
    def grand_columns(self) -> Columns:
        return add_columns(self.association.total, self.co_financing.total)

    @property
    def years_total(self) -> Decimal:
        return sum(self.years, ZERO)

    def funding(self, funding: str) -> FundingTotals:
        return getattr(self, funding)


def _funding_totals(data: BudgetData, funding: str) -> FundingTotals:
    sections = {
        section: add_columns(*[line.amounts for line in data.rows(funding, section)])
        for section in SECTIONS
    }
    percent = sum((line.percent or ZERO for line in data.rows(funding, SALARY)), ZERO)
    return FundingTotals(percent=percent, **sections)


def compute(data: BudgetData) -> Totals:
    association = _funding_totals(data, ASSOCIATION)
    co_financing = _funding_totals(data, CO_FINANCING)
    summary = tuple(
        SummaryRow(position, association.total[position], co_financing.total[position])
        for position in range(OWNER_COLUMNS)
    )
    years = tuple(row.total for row in sorted(data.years, key=lambda r: r.index))
    return Totals(association, co_financing, years, summary)


# --- Plain dicts (JSON, the demo, the importer, version snapshots) -------------

def _text(value) -> str:
    return "" if value is None else str(value)


def _date_text(value) -> str:
    return value.isoformat() if value else ""


def budget_to_dict(data: BudgetData) -> dict:
    """A JSON-safe dict with amounts as strings; budget_from_dict reads it back."""
    return {
        "owners": [
            {
                "position": o.position,
                "member": o.member,
                "label": o.label,
                "stated_association": _text(o.stated_association),
                "stated_co_financing": _text(o.stated_co_financing),
            }
            for o in sorted(data.owners, key=lambda o: o.position)
        ],
        "lines": [
            {
                "funding": line.funding,
                "section": line.section,
                "category": line.category,
                "title": line.title,
                "percent": _text(line.percent),
                "period_from": _date_text(line.period_from),
                "period_to": _date_text(line.period_to),
                "amounts": [str(a) for a in line.amounts],
            }
            for line in data.lines
        ],
        "years": [
            {
                "index": y.index,
                "year": y.year,
                "salary": str(y.salary),
                "premises": str(y.premises),
                "other": str(y.other),
            }
            for y in sorted(data.years, key=lambda y: y.index)
        ],
        "stated_total": _text(data.stated_total),
    }


def _optional_amount(value) -> Decimal | None:
    return None if value in (None, "") else parse_amount(value)


def budget_from_dict(raw: dict) -> BudgetData:
    """Read the dict form; raises AmountError on a value that is not an amount."""
    owners = tuple(
        Owner(
            position=int(o["position"]),
            member=o["member"],
            label=o.get("label", ""),
            stated_association=_optional_amount(o.get("stated_association")),
            stated_co_financing=_optional_amount(o.get("stated_co_financing")),
        )
        for o in raw.get("owners", [])
    )
    lines = []
    for line in raw.get("lines", []):
        category = line.get("category", "")
        section = line.get("section") or CATEGORY_SECTION.get(category, SALARY)
        lines.append(
            Line(
                funding=line.get("funding", ASSOCIATION),
                section=section,
                category=category,
                title=line.get("title", ""),
                percent=parse_percent(line.get("percent")),
                period_from=parse_date(line.get("period_from")),
                period_to=parse_date(line.get("period_to")),
                amounts=_amounts(line.get("amounts")),
            )
        )
    years = tuple(
        YearRow(
            index=int(y.get("index", i + 1)),
            year=int(y["year"]) if y.get("year") not in (None, "") else None,
            salary=parse_amount(y.get("salary")),
            premises=parse_amount(y.get("premises")),
            other=parse_amount(y.get("other")),
        )
        for i, y in enumerate(raw.get("years", []))
    )
    return BudgetData(
        owners=owners,
        lines=tuple(lines),
        years=years,
        stated_total=_optional_amount(raw.get("stated_total")),
    )


def budget_normalised(data: BudgetData) -> BudgetData:
    """Drop rows that carry nothing (no title, no amount), so a blank row is not a row."""

    def keep(line: Line) -> bool:
        if line.category:
            return any(line.amounts)
        return bool(line.title.strip() or any(line.amounts) or line.percent)

    years = tuple(
        y for y in data.years if y.year or y.salary or y.premises or y.other
    )
    return BudgetData(
        owners=tuple(o for o in data.owners if o.member),
        lines=tuple(line for line in data.lines if keep(line)),
        years=years,
        stated_total=data.stated_total,
    )
