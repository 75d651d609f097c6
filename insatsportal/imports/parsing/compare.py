"""Checks across documents: does a decision answer its application as applied for?"""

from __future__ import annotations

from .numbers import format_amount
from .result import ImportResult


def compare_decision_with_application(
    decision: ImportResult, application: ImportResult
) -> list[dict[str, str]]:
    """Warnings where the decision grants another amount or period than applied for.

    Granting less or another period is allowed (seed 003 answers seed 000 so), but a
    reviewer must see it.
    """
    d, a = decision.fields, application.fields
    warnings = []
    applied = a["budget"]["from_association_total"]
    if d["max_amount"] is not None and applied is not None and d["max_amount"] != applied:
        warnings.append({"field": "max_amount", "message": (
            f"Beslutet gäller högst {format_amount(d['max_amount'])} kr, ansökan avser "
            f"{format_amount(applied)} kr från förbundet.")})
    if (d["period_start"], d["period_end"]) != (a["planned_start"], a["planned_end"]) and (
            d["period_start"] and a["planned_start"]):
        warnings.append({"field": "period_start", "message": (
            f"Beslutets period {d['period_start']}–{d['period_end']} skiljer sig från "
            f"ansökans {a['planned_start']}–{a['planned_end']}.")})
    if d["owner_organisation"] and a["owner"]["organisation"] and (
            d["owner_organisation"] != a["owner"]["organisation"]):
        warnings.append({"field": "owner_organisation", "message": (
            f"Beslutet anger {d['owner_organisation']} som insatsägare, ansökan "
            f"{a['owner']['organisation']}.")})
    return warnings
