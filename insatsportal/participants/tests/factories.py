"""Participants for tests, made through the services as staff would make them."""

import datetime

from insatsportal.accounts.models import User
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.participants.services import registration

INTERVENTION = "En väg in – steget vidare"
OTHER_INTERVENTION = "Framsteget i Håbo"
__all__ = ["Member"]
# Fictional, Luhn-valid numbers in Skatteverket's published test series style.
PNR = "19900101-0017"
OTHER_PNR = "19850615-1235"


def intervention(name=INTERVENTION) -> Intervention:
    """The demo's intervention, or another one (made here: the demo has only one)."""
    if name == INTERVENTION:
        return Intervention.objects.get(name=name)
    owner = Member.objects.get(name="Håbo kommun")
    return Intervention.objects.get_or_create(name=name, defaults={"owner": owner})[0]


def staff() -> User:
    return User.objects.get(username="deltagaransvarig")


def identified(*, pnr=PNR, name="Testa Testsson", partners=("Arbetsförmedlingen",),
               where=INTERVENTION, given_on=datetime.date(2024, 1, 10), sex="kvinna", **extra):
    participant, _ = registration.participant_register(
        actor=staff(), intervention=intervention(where), personnummer=pnr, name=name, sex=sex,
        home_kommun=Member.objects.get(name="Knivsta kommun"), consent_given_on=given_on,
        consent_form_version="v1", consent_partners=list(Member.objects.filter(name__in=partners)),
        **extra,
    )
    return participant


def anonymous(*, where=INTERVENTION, sex="man", start_year=2024):
    return registration.participant_register_anonymous(
        actor=staff(), intervention=intervention(where), sex=sex, start_year=start_year
    )


def keep_running(name=INTERVENTION) -> Intervention:
    """Extend the intervention past today, as a new grant would: a consent ends with it."""
    import django.utils.timezone

    running = intervention(name)
    today = django.utils.timezone.localdate()
    if running.end_date is not None and running.end_date < today:
        running.end_date = today.replace(year=today.year + 1)
        running.save(update_fields=["end_date"])
    return running


def matrix_participant():
    """One identified participant for the permission matrix, made once per test, in an
    intervention that is still running (partners' case workers see it)."""
    from insatsportal.participants.models import Participant

    keep_running()
    existing = Participant.objects.filter(intervention__name=INTERVENTION, is_anonymous=False)
    return existing.order_by("number").first() or identified(pnr="19911111-1119",
                                                              name="Matris Matrisson")


def code(key, code_value):
    from insatsportal.participants.models import Code

    return Code.objects.get(code_list__key=key, code=code_value, is_active=True)


def enrol(participant, *, enrolled_on=datetime.date(2024, 1, 15), referral_text="", **extra):
    from insatsportal.participants.services.enrolment import enrolment_record

    return enrolment_record(
        actor=staff(), participant=participant, enrolled_on=enrolled_on,
        referrer=Member.objects.get(name="Arbetsförmedlingen"), referral_text=referral_text,
        target_group=code("target_group", "unga-uva"),
        income_before=[code("income", "forsorjningsstod"), code("income", "a-kassa")],
        occupation_before=code("occupation", "arbetssokande"),
        support_time_before=code("support_time", "1-2"), education=code("education", "grundskola"),
        **extra,
    )


def discharge(participant, *, discharged_on=datetime.date(2024, 9, 30), end_type="planned",
              **extra):
    from insatsportal.participants.services.discharge import discharge_record

    if participant.is_anonymous:
        return discharge_record(actor=staff(), participant=participant,
                                discharged_on=discharged_on, end_type=end_type)
    return discharge_record(
        actor=staff(), participant=participant, discharged_on=discharged_on, end_type=end_type,
        income_after=[code("income", "ingen")],
        occupation_after=code("occupation", "arbete-osubventionerat"),
        occupation_after_percent=extra.pop("occupation_after_percent", 75), **extra,
    )


def plan(participant, *, established_on=datetime.date(2024, 2, 1), goals="Arbete eller studier",
         steps="Praktik", **extra):
    from insatsportal.participants.services.plan import plan_establish

    return plan_establish(
        actor=staff(), participant=participant, established_on=established_on, goals=goals,
        steps=steps, anchored_with_participant=True,
        anchored_parties=list(Member.objects.filter(name="Arbetsförmedlingen")), **extra,
    )


def instrument():
    from insatsportal.participants.models import Instrument

    return Instrument.objects.filter(is_active=True).order_by("name", "-version").first()


def rate(participant, *, rated_on=datetime.date(2024, 1, 20), value=2, occasion="start",
         comment="", values=None):
    """A rating with the same `value` for every item, or `values` in item order."""
    from insatsportal.participants.services.rating import rating_record

    tool = instrument()
    items = list(tool.items.all())
    chosen = values or [value] * len(items)
    return rating_record(
        actor=staff(), participant=participant, instrument=tool, occasion=occasion,
        rated_on=rated_on, comment=comment,
        values={item.pk: v for item, v in zip(items, chosen, strict=True)},
    )


def activity(*participants, kind="coaching", occurred_on=datetime.date(2024, 3, 4),
             duration_minutes=60, note=""):
    from insatsportal.participants.services.activity import activity_log

    return activity_log(actor=staff(), participants=list(participants), kind=kind,
                        occurred_on=occurred_on, duration_minutes=duration_minutes, note=note)


def follow_up(participant, *, followed_up_on=datetime.date(2025, 3, 30), contact_made=True,
              note=""):
    from insatsportal.participants.services.followup import follow_up_record

    return follow_up_record(
        actor=staff(), participant=participant, followed_up_on=followed_up_on,
        contact_made=contact_made, occupation=code("occupation", "studier") if contact_made
        else None, income=[code("income", "ingen")] if contact_made else [], note=note)
