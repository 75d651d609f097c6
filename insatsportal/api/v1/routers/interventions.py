from typing import Literal

from ninja import Query, Router

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import found_or_404, responses
from insatsportal.api.v1.paging import Id, PageQuery, Year, paged
from insatsportal.api.v1.schemas import InterventionOut, Paged
from insatsportal.cases.budget_of_record import budgets_of_record
from insatsportal.interventions.models import Intervention

router = Router(tags=["interventions"])
Status = Literal[tuple(Intervention.Status.values)]


def _member(member) -> dict:
    return {"id": member.pk, "name": member.name}


def _amounts(values: dict, key: str) -> list[dict]:
    return [{key: k, "amount": int(v)} for k, v in sorted(values.items())]


def _budget(record) -> dict:
    return {
        "source": record.source, "explanation": record.explanation,
        "differs_from_application": record.differs, "total": int(record.total),
        "by_year": _amounts(record.by_year, "year"),
        "by_owner": _amounts(record.by_owner, "member_id"),
        "by_category": _amounts(record.by_category, "category"),
    }


def intervention_dicts(interventions: list) -> list[dict]:
    """Interventions with their grants, each with its budget of record (constant queries)."""
    grants = {i.pk: list(i.grants.all()) for i in interventions}
    records = {r.grant.pk: r for r in budgets_of_record(
        [g for items in grants.values() for g in items])}
    return [{
        "id": i.pk, "name": i.name, "owner": _member(i.owner),
        "partners": [_member(m) for m in i.partners.all()],
        "orientation": i.orientation, "status": i.status,
        "start_date": i.start_date, "end_date": i.end_date,
        "periods": [{"start": g.period_start, "end": g.period_end} for g in grants[i.pk]],
        "grants": [{"id": g.pk, "decision_id": g.decision_id, "amount": int(g.amount),
                    "period_start": g.period_start, "period_end": g.period_end,
                    "budget_of_record": _budget(records[g.pk])} for g in grants[i.pk]],
        "granted_total": int(sum(g.amount for g in grants[i.pk])),
    } for i in interventions]


@router.get("/interventions", response=responses(Paged[InterventionOut]),
            url_name="interventions", operation_id="interventions")
def intervention_list(request, paging: Query[PageQuery], year: Year | None = None,
                      status: Status | None = None):
    """Interventions with their grant periods and grants; `year`: active during the year."""
    token = scoped(request, Scope.INTERVENTIONS)
    rows = selectors.interventions(token=token, year=year, status=status)
    return paged(rows, paging, to_dicts=intervention_dicts)


@router.get("/interventions/{intervention_id}", response=responses(InterventionOut, detail=True),
            url_name="intervention", operation_id="intervention")
def intervention_detail(request, intervention_id: Id):
    token = scoped(request, Scope.INTERVENTIONS)
    found = found_or_404(selectors.intervention_get(token=token, pk=intervention_id))
    return intervention_dicts([found])[0]
