"""Reads of the API, scoped to the token where each query is built.

Every list is filtered by `policy.api_intervention_scope(token, …)`, so an object of an
intervention outside the token's scope is simply not found (404). Participants are never
read here except as the reports' aggregates, with small groups hidden.
"""

import datetime
from decimal import Decimal

from django.db.models import DecimalField, F, Prefetch, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from insatsportal.accounts import policy
from insatsportal.applications import budget as b
from insatsportal.applications.models import Application
from insatsportal.cases.models import Decision, Grant
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Association
from insatsportal.organisations.selectors import association_current
from insatsportal.participants.models import Sex
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.models import Requisition
from insatsportal.reports.national import services as national
from insatsportal.reports.quarterly import services as quarterly
from insatsportal.socioeconomics import selectors as estimate_selectors

SEXES = [value for value, _label in Sex.choices]


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _overlapping(year: int, start: str, end: str) -> Q:
    """Rows whose period (`start`–`end`, either unknown) touches the calendar year."""
    first, last = _year_bounds(year)
    return ((Q(**{f"{start}__lte": last}) | Q(**{f"{start}__isnull": True}))
            & (Q(**{f"{end}__gte": first}) | Q(**{f"{end}__isnull": True})))


def association(*, token):
    return (Association.objects.prefetch_related("members").order_by("pk").first())


def interventions(*, token, year: int | None = None, status: str | None = None):
    rows = (Intervention.objects.filter(policy.api_intervention_scope(token))
            .select_related("owner")
            .prefetch_related("partners", Prefetch("grants", Grant.objects.order_by(
                "period_start", "pk")))
            .order_by("name", "pk"))
    if year is not None:
        rows = rows.filter(_overlapping(year, "start_date", "end_date"))
    if status:
        rows = rows.filter(_status_q(status, timezone.localdate()))
    return rows


def _status_q(status: str, day) -> Q:
    """Intervention.status_on as a filter: ended after its end, planned before its start."""
    ended = Q(end_date__lt=day)
    planned = ~ended & (Q(start_date__isnull=True) | Q(start_date__gt=day))
    return {Intervention.Status.ENDED: ended, Intervention.Status.PLANNED: planned}.get(
        status, ~ended & ~planned)


def intervention_get(*, token, pk: int) -> Intervention | None:
    return interventions(token=token).filter(pk=pk).first()


def applications(*, token, year=None, intervention=None, status=None):
    """Applications past the draft, with the amount applied for from the förbund."""
    line_total = sum((F(f"budget__lines__amount_{i}") for i in range(1, b.OWNER_COLUMNS)),
                     F("budget__lines__amount_0"))
    money = DecimalField(max_digits=14, decimal_places=0)
    amounts = Coalesce(Sum(line_total, filter=Q(budget__lines__funding=b.ASSOCIATION),
                           output_field=money), Value(Decimal(0)), output_field=money)
    rows = (Application.objects.exclude(Application.in_status(Application.Status.DRAFT))
            .filter(policy.api_intervention_scope(token, "intervention_id"))
            .select_related("owner", "case").annotate(amount_applied=amounts).order_by("pk"))
    if year is not None:
        rows = rows.filter(_overlapping(year, "planned_start", "planned_end"))
    if intervention is not None:
        rows = rows.filter(intervention_id=intervention)
    if status:
        rows = rows.filter(Application.in_status(status))
    return rows


def _decision_scope(token) -> Q:
    if token.all_interventions:
        return Q()
    return (policy.api_intervention_scope(token, "case__application__intervention_id")
            | policy.api_intervention_scope(token, "case__intervention_id"))


def decisions(*, token, year=None, intervention=None, outcome=None):
    rows = (Decision.objects.filter(_decision_scope(token))
            .select_related("case", "case__application").order_by("decided_on", "pk"))
    if year is not None:
        rows = rows.filter(decided_on__year=year)
    if intervention is not None:
        rows = rows.filter(Q(case__application__intervention_id=intervention)
                           | Q(case__intervention_id=intervention))
    if outcome:
        rows = rows.filter(outcome=outcome)
    return rows


def goals(*, token, year=None, intervention=None, status=None, today=None) -> list[dict]:
    """Every measurable goal with target, outcome, forecast and status (reports' goals)."""
    today = today or timezone.localdate()
    ids = list(interventions(token=token).values_list("pk", flat=True))
    if intervention is not None:
        ids = [pk for pk in ids if pk == intervention]
    rows = []
    by_intervention = goal_data.goals_for_interventions(ids, today=today)
    for intervention_id in ids:
        for item in by_intervention[intervention_id]:
            if year is not None and not _touches(year, item.period_start, item.period_end):
                continue
            for result in item.results:
                if status and result.status != status:
                    continue
                rows.append(_goal_row(intervention_id, item, result))
    return rows


def _touches(year, start, end) -> bool:
    first, last = _year_bounds(year)
    return (start is None or start <= last) and (end is None or end >= first)


def _number(value):
    return None if value is None else float(value)


def _goal_row(intervention_id, item, result) -> dict:
    return {
        "id": result.goal.pk, "intervention_id": intervention_id,
        "application_id": item.application.pk,
        "period_start": item.period_start, "period_end": item.period_end,
        "text": result.goal.text, "target_kind": result.goal.target_kind, "unit": result.unit,
        "target": _number(result.target), "outcome": _number(result.outcome),
        "forecast": _number(result.forecast), "status": result.status,
        "status_label": result.status_label, "reason": result.reason,
        "by_sex": {sex: _number(result.by_sex.get(sex)) if sex in result.by_sex else None
                   for sex in SEXES},
    }


PEOPLE_KEYS = ("new", "ongoing", "discharged", "to_work_or_studies")


def quarter(*, intervention, year: int, quarter_no: int) -> dict:
    """The quarterly report's figures (reports.quarterly), aggregates only."""
    facts = quarterly.quarter_facts(intervention, year, quarter_no)
    return {
        "intervention_id": intervention.pk, "year": year, "quarter": quarter_no,
        "first": facts["first"], "last": facts["last"],
        "participants": [
            {"key": key, "label": str(row["label"]), "total": row["total"],
             "by_sex": dict(zip(SEXES, row["cells"], strict=True))}
            for key, row in zip(PEOPLE_KEYS, facts["participants"], strict=True)],
        "ratings": facts["progress"]["ratings"],
        "rated_twice": facts["progress"]["compared"],
        "improved_share": facts["progress"]["improved_share"],
        "activities": [{"kind": a["key"], "label": a["kind"], "count": a["count"]}
                       for a in facts["activities"]],
    }


def _whole(amount) -> int | None:
    """Missing is not zero: None stays None."""
    return None if amount is None else int(amount)


def national_rows(*, token, year: int, intervention=None) -> list[dict]:
    """The national report's rows (reports.national) of the token's interventions."""
    allowed = set(interventions(token=token).values_list("pk", flat=True))
    rows = []
    for row in national.national_rows(year):
        pk = row["intervention"].pk
        if pk not in allowed or (intervention is not None and pk != intervention):
            continue
        # A suppressed group ("<5" in the export) is null here, as everywhere in the API.
        counts = [cell if isinstance(cell, int) else None for cell in row["participants"]]
        rows.append({
            "year": year, "intervention_id": pk, "intervention": row["intervention"].name,
            "lead_owner": row["intervention"].owner.name,
            "orientation": row["intervention"].orientation,
            "budget": _whole(row["budget"]), "outcome": _whole(row["outcome"]),
            "planned_participants": _whole(row["planned"]),
            "participants": dict(zip(SEXES, counts, strict=True)),
            "total": row["participants_total"],
        })
    return rows


def requisitions(*, token, year=None, intervention=None, status=None):
    rows = (Requisition.objects.filter(policy.api_intervention_scope(token, "intervention_id"))
            .select_related("member").prefetch_related("lines").order_by("pk"))
    if year is not None:
        rows = rows.filter(year=year)
    if intervention is not None:
        rows = rows.filter(intervention_id=intervention)
    if status:
        rows = rows.filter(status=status)
    return rows


def payments(*, token, year=None, intervention=None):
    """Approved requisitions: what the förbund pays."""
    return (requisitions(token=token, year=year, intervention=intervention,
                         status=Requisition.Status.APPROVED)
            .filter(decided_at__isnull=False).order_by("decided_at", "pk"))



def _number(value) -> float | None:
    return None if value is None else float(value)


def estimates(*, token, intervention=None, horizon_months=None) -> list[dict]:
    """The socio-economic estimate of each granted period of the token's interventions, as
    on the pages (socioeconomics), small groups without figures."""
    chosen = interventions(token=token)
    if intervention is not None:
        chosen = chosen.filter(pk=intervention)
    association = association_current()
    assumptions = estimate_selectors.assumptions_for(
        estimate_selectors.estimate_settings_get(association=association),
        horizon_months=horizon_months)
    rows = []
    for row in estimate_selectors.period_estimates(
            interventions=chosen, association=association, horizon_months=horizon_months):
        found = row.estimate
        hidden = found.suppressed
        rows.append({
            "intervention_id": row.intervention.pk, "intervention": row.intervention.name,
            "period_start": row.grant.period_start, "period_end": row.grant.period_end,
            "discharged": found.discharged,
            # how many had known states is itself a small group below the threshold
            "known": None if hidden else found.known,
            "followed_up": found.followed_up if found.persistence_measured and not hidden
            else None,
            "suppressed": hidden, "cost": int(found.cost),
            **{key: None if hidden else int(getattr(found, key))
               for key in ("change_per_month", "projected", "low", "high", "net")},
            "payback_months": None if hidden else _number(found.payback_months),
            **{key: None if hidden else _number(getattr(found, key))
               for key in ("persistence", "persistence_low", "persistence_high")},
            "persistence_measured": None if hidden else found.persistence_measured,
            "parties": [] if hidden else [{
                "payer": p.payer, **{key: int(getattr(p, key)) for key in (
                    "before_per_month", "after_per_month", "change_per_month", "projected",
                    "low", "high")}} for p in found.parties],
            "parameter_years": {str(year): sorted(used)
                                for year, used in sorted(found.parameter_years.items())},
            "missing_parameters": sorted(f"{code_list}:{code}"
                                         for code_list, code in found.missing_parameters),
            "assumptions": {"horizon_months": assumptions.horizon_months,
                            "uncertainty_percent": assumptions.uncertainty_percent,
                            "unknown_persistence_percent":
                                assumptions.unknown_persistence_percent,
                            "min_group": assumptions.min_group},
        })
    return rows
