"""The register extract for a data subject's request: all their data and who read it."""

import datetime
import json

from django.core.serializers.json import DjangoJSONEncoder

from insatsportal.participants import crypto
from insatsportal.participants.identity import parse_identity_number
from insatsportal.participants.models import Participant, ReadLogEntry

# Functions participant -> (section name, data); each later step adds its own.
SECTIONS: list = []


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
        for entry in ReadLogEntry.objects.filter(participant_id=participant.pk).order_by("at")
    ]
    return data


def register_extract(participants) -> str:
    document = {
        "created": datetime.datetime.now(datetime.UTC),
        "records": [participant_extract(p) for p in participants],
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2, default=str)
