from typing import Literal

from ninja import Query, Router

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import NotFound, responses
from insatsportal.api.v1.paging import Id, PageQuery, Year, paged
from insatsportal.api.v1.schemas import InterventionOut, Paged
from insatsportal.interventions.models import Intervention

router = Router(tags=["interventions"])
Status = Literal[tuple(Intervention.Status.values)]


def _member(member) -> dict:
    return {"id": member.pk, "name": member.name}


def intervention_dict(intervention) -> dict:
    grants = list(intervention.grants.all())
    return {
        "id": intervention.pk, "name": intervention.name, "owner": _member(intervention.owner),
        "partners": [_member(m) for m in intervention.partners.all()],
        "orientation": intervention.orientation, "status": intervention.status,
        "start_date": intervention.start_date, "end_date": intervention.end_date,
        "periods": [{"start": g.period_start, "end": g.period_end} for g in grants],
        "grants": [{"id": g.pk, "decision_id": g.decision_id, "amount": int(g.amount),
                    "period_start": g.period_start, "period_end": g.period_end}
                   for g in grants],
        "granted_total": int(sum(g.amount for g in grants)),
    }


@router.get("/interventions", response=responses(Paged[InterventionOut]),
            url_name="interventions", operation_id="interventions")
def intervention_list(request, paging: Query[PageQuery], year: Year | None = None,
                      status: Status | None = None):
    """Interventions with their grant periods and grants; `year`: active during the year."""
    token = scoped(request, Scope.INTERVENTIONS)
    rows = selectors.interventions(token=token, year=year, status=status)
    return paged(rows, paging, intervention_dict)


@router.get("/interventions/{intervention_id}", response=responses(InterventionOut, detail=True),
            url_name="intervention", operation_id="intervention")
def intervention_detail(request, intervention_id: Id):
    token = scoped(request, Scope.INTERVENTIONS)
    found = selectors.intervention_get(token=token, pk=intervention_id)
    if found is None:
        raise NotFound
    return intervention_dict(found)
