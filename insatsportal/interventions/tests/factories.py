"""Hand-made grants: an application with a budget, a case, a decision and its grant."""

import datetime
import itertools

from insatsportal.accounts.models import User
from insatsportal.applications import services as application_services
from insatsportal.applications.models import Application
from insatsportal.cases.models import Case, Decision, Grant
from insatsportal.interventions.models import Intervention

D = datetime.date
_numbers = itertools.count(1)


def application_data(*, years=None, lines=None, owners=None, start="2024-01-01",
                     end="2025-12-31", name="Steg för steg") -> dict:
    """Knivsta kommun (lead) and Arbetsförmedlingen (co-owner 1), 1 220 000 kr applied."""
    return {
        "name": name,
        "owner": "Knivsta kommun",
        "partners": [{"member": "Arbetsförmedlingen"}],
        "planned_start": start,
        "planned_end": end,
        "budget": {
            "owners": owners or [{"position": 0, "member": "Knivsta kommun"},
                                 {"position": 1, "member": "Arbetsförmedlingen"}],
            "lines": lines or [
                {"funding": "association", "section": "salary", "title": "Coach",
                 "percent": "100", "period_from": start, "period_to": end,
                 "amounts": ["900000", "300000"]},
                {"funding": "association", "category": "travel", "amounts": ["20000"]},
                {"funding": "co_financing", "category": "premises_rent",
                 "amounts": ["100000"]},
            ],
            "years": years if years is not None else [
                {"index": 1, "year": 2024, "salary": "600000", "other": "10000"},
                {"index": 2, "year": 2025, "salary": "600000", "other": "10000"},
            ],
        },
    }


def grant_make(*, amount, start, end, application: Application | None = None,
               data: dict | None = None, intervention: Intervention | None = None,
               outcome=Decision.Outcome.PARTLY_GRANTED) -> Grant:
    """A grant by a recorded decision, created directly (no meeting, no proposal)."""
    if application is None and data is not None:
        actor = User.objects.get(username="insatsansvarig")
        application = application_services.application_create_from_data(actor=actor, data=data)
    owner = application.owner if application else None
    if intervention is None:
        intervention = Intervention.objects.create(
            name=application.name if application else "Historisk insats",
            owner=owner or _knivsta(), start_date=start, end_date=end,
        )
    case = Case.objects.create(number=f"T-{next(_numbers)}", year=start.year,
                               title=intervention.name, application=application,
                               intervention=intervention)
    decision = Decision.objects.create(case=case, outcome=outcome, amount=amount,
                                       period_start=start, period_end=end, decided_on=start)
    if application is not None:
        application.intervention = intervention
        application.save(update_fields=["intervention"])
    return Grant.objects.create(intervention=intervention, decision=decision, amount=amount,
                                period_start=start, period_end=end)


def _knivsta():
    from insatsportal.organisations.models import Member

    return Member.objects.get(name="Knivsta kommun")
