from typing import Annotated

from ninja import Query, Router
from pydantic import Field

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import found_or_404, responses
from insatsportal.api.v1.paging import Id, PageQuery, Year, paged
from insatsportal.api.v1.schemas import Paged, QuarterOut, YearRowOut

router = Router(tags=["aggregates"])
QuarterNo = Annotated[int, Field(ge=1, le=4)]


@router.get("/interventions/{intervention_id}/quarters/{year}/{quarter}",
            response=responses(QuarterOut, detail=True), url_name="quarter",
            operation_id="quarter")
def quarter(request, intervention_id: Id, year: Year, quarter: QuarterNo):
    """The quarter's figures as in the quarterly report: participants new, ongoing,
    discharged and discharged to work or studies by sex; progress ratings; activities.
    Groups under the smallest shown size are null."""
    token = scoped(request, Scope.AGGREGATES)
    found = found_or_404(selectors.intervention_get(token=token, pk=intervention_id))
    return selectors.quarter(intervention=found, year=year, quarter_no=quarter)


@router.get("/aggregates/yearly", response=responses(Paged[YearRowOut]), url_name="yearly",
            operation_id="yearly")
def yearly(request, year: Year, paging: Query[PageQuery], intervention: Id | None = None):
    """Participants during the year by sex, per intervention active that year (as in the
    national report), small groups null."""
    token = scoped(request, Scope.AGGREGATES)
    rows = selectors.national_rows(token=token, year=year, intervention=intervention)
    return paged(rows, paging, lambda r: {
        "intervention_id": r["intervention_id"], "year": r["year"],
        "participants": r["participants"], "total": r["total"]})
