"""One of everything, every field filled in: the objects the round-trip test loads and saves.

An edit form that drops a value can only be caught where a value was saved, so each object
here carries a value in every field its forms show (LOKUS "Ja", dates, decimals, choices,
several selected codes, free text with line breaks).
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.urls import reverse

from insatsportal.accounts.models import User

LINES = "Första raden.\nAndra raden med “citat” & <tecken>."


@dataclass
class World:
    application: object
    case: object
    participant: object
    intervention: object
    report: object
    meeting: object = None


def _application():
    from insatsportal.applications import completion, selectors, services
    from insatsportal.applications.models import Application
    from insatsportal.applications.serialize import application_to_dict, budget_data_from_model
    from insatsportal.cases import services as case_services
    from insatsportal.organisations.models import LocalGroup

    owner = User.objects.get(username="insatsansvarig")
    seed = selectors.application_load(
        Application.objects.get(name="En väg in – steget vidare").pk)
    data = application_to_dict(seed, budget_data=budget_data_from_model(seed.budget))
    data.update(name="Rundturen", anchoring_discussed=True,
                anchoring_group=LocalGroup.objects.get(kommun__name="Knivsta kommun").name,
                anchoring_dates=["2024-03-01", "2024-04-12"], anchoring_text=LINES,
                purpose=LINES, age_min=18, age_max=29, participants_total=40)
    application = services.application_create_from_data(actor=owner, data=data)
    # Returned for completion with questions, one answered: the owner's form then shows them.
    case_services.application_submit(actor=owner, application=application)
    case_services.case_request_completion(
        actor=User.objects.get(username="kansli"), case=application.case,
        questions=[("anchoring", LINES), ("budget", "Lönerna?")])
    question = application.completion_questions.get(section="anchoring")
    completion.completion_answers_save(actor=owner, application=application,
                                       answers={question.pk: LINES})
    return application


def _case():
    from insatsportal.cases import selectors, services
    from insatsportal.cases.models import Case

    office = User.objects.get(username="kansli")
    case = Case.objects.get(number="2021-15")
    services.case_start_preparation(case=case, actor=office)
    services.case_assign(case=case, handler=office, actor=office)
    services.checklist_note_save(case=case, item="signatures", text=LINES, actor=office)
    services.proposal_save(case=case, draft=selectors.case_draft(case), amount=1_234_567,
                           period_start=datetime.date(2025, 1, 1),
                           period_end=datetime.date(2026, 12, 31), actor=office)
    return case


def _participant():
    from insatsportal.participants.tests import factories as f

    person = f.identified(pnr="19900101-0017", name="Runda Rundsson",
                          partners=("Arbetsförmedlingen", "Försäkringskassan"))
    f.enrol(person, referral_text=LINES)
    f.plan(person)
    f.discharge(person, exit_conversation_held=True,
                exit_conversation_on=datetime.date(2024, 9, 25), next_step=LINES)
    f.follow_up(person, note=LINES)
    return person


def _report(intervention):
    from insatsportal.reports.models import QuarterlyReport

    report, _ = QuarterlyReport.objects.get_or_create(intervention=intervention, year=2024,
                                                      quarter=4)
    for name in ("went_well", "problems", "samverkan", "next_quarter"):
        setattr(report, name, LINES)
    report.save()
    return report


def _policy(intervention):
    from insatsportal.participants.services.followup import follow_up_policy_set

    staff = User.objects.get(username="deltagaransvarig")
    follow_up_policy_set(actor=staff, intervention=intervention, months=12,
                         sample_only=True)


def _administrative_cost():
    from insatsportal.reports.common import today
    from insatsportal.reports.national.services import administrative_cost_save

    administrative_cost_save(year=today().year - 1, amount=Decimal("812345"), note=LINES,
                             actor=User.objects.get(username="kansli"))


def _meeting(intervention):
    from insatsportal.cases import services
    from insatsportal.cases.models.meeting import Body

    office = User.objects.get(username="kansli")
    meeting = services.meeting_create(body=Body.choices[-1][0], date=datetime.date(2031, 5, 20),
                                      place="Uppsala", actor=office)
    case = services.case_open_without_application(title="Rundturens ärende",
                                                  intervention=intervention, year=2031,
                                                  actor=office)
    item = services.agenda_add(meeting=meeting, case=case, actor=office)
    services.agenda_minutes_save(item=item, minutes=LINES, actor=office)
    return meeting


def build() -> World:
    from insatsportal.interventions.models import Intervention

    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    world = World(application=_application(), case=_case(), participant=_participant(),
                  intervention=intervention, report=_report(intervention))
    world.meeting = _meeting(intervention)
    _policy(intervention)
    _administrative_cost()
    return world


def _person(name):
    return lambda w: reverse(name, args=[w.participant.pk])


# The pages whose forms edit a filled object; every other page is loaded as the permission
# matrix builds it.
PAGES = {
    "applications:edit": lambda w: reverse("applications:edit", args=[w.application.pk]),
    "applications:budget": lambda w: reverse("applications:budget", args=[w.application.pk]),
    "cases:detail": lambda w: reverse("cases:detail", args=[w.case.pk]),
    "cases:proposal_edit": lambda w: reverse("cases:proposal_edit", args=[w.case.pk]),
    "participants:detail": _person("participants:detail"),
    "participants:edit": _person("participants:edit"),
    "participants:enrolment": _person("participants:enrolment"),
    "participants:discharge": _person("participants:discharge"),
    "participants:plan": _person("participants:plan"),
    "participants:follow_up": _person("participants:follow_up"),
    "cases:meeting": lambda w: reverse("cases:meeting", args=[w.meeting.pk]),
    "reports:quarterly": lambda w: reverse("reports:quarterly", kwargs={
        "pk": w.intervention.pk, "year": w.report.year, "quarter": w.report.quarter}),
}
