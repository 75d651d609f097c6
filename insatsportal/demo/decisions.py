"""The seeds' two decisions (003, 004) linked to their application and intervention.

Seed 004 granted the predecessor "En väg in – flera vägar ut Knivsta" (its application
is not among the seeds); seed 003 is the working committee's proposal on application 000,
granted as proposed. Both become grants of the intervention "En väg in – steget vidare".
"""

import datetime

from insatsportal.applications.models import Application
from insatsportal.cases import selectors, services
from insatsportal.cases.models import Case, Decision, Meeting
from insatsportal.cases.models.meeting import Body
from insatsportal.interventions.models import Intervention

D = datetime.date


def demo_decisions(association) -> None:
    """Create once; a second run changes nothing."""
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    _predecessor_decision(intervention)
    application = Application.objects.get(name="En väg in – steget vidare")
    case = Case.objects.get(application=application)
    if case.is_open:
        _extension_decision(case, association)


def _predecessor_decision(intervention) -> None:
    title = "En väg in – flera vägar ut Knivsta"
    if Case.objects.filter(title=title).exists():
        return
    case = Case.objects.create(number=services.case_number_next(year=2017), year=2017,
                               title=title, intervention=intervention)
    meeting, _ = Meeting.objects.get_or_create(body=Body.BOARD, date=D(2017, 12, 8))
    item = services.agenda_add(meeting=meeting, case=case, actor=None)
    services.decision_record(
        case=case, outcome=Decision.Outcome.GRANTED, decided_on=meeting.date, actor=None,
        amount=5_900_000, period_start=D(2018, 1, 1), period_end=D(2021, 12, 31),
        agenda_item=item,
    )
    services.minutes_approve(meeting=meeting, approved_on=D(2017, 12, 15), actor=None)


def _extension_decision(case, association) -> None:
    if case.status == Case.Status.RECEIVED:
        services.case_start_preparation(case=case, actor=None)
    granted = (3_391_000, D(2023, 1, 1), D(2024, 12, 31))
    draft = selectors.case_draft(case, amount=granted[0], period_start=granted[1],
                                 period_end=granted[2])
    services.proposal_save(case=case, draft=draft, amount=granted[0],
                           period_start=granted[1], period_end=granted[2], actor=None)
    committee, _ = Meeting.objects.get_or_create(body=Body.WORKING_COMMITTEE,
                                                 date=D(2022, 9, 1))
    services.agenda_add(meeting=committee, case=case, actor=None)
    board, _ = Meeting.objects.get_or_create(body=Body.BOARD, date=D(2022, 9, 22))
    item = services.agenda_add(meeting=board, case=case, actor=None)
    services.decision_record(
        case=case, outcome=Decision.Outcome.GRANTED, decided_on=board.date, actor=None,
        amount=granted[0], period_start=granted[1], period_end=granted[2], agenda_item=item,
        conditions="Finansieringen gäller under förutsättning att förbundet beviljas medel "
                   "från medlemsorganisationerna och att insatsen följer ansökan, gällande "
                   "lagstiftning och förbundets styrdokument.",
    )
    services.minutes_approve(meeting=board, approved_on=D(2022, 9, 29), actor=None)
