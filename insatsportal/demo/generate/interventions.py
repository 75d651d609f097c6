"""Invented interventions ("Testinsats 01", …) owned by the demo kommuner, with grants.

Each period is applied for and granted through the ordinary flow (an application with
measurable goals, submitted, prepared and granted by a decision), so that reports find
goals, budgets, periods and participants. Their periods run around today's date.
"""

import datetime
import random
from decimal import Decimal

from insatsportal.accounts.models import Role, RoleAssignment, User
from insatsportal.applications import services as application_services
from insatsportal.cases import services as case_services
from insatsportal.cases.models import Case, Decision
from insatsportal.core.calendar import add_months
from insatsportal.interventions.models import Intervention
from insatsportal.interventions.services import intervention_create
from insatsportal.organisations.models import Member
from insatsportal.participants.models import FollowUpPolicy
from insatsportal.participants.services.followup import follow_up_policy_set

OWNERS = ["Knivsta kommun", "Uppsala kommun", "Enköpings kommun", "Tierps kommun",
          "Håbo kommun", "Östhammars kommun", "Heby kommun", "Älvkarleby kommun"]
PARTNERS = ["Arbetsförmedlingen", "Försäkringskassan", "Region Uppsala"]
DEMO_INTERVENTION = "En väg in – steget vidare"
# The persona that demonstrates the participant pages also gets the first generated one,
# which has people in progress (the demo intervention ended in 2024).
PERSONA = "deltagaransvarig"
DAY = datetime.timedelta(days=1)


def generated_name(k: int) -> str:
    return f"Testinsats {k:02d}"


def generated_interventions_ensure(*, count: int, today: datetime.date) -> list[Intervention]:
    """Testinsats 01 … `count`; those that exist are kept as they are."""
    result = []
    members = {m.name: m for m in Member.objects.filter(name__in=OWNERS + PARTNERS)}
    for k in range(1, count + 1):
        existing = Intervention.objects.filter(name=generated_name(k)).first()
        result.append(existing or _create(k, today=today, members=members))
    if result:
        _give_persona(result[0])
    return result


def _create(k: int, *, today: datetime.date, members) -> Intervention:
    # Made-up facts, the same for every run: seeded with the intervention's number.
    rng = random.Random(f"intervention:{k}")  # noqa: S311  # nosec B311
    owner = members[OWNERS[(k - 1) % len(OWNERS)]]
    first_day = today.replace(day=1)
    start = add_months(first_day, -rng.randint(8, 30))
    # A plain row: the granting decisions below set its period and status.
    intervention = intervention_create(
        actor=None, name=generated_name(k), owner=owner,
        partners=[members[name] for name in PARTNERS], action="demo.generated",
        data={"number": k})
    periods = [(start, add_months(start, 24) - DAY)]
    if rng.random() < 0.6:
        periods.append((periods[0][1] + DAY, add_months(start, 36) - DAY))
    for period_start, period_end in periods:
        decided_on = add_months(period_start, -2)
        if decided_on > today:
            break
        application = application_services.application_create_from_data(
            actor=None, data=_application_data(intervention, owner, period_start, period_end,
                                               rng))
        case_services.application_submit(actor=None, application=application)
        case = Case.objects.get(application=application)
        case_services.case_start_preparation(case=case, actor=None)
        yearly = Decimal(rng.randrange(900, 2600) * 1000)
        years = Decimal((period_end - period_start).days + 1) / Decimal(365)
        case_services.decision_record(
            case=case, outcome=Decision.Outcome.GRANTED, decided_on=decided_on, actor=None,
            amount=(yearly * years).quantize(Decimal("1000")), period_start=period_start,
            period_end=period_end, minutes_approved_on=decided_on + 7 * DAY,
            paragraph=f"§ {10 + k}",
            conditions="Påhittat beslut för demonstration.")
    if not FollowUpPolicy.objects.filter(intervention=intervention).exists():
        follow_up_policy_set(actor=None, intervention=intervention,
                             months=6 if k % 2 else 12, sample_only=k % 3 == 0)
    intervention.refresh_from_db()
    return intervention


def _application_data(intervention, owner, start, end, rng) -> dict:
    """A short application on the template with the measurable goals real ones state."""
    goals = [
        ("output", "Deltagare som skrivs in per år.", "participants_per_year",
         rng.choice([40, 60, 80]), "per år"),
        ("output", "Andel deltagare med en handlingsplan förankrad med deltagaren.",
         "share_with_action_plan", 80, "%"),
        ("output", "Handlingsplan inom sex veckor från inskrivning.",
         "action_plan_within_weeks", 6, "veckor"),
        ("outcome", "Andel avslutade till arbete eller studier.",
         "discharged_to_work_or_studies", rng.choice([25, 30, 40]), "%"),
        ("output", "Uppföljning sex månader efter avslut.", "followed_up", 15, "personer"),
        ("output", "Operativa avstämningar med parterna.", "meetings_per_year", 6, "per år"),
    ]
    if rng.random() < 0.5:
        goals.append(("outcome", "Andel med förbättrad progressionsmätning.",
                      "progress_improved", 50, "%"))
    return {
        "name": intervention.name, "owner": owner.name, "continues": intervention.name,
        "purpose": "Påhittad insats för demonstration och mätning.",
        "target_group": "Personer 16–64 år som behöver samordnat stöd (påhittad).",
        "planned_start": start.isoformat(), "planned_end": end.isoformat(),
        "partners": [{"member": name} for name in PARTNERS],
        "goals": [{"kind": kind, "text": text, "target_kind": target_kind,
                   "target_value": str(value), "target_unit": unit}
                  for kind, text, target_kind, value, unit in goals],
    }


def demo_follow_up_policy_ensure(intervention: Intervention) -> None:
    """Seed 000: 15 randomly chosen individuals followed up 6 months after discharge."""
    if not FollowUpPolicy.objects.filter(intervention=intervention).exists():
        follow_up_policy_set(actor=None, intervention=intervention, months=6, sample_only=True)


def _give_persona(intervention: Intervention) -> None:
    user = User.objects.filter(username=PERSONA).first()
    if user is not None:
        RoleAssignment.objects.get_or_create(user=user, role=Role.DELTAGARANSVARIG,
                                             intervention=intervention)
