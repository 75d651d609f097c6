"""Turning the budget tables into the result's fields, and checking that they add up."""

from __future__ import annotations

from datetime import date

from .budget import BudgetReader, _is_tkr
from .numbers import format_amount
from .parties import Resolver
from .result import Collector


def read_budget(
    text: str | None,
    resolver: Resolver | None,
    out: Collector,
    planned: tuple[date | None, date | None],
) -> tuple[dict, dict]:
    """Return the budget fields and the extra detail (rows, subtotals, summary)."""
    from .budget import empty_budget

    if not text:
        out.found("budget", None, None)
        return empty_budget(), {}
    reader = BudgetReader(text, resolver, out)
    budget = reader.read()
    subtotals = reader.subtotals
    _check_units(reader, out)
    _fill_totals(reader, budget, out)
    _salary_lines(reader, budget, out, planned)
    _check_sums(reader, budget, out)
    extra = {
        "unit_headings": [u for u, _ in reader.units],
        "owners": reader.owners,
        "rows": reader.rows,
        "subtotals": {k: {kk: vv for kk, vv in v.items() if kk != "source"}
                      for k, v in subtotals.items()},
        "per_year_rows": reader.per_year_rows,
        "summary": reader.summary,
    }
    return budget, extra


def _fill_totals(reader: BudgetReader, budget: dict, out: Collector) -> None:
    for key, field in (("association_total", "from_association_total"),
                       ("co_financing_total", "co_financing_total"),
                       ("grand_total", "total")):
        sub = reader.subtotals.get(key)
        value = sub["total"] if sub else None
        budget[field] = out.found(f"budget.{field}", value, sub["source"] if sub else None)


def _salary_lines(reader: BudgetReader, budget: dict, out: Collector, planned) -> None:
    start, end = planned
    for row in reader.rows:
        if row["category"] != "salary" or row["section"] != "association":
            continue
        n = len(budget["salary_lines"])
        budget["salary_lines"].append({
            "title": row["label"],
            "fte_percent": row["fte_percent"],
            "period_start": row["period_start"],
            "period_end": row["period_end"],
            "amount": row["amount"],
        })
        out.found(f"budget.salary_lines[{n}]", row["amount"], row["source"])
        outside = (start and row["period_start"] and row["period_start"] < start) or (
            end and row["period_end"] and row["period_end"] > end)
        if outside:
            out.warn(f"budget.salary_lines[{n}]",
                     f"Lönekostnaden ”{row['label']}” gäller "
                     f"{row['period_start']}–{row['period_end']}, utanför insatsens planerade "
                     f"tid {start}–{end}.")


def _sum_check(out: Collector, what: str, parts: list[int | None], total: int | None) -> None:
    known = [p for p in parts if p is not None]
    if total is None or not known:
        return
    if sum(known) != total:
        out.warn("budget", f"{what}: delarna blir {format_amount(sum(known))} kr men summan "
                 f"anges till {format_amount(total)} kr.")


def _check_sums(reader: BudgetReader, budget: dict, out: Collector) -> None:
    subs = reader.subtotals

    def total(key: str) -> int | None:
        return subs[key]["total"] if key in subs else None

    labels = {"association": "Kostnader att rekvirera", "co_financing": "Egenfinansiering"}
    for section, name in labels.items():
        rows = [r for r in reader.rows if r["section"] == section]
        salary = [r["amount"] for r in rows if r["category"] == "salary"]
        premises = [r["amount"] for r in rows if r["category"] in ("premises_rent",
                                                                   "premises_other")]
        other = [r["amount"] for r in rows if r["category"] not in ("salary", "premises_rent",
                                                                    "premises_other")]
        _sum_check(out, f"{name}, lönekostnader", salary, total(f"{section}.salary_total"))
        _sum_check(out, f"{name}, lokalkostnader", premises, total(f"{section}.premises_total"))
        _sum_check(out, f"{name}, övriga kostnader", other, total(f"{section}.other_total"))
        sub_parts = [total(f"{section}.{k}") for k in ("salary_total", "premises_total",
                                                      "other_total")]
        section_total = total("association_total" if section == "association"
                              else "co_financing_total")
        _sum_check(out, f"{name}, delsummor", sub_parts, section_total)
        fte_total = subs.get(f"{section}.salary_total", {}).get("fte_percent")
        ftes = [r["fte_percent"] for r in rows if r["category"] == "salary" and r["fte_percent"]]
        if fte_total is not None and ftes and sum(ftes) != fte_total:
            out.warn("budget.salary_lines", f"{name}: tjänsterna blir {sum(ftes)} % men "
                     f"summan anges till {fte_total} %.")
    association, co_fin, grand = (budget["from_association_total"],
                                  budget["co_financing_total"], budget["total"])
    if grand is not None and association is not None:
        _sum_check(out, "Total kostnad (förbundet + egenfinansiering)",
                   [association, co_fin or 0], grand)
    per_year = [p["total"] for p in budget["per_year"]]
    if per_year and association is not None and sum(per_year) not in (association, grand):
        out.warn("budget.per_year", f"Budgeten per år blir {format_amount(sum(per_year))} kr, "
                 f"men totalt från förbundet är {format_amount(association)} kr.")
    for item in reader.summary:
        if item["from_association"] + item["co_financing"] != item["total"]:
            out.warn("budget", f"Budgetsammanställningen, {item['owner']}: "
                     f"{format_amount(item['from_association'])} + "
                     f"{format_amount(item['co_financing'])} blir inte "
                     f"{format_amount(item['total'])} kr.")
    summa = next((s for s in reader.summary if s["owner"] == "Summa"), None)
    if summa:
        owners = [s for s in reader.summary if s["owner"] != "Summa"]
        _sum_check(out, "Budgetsammanställningen, att rekvirera",
                   [s["from_association"] for s in owners], summa["from_association"])
        if association is not None and summa["from_association"] != association:
            out.warn("budget", "Budgetsammanställningen anger "
                     f"{format_amount(summa['from_association'])} kr från förbundet, den "
                     f"detaljerade budgeten {format_amount(association)} kr.")


def _check_units(reader: BudgetReader, out: Collector) -> None:
    """Decide whether a "tkr" heading is true; amounts end up in kronor either way."""
    amounts = [r["amount"] for r in reader.rows if r["amount"]]
    amounts += [s["total"] for s in reader.summary]
    amounts += [v["total"] for v in reader.subtotals.values() if v["total"]]
    biggest = max(amounts, default=0)
    tkr = next((unit for unit, _line in reader.units if _is_tkr(unit)), None)
    if not tkr or not biggest:
        return
    if biggest >= 100_000:
        out.warn("budget", f"Rubriken anger beloppen i tkr (”{tkr}”), men beloppen är "
                 f"uppenbart i kronor (t.ex. {format_amount(biggest)}); de läses som kronor.")
        return
    _scale(reader, 1000)
    out.warn("budget", f"Beloppen anges i tkr (”{tkr}”) och har räknats om till kronor "
             f"(t.ex. {format_amount(biggest)} tkr = {format_amount(biggest * 1000)} kr).")


def _scale(reader: BudgetReader, factor: int) -> None:
    def times(value):
        return value * factor if isinstance(value, int) else value

    for row in reader.rows:
        row["amount"] = times(row["amount"])
        row["owners"] = {k: times(v) for k, v in row["owners"].items()}
    for sub in reader.subtotals.values():
        sub["total"] = times(sub["total"])
        sub["owners"] = [times(v) for v in sub["owners"]]
    for item in reader.summary:
        for key in ("from_association", "co_financing", "total"):
            item[key] = times(item[key])
    for item in reader.budget["per_year"]:
        item["total"] = times(item["total"])
