"""Checks of an application and its budget: warnings, never errors.

Each warning names the field it concerns (a stable key such as "age_min" or
"salary.association.2.period"), so forms and pages show it beside that field.
The checks work on plain values; `application_warnings` in selectors feeds them.
"""

import datetime
import difflib
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from insatsportal.applications import budget as b
from insatsportal.core.money import format_kr

AGE_MIN = 16
AGE_MAX = 64


@dataclass(frozen=True)
class Warning:
    field: str
    message: str
    code: str


def add_months(day: datetime.date, months: int) -> datetime.date:
    """2022-01-31 + 1 month -> 2022-02-28 (the last day when the month is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has 28 days


def period_exceeds(start: datetime.date, end: datetime.date, months: int) -> bool:
    """True when start..end (both inclusive) is longer than `months` whole months."""
    return end >= add_months(start, months)


# --- The application ---------------------------------------------------------------

def age_warnings(age_min: int | None, age_max: int | None) -> list[Warning]:
    warnings = []
    if age_min is not None and age_min < AGE_MIN:
        warnings.append(Warning("age_min", _(
            "The target group starts at %(age)s years; the förbund funds people aged 16–64."
        ) % {"age": age_min}, "age_range"))
    if age_max is not None and age_max > AGE_MAX:
        warnings.append(Warning("age_max", _(
            "The target group goes up to %(age)s years; the förbund funds people aged 16–64."
        ) % {"age": age_max}, "age_range"))
    return warnings


def period_warnings(start, end, max_months: int) -> list[Warning]:
    if not (start and end):
        return []
    if end < start:
        return [Warning("planned_end", _("The planned end is before the planned start."),
                        "period_order")]
    if period_exceeds(start, end, max_months):
        return [Warning("planned_end", _(
            "The planned period is longer than the förbund allows (%(months)s months)."
        ) % {"months": max_months}, "period_too_long")]
    return []


def staffing_warnings(percents: list[Decimal | None]) -> list[Warning]:
    return [
        Warning(f"staffing.{i}.percent", _(
            "%(percent)s %% of full time is more than one full-time post."
        ) % {"percent": _number(p)}, "percent_over_100")
        for i, p in enumerate(percents)
        if p is not None and p > 100
    ]


def _normalise_text(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def agreement_warnings(text: str, canonical: str) -> list[Warning]:
    """The agreement must stay unaltered; any change is flagged with what changed."""
    if not canonical or _normalise_text(text) == _normalise_text(canonical):
        return []
    changes = agreement_changes(text, canonical)
    shown = "; ".join(changes[:3])
    if len(changes) > 3:
        shown += " …"
    return [Warning("agreement_text", _(
        "The agreement text differs from the förbund's text, which must stay unaltered: %(changes)s"
    ) % {"changes": shown}, "agreement_changed")]


def agreement_changes(text: str, canonical: str) -> list[str]:
    """Word-level changes: '«parters» → «parter»', '+ «v:19-07-10»', '− «…»'."""
    old, new = _normalise_text(canonical).split(" "), _normalise_text(text).split(" ")
    changes = []
    for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        before, after = " ".join(old[a1:a2]), " ".join(new[b1:b2])
        if op == "replace":
            changes.append(f"«{before}» → «{after}»")
        elif op == "delete":
            changes.append(f"− «{before}»")
        elif op == "insert":
            changes.append(f"+ «{after}»")
    return changes


# --- The budget --------------------------------------------------------------------

def _number(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def budget_warnings(
    data: b.BudgetData,
    *,
    planned_start: datetime.date | None,
    planned_end: datetime.date | None,
    requires_co_financing: bool,
) -> list[Warning]:
    totals = b.compute(data)
    warnings: list[Warning] = []
    warnings += _year_table(data, totals)
    warnings += _owner_columns(data, totals)
    for funding in b.FUNDINGS:
        for i, line in enumerate(data.rows(funding, b.SALARY)):
            key = f"salary.{funding}.{i}"
            if line.percent is not None and line.percent > 100:
                warnings.append(Warning(f"{key}.percent", _(
                    "%(percent)s %% of full time is more than one full-time post."
                ) % {"percent": _number(line.percent)}, "percent_over_100"))
            if planned_start and planned_end and _outside(line, planned_start, planned_end):
                warnings.append(Warning(f"{key}.period", _(
                    "The salary period %(start)s – %(end)s is outside the planned period "
                    "%(planned_start)s – %(planned_end)s."
                ) % {
                    "start": line.period_from or "…", "end": line.period_to or "…",
                    "planned_start": planned_start, "planned_end": planned_end,
                }, "salary_period_outside"))
    if requires_co_financing and totals.total_co_financing <= 0:
        warnings.append(Warning("co_financing", _(
            "The förbund requires co-financing, but the budget has none."
        ), "no_co_financing"))
    return warnings


def _outside(line: b.Line, start: datetime.date, end: datetime.date) -> bool:
    return bool(
        (line.period_from and line.period_from < start) or (line.period_to and line.period_to > end)
    )


def _year_table(data: b.BudgetData, totals: b.Totals) -> list[Warning]:
    if not data.years or totals.years_total == totals.total_association:
        return []
    return [Warning("years", _(
        "The years add up to %(years)s but the total from the förbund is %(total)s."
    ) % {"years": format_kr(totals.years_total), "total": format_kr(totals.total_association)},
        "years_vs_total")]


def _owner_columns(data: b.BudgetData, totals: b.Totals) -> list[Warning]:
    warnings = []
    for owner in data.owners:
        row = totals.summary[owner.position]
        for attribute, computed in (("stated_association", row.association),
                                    ("stated_co_financing", row.co_financing)):
            stated = getattr(owner, attribute)
            if stated is not None and stated != computed:
                warnings.append(Warning(f"owners.{owner.position}.{attribute}", _(
                    "%(owner)s's column adds up to %(computed)s, not the %(stated)s stated "
                    "in the summary."
                ) % {"owner": owner.member, "computed": format_kr(computed),
                     "stated": format_kr(stated)}, "owners_vs_total"))
    if data.stated_total is not None and data.stated_total != totals.total_association:
        warnings.append(Warning("stated_total", _(
            "The owners' columns add up to %(computed)s, not the %(stated)s stated as the total "
            "from the förbund."
        ) % {"computed": format_kr(totals.total_association),
             "stated": format_kr(data.stated_total)}, "owners_vs_total"))
    return warnings


def by_field(warnings: list[Warning]) -> dict[str, list[Warning]]:
    grouped: dict[str, list[Warning]] = {}
    for warning in warnings:
        grouped.setdefault(warning.field, []).append(warning)
    return grouped
