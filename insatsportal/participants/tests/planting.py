"""A participant with a unique marker in every field, for the marker-value tests."""

import datetime

from insatsportal.organisations.models import Member
from insatsportal.participants.services import registration
from insatsportal.participants.tests import factories

NAME = "Markörnamn Zqxjvåk"
PNR = "19850615-1235"
MARKERS = [
    "Zqxjvåk",
    "19850615-1235",
    "850615-1235",
    "198506151235",
    "Formversion-Mkq77",
    "Remissmarkör-Wqv31",
    "Nästastegmarkör-Ptz58",
    "Målmarkör-Hjx40",
    "Stegmarkör-Kvb92",
    "Revisionsmarkör-Lpo63",
    "Skattningsmarkör-Rvn27",
    "Aktivitetsmarkör-Bnm84",
    "Uppföljningsmarkör-Qsd15",
]


def plant():
    participant = _identified()
    for step in STEPS:
        step(participant)
    return participant


def _identified():
    participant, _ = registration.participant_register(
        actor=factories.staff(), intervention=factories.intervention(), personnummer=PNR,
        name=NAME, sex="kvinna", home_kommun=Member.objects.get(name="Knivsta kommun"),
        consent_given_on=datetime.date(2024, 1, 10),
        consent_form_version="Formversion-Mkq77",
        consent_partners=[Member.objects.get(name="Region Uppsala")],
    )
    return participant


def _enrol(participant):
    factories.enrol(participant, referral_text="Remissmarkör-Wqv31")


# One function per step; each plants its own markers.
def _discharge(participant):
    factories.discharge(participant, next_step="Nästastegmarkör-Ptz58")


def _plan(participant):
    from insatsportal.participants.services.plan import plan_revise

    factories.plan(participant, goals="Målmarkör-Hjx40", steps="Stegmarkör-Kvb92")
    plan_revise(actor=factories.staff(), participant=participant,
                revised_on=datetime.date(2024, 5, 1), notes="Revisionsmarkör-Lpo63")


def _rate(participant):
    factories.rate(participant, rated_on=datetime.date(2024, 2, 1),
                   comment="Skattningsmarkör-Rvn27")


def _activity(participant):
    factories.activity(participant, occurred_on=datetime.date(2024, 3, 4),
                       note="Aktivitetsmarkör-Bnm84")


def _follow_up(participant):
    factories.follow_up(participant, note="Uppföljningsmarkör-Qsd15")


STEPS: list = [_enrol, _plan, _rate, _activity, _discharge, _follow_up]
