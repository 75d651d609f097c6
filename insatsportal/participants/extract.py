"""The register extract for a data subject's request: all their data and who read it."""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder

from insatsportal.participants import crypto
from insatsportal.participants.identity import parse_identity_number
from insatsportal.participants.models import Participant
from insatsportal.participants.selectors import read_log_of


def _codes(codes) -> list[str]:
    return [code.label for code in codes]


def _enrolment(participant) -> dict | None:
    enrolment = getattr(participant, "enrolment", None)
    if enrolment is None:
        return None
    return {
        "enrolled_on": enrolment.enrolled_on,
        "referrer": enrolment.referrer.name if enrolment.referrer else None,
        "referral": enrolment.referral_text,
        "target_group": enrolment.target_group.label if enrolment.target_group else None,
        "support_before": _codes(enrolment.income_before.all()),
        "occupation_before": enrolment.occupation_before.label,
        "occupation_before_percent": enrolment.occupation_before_percent,
        "time_in_public_support_before": enrolment.support_time_before.label,
        "education": enrolment.education.label,
    }


def _discharge(participant) -> dict | None:
    discharge = getattr(participant, "discharge", None)
    if discharge is None:
        return None
    return {
        "discharged_on": discharge.discharged_on,
        "type_of_end": discharge.get_end_type_display(),
        "support_after": _codes(discharge.income_after.all()),
        "occupation_after": discharge.occupation_after.label if discharge.occupation_after
        else None,
        "occupation_after_percent": discharge.occupation_after_percent,
        "exit_conversation_held": discharge.exit_conversation_held,
        "exit_conversation_on": discharge.exit_conversation_on,
        "next_step": discharge.next_step,
        "next_step_party": discharge.next_step_party.name if discharge.next_step_party else None,
    }


def _plan(participant) -> dict | None:
    plan = getattr(participant, "plan", None)
    if plan is None:
        return None
    return {
        "established_on": plan.established_on,
        "goals": plan.goals,
        "steps": plan.steps,
        "anchored_with_participant": plan.anchored_with_participant,
        "anchored_with_parties": [m.name for m in plan.anchored_parties.all()],
        "next_revision_due": plan.next_revision_due,
        "revisions": [{"revised_on": r.revised_on, "notes": r.notes}
                      for r in plan.revisions.all()],
    }


def _ratings(participant) -> list:
    ratings = participant.ratings.select_related("instrument").prefetch_related(
        "answers__item").order_by("rated_on", "pk")
    return [
        {"rated_on": r.rated_on, "occasion": r.get_occasion_display(),
         "instrument": str(r.instrument), "comment": r.comment,
         "answers": {a.item.short_label: a.value for a in r.answers.all()}}
        for r in ratings
    ]


def _activities(participant) -> list:
    return [
        {"date": a.occurred_on, "kind": a.get_kind_display(),
         "duration_minutes": a.duration_minutes, "note": a.note}
        for a in participant.activities.order_by("occurred_on", "pk")
    ]


def _follow_up(participant) -> dict | None:
    follow_up = getattr(participant, "follow_up", None)
    if follow_up is None:
        return None
    return {
        "followed_up_on": follow_up.followed_up_on, "months_after_discharge": follow_up.months,
        "contact_made": follow_up.contact_made,
        "occupation": follow_up.occupation.label if follow_up.occupation else None,
        "occupation_percent": follow_up.occupation_percent,
        "support": _codes(follow_up.income.all()), "note": follow_up.note,
    }


# Functions participant -> (section name, data).
SECTIONS: list = [
    lambda p: ("enrolment", _enrolment(p)),
    lambda p: ("action_plan", _plan(p)),
    lambda p: ("discharge", _discharge(p)),
    lambda p: ("progress_ratings", _ratings(p)),
    lambda p: ("activities", _activities(p)),
    lambda p: ("follow_up", _follow_up(p)),
]


def participants_for_number(personnummer: str):
    digest = crypto.keyed_hash(parse_identity_number(personnummer).normalised)
    return (
        Participant.objects.filter(personnummer_hash=digest)
        .select_related("intervention", "home_kommun", "consent")
        .order_by("created_at")
    )


def _consent(participant) -> dict | None:
    consent = getattr(participant, "consent", None)
    if consent is None:
        return None
    return {
        "given_on": consent.given_on,
        "form_version": consent.form_version,
        "valid_until": consent.valid_until,
        "partners": [m.name for m in consent.partners.all()],
        "scanned_copy_kept": bool(consent.scan),
        "withdrawn_at": consent.withdrawn_at,
    }


def participant_extract(participant: Participant) -> dict:
    data = {
        "intervention": participant.intervention.name,
        "participant_number": participant.number,
        "registered": participant.created_at,
        "name": participant.name,
        "personnummer": participant.personnummer,
        "sex": participant.get_sex_display(),
        "birth_year": participant.birth_year,
        "home_municipality": participant.home_kommun.name if participant.home_kommun else None,
        "year_of_start": participant.start_year,
        "consent": _consent(participant),
    }
    for section in SECTIONS:
        key, value = section(participant)
        data[key] = value
    data["reads"] = [
        {"at": entry.at, "by": entry.user_name, "what": entry.get_what_display()}
        for entry in read_log_of(participant.pk).order_by("at", "id")
    ]
    return data


def register_extract(participants) -> str:
    document = {
        "created": datetime.datetime.now(datetime.UTC),
        "records": [participant_extract(p) for p in participants],
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2, default=str)
