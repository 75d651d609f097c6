from ninja import Query, Router

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import responses
from insatsportal.api.v1.paging import Id, PageQuery, Year, paged
from insatsportal.api.v1.schemas import NationalRowOut, Paged

router = Router(tags=["national report"])


@router.get("/national-report", response=responses(Paged[NationalRowOut]),
            url_name="national_report", operation_id="national_report")
def national_report(request, year: Year, paging: Query[PageQuery],
                    intervention: Id | None = None):
    """The rows of the national follow-up (Uppföljning Finsam) for the year, as in the
    .xlsx export: budget and outcome in kronor, planned participants, participants by sex."""
    token = scoped(request, Scope.NATIONAL)
    rows = selectors.national_rows(token=token, year=year, intervention=intervention)
    return paged(rows, paging, dict)
