from typing import Literal

from ninja import Query, Router

from insatsportal.api.models import Scope
from insatsportal.api.v1 import selectors
from insatsportal.api.v1.auth import scoped
from insatsportal.api.v1.errors import found_or_404, responses
from insatsportal.api.v1.paging import Id, PageQuery, Year, paged
from insatsportal.api.v1.schemas import ApplicationOut, DecisionOut, Paged
from insatsportal.applications.models import Application
from insatsportal.cases.models import Decision

router = Router(tags=["applications and decisions"])
Status = Literal[tuple(v for v in Application.Status.values if v != Application.Status.DRAFT)]
Outcome = Literal[tuple(Decision.Outcome.values)]


def application_dict(application) -> dict:
    """Metadata and amounts; no texts, contacts or notes."""
    return {
        "id": application.pk, "name": application.name,
        "case_number": application.case_number, "status": application.status,
        "owner": {"id": application.owner_id, "name": application.owner.name},
        "intervention_id": application.intervention_id,
        "continuation_kind": application.continuation_kind,
        "planned_start": application.planned_start, "planned_end": application.planned_end,
        "participants_per_year": application.participants_per_year,
        "participants_total": application.participants_total,
        "amount_applied": int(application.amount_applied),
    }


def decision_dict(decision) -> dict:
    application = decision.case.application
    return {
        "id": decision.pk, "case_number": decision.case.number,
        "application_id": application.pk if application else None,
        "intervention_id": (application.intervention_id if application else None)
        or decision.case.intervention_id,
        "outcome": decision.outcome,
        "amount": None if decision.amount is None else int(decision.amount),
        "period_start": decision.period_start, "period_end": decision.period_end,
        "decided_on": decision.decided_on, "minutes_approved_on": decision.minutes_approved_on,
        "paragraph": decision.paragraph,
    }


@router.get("/applications", response=responses(Paged[ApplicationOut]),
            url_name="applications", operation_id="applications")
def application_list(request, paging: Query[PageQuery], year: Year | None = None,
                     intervention: Id | None = None, status: Status | None = None):
    """Submitted applications; `year`: the planned period touches the year."""
    token = scoped(request, Scope.APPLICATIONS)
    rows = selectors.applications(token=token, year=year, intervention=intervention,
                                  status=status)
    return paged(rows, paging, application_dict)


@router.get("/applications/{application_id}", response=responses(ApplicationOut, detail=True),
            url_name="application", operation_id="application")
def application_detail(request, application_id: Id):
    token = scoped(request, Scope.APPLICATIONS)
    found = found_or_404(selectors.applications(token=token).filter(pk=application_id).first())
    return application_dict(found)


@router.get("/decisions", response=responses(Paged[DecisionOut]),
            url_name="decisions", operation_id="decisions")
def decision_list(request, paging: Query[PageQuery], year: Year | None = None,
                  intervention: Id | None = None, status: Outcome | None = None):
    """The board's decisions; `year`: decided that year, `status`: the outcome."""
    token = scoped(request, Scope.APPLICATIONS)
    rows = selectors.decisions(token=token, year=year, intervention=intervention,
                               outcome=status)
    return paged(rows, paging, decision_dict)


@router.get("/decisions/{decision_id}", response=responses(DecisionOut, detail=True),
            url_name="decision", operation_id="decision")
def decision_detail(request, decision_id: Id):
    token = scoped(request, Scope.APPLICATIONS)
    found = found_or_404(selectors.decisions(token=token).filter(pk=decision_id).first())
    return decision_dict(found)
