from typing import Literal

from ninja import Query, Router

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import found_or_404, responses
from insatsportal.api.v1.paging import Id, PageQuery, Year, paged
from insatsportal.api.v1.schemas import GoalOut, Paged
from insatsportal.reports.goals import rules as goals

router = Router(tags=["goals"])
Status = Literal[tuple(goals.STATUS_LABELS)]


@router.get("/goals", response=responses(Paged[GoalOut]), url_name="goals",
            operation_id="goals")
def goal_list(request, paging: Query[PageQuery], year: Year | None = None,
              intervention: Id | None = None, status: Status | None = None):
    """Each measurable goal of the decided applications: target, outcome so far, forecast
    and status (reached, on_track, behind, not_computable with the reason), as on the
    goal pages. `year`: the goal's grant period touches the year."""
    token = scoped(request, Scope.GOALS)
    rows = selectors.goals(token=token, year=year, intervention=intervention, status=status)
    return paged(rows, paging, dict)


@router.get("/interventions/{intervention_id}/goals",
            response=responses(list[GoalOut], detail=True), url_name="intervention_goals",
            operation_id="intervention_goals")
def intervention_goals(request, intervention_id: Id):
    """One intervention's goals, all of them."""
    token = scoped(request, Scope.GOALS)
    found_or_404(selectors.intervention_get(token=token, pk=intervention_id))
    return selectors.goals(token=token, intervention=intervention_id)
