"""A few meetings, requisitions and a deviation report for "En väg in – steget vidare"."""

import datetime
from decimal import Decimal

from insatsportal.accounts.models import User
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.reports.deviations import services as deviations
from insatsportal.reports.meetings.services import meeting_log
from insatsportal.reports.models import Deviation, InterventionMeeting, Requisition
from insatsportal.reports.requisitions import services as requisitions

D = datetime.date
MEETINGS = [
    (D(2024, 2, 6), "operative", ["Arbetsförmedlingen", "Försäkringskassan"],
     "Avstämning av deltagarflödet och nya remisser."),
    (D(2024, 3, 12), "steering_group", ["Arbetsförmedlingen", "Region Uppsala",
                                        "Försäkringskassan"],
     "Styrgruppen följde upp budget och mål för första kvartalet."),
    (D(2024, 4, 18), "lokus_report", [], "Återrapportering till LOKUS Knivsta."),
    (D(2024, 5, 14), "operative", ["Arbetsförmedlingen", "Region Uppsala"],
     "Samverkan kring praktikplatser."),
]


def demo_reports() -> None:
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    owner = User.objects.get(username="insatsansvarig")
    office = User.objects.get(username="kansli")
    if not InterventionMeeting.objects.filter(intervention=intervention).exists():
        for held_on, kind, parties, minutes in MEETINGS:
            meeting_log(intervention=intervention, held_on=held_on, kind=kind, minutes=minutes,
                        parties=list(Member.objects.filter(name__in=parties + ["Knivsta kommun"])),
                        actor=owner, today=held_on)
    if not Requisition.objects.filter(intervention=intervention).exists():
        first = requisitions.requisition_submit(
            intervention=intervention, member=intervention.owner, year=2024, quarter=1,
            amounts={"salary": Decimal(412000), "premises_rent": Decimal(24000),
                     "travel": Decimal(3200)}, actor=owner)
        requisitions.requisition_approve(requisition=first, actor=office)
        requisitions.requisition_submit(
            intervention=intervention, member=intervention.owner, year=2024, quarter=2,
            amounts={"salary": Decimal(418000), "participant_activities": Decimal(12500)},
            actor=owner)
    if not Deviation.objects.filter(intervention=intervention).exists():
        deviations.deviation_report(
            intervention=intervention, kind="staffing", today=D(2024, 5, 20), actor=owner,
            description="En av två coacher har slutat och tjänsten är vakant sedan maj.",
            consequence="Färre nya deltagare kan skrivas in under andra kvartalet.",
            proposed_measure="Rekrytering pågår; tills vidare förstärker Arbetsförmedlingen.",
            decision_needed=False)
