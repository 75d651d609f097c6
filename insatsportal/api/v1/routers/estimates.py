from typing import Annotated

from ninja import Query, Router
from pydantic import Field

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import responses
from insatsportal.api.v1.paging import Id, PageQuery, paged
from insatsportal.api.v1.schemas import EstimateOut, Paged

router = Router(tags=["socio-economic estimates"])
Horizon = Annotated[int, Field(ge=1, le=120)]


@router.get("/estimates", response=responses(Paged[EstimateOut]), url_name="estimates",
            operation_id="estimates")
def estimates(request, paging: Query[PageQuery], intervention: Id | None = None,
              horizon_months: Horizon | None = None):
    """The socio-economic estimate per intervention and granted period, as on the pages:
    the change in monthly public cost per paying party from the discharged participants'
    known support and occupation before and after, projected over the horizon (the
    förbund's setting unless `horizon_months` is given) and damped by the persistence seen
    at follow-up, beside the period's cost (approved requisitions). An estimate, not an
    audit: see the method in the API documentation. Small groups have no figures (null)."""
    token = scoped(request, Scope.ESTIMATES)
    rows = selectors.estimates(token=token, intervention=intervention,
                               horizon_months=horizon_months)
    return paged(rows, paging, dict)
