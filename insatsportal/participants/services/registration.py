"""Registration with consent or anonymous, consent withdrawal and protected identity."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from insatsportal.core import uploads
from insatsportal.core.audit import log_action
from insatsportal.interventions.models import Intervention
from insatsportal.participants import crypto
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.identity import parse_identity_number
from insatsportal.participants.models import (
    ActionPlan,
    Activity,
    Consent,
    Discharge,
    Enrolment,
    FollowUp,
    Participant,
    Rating,
)
from insatsportal.participants.services.discharge import discharge_strip
from insatsportal.participants.services.facts import facts_keep
from insatsportal.participants.services.nametokens import name_tokens_write
from insatsportal.participants.services.rating import item_changes_clear

SCAN_TYPES = uploads.SCAN_TYPES


AGGREGATES_ONLY = gettext_lazy(
    "This installation keeps aggregates only: participants are registered anonymously."
)


def _next_number(intervention: Intervention) -> int:
    Intervention.objects.select_for_update().filter(pk=intervention.pk).first()
    current = intervention.participants.aggregate(top=Max("number"))["top"] or 0
    return current + 1


def registered_elsewhere(*, personnummer_hash: str, intervention: Intervention) -> bool:
    """Whether the person is registered in another intervention, without saying which."""
    return (
        Participant.objects.filter(personnummer_hash=personnummer_hash)
        .exclude(intervention=intervention)
        .exists()
    )


@transaction.atomic
def participant_register(
    *,
    actor,
    intervention: Intervention,
    personnummer: str,
    name: str,
    sex: str,
    home_kommun=None,
    consent_given_on: datetime.date,
    consent_form_version: str,
    consent_valid_until: datetime.date | None = None,
    consent_partners=(),
    consent_scan=None,
) -> tuple[Participant, bool]:
    """Register an identified participant with written consent.

    Returns the participant and whether the same person is registered in another
    intervention (which one is never said).
    """
    if settings.PARTICIPANTS_AGGREGATES_ONLY:
        raise ParticipantError(AGGREGATES_ONLY)
    identity = parse_identity_number(personnummer)
    digest = crypto.keyed_hash(identity.normalised)
    if Participant.objects.filter(intervention=intervention, personnummer_hash=digest).exists():
        raise ParticipantError(_("The person is already registered in this intervention."))
    if not name.strip():
        raise ParticipantError(_("A participant registered with consent needs a name."))
    elsewhere = registered_elsewhere(personnummer_hash=digest, intervention=intervention)
    participant = Participant.objects.create(
        intervention=intervention,
        number=_next_number(intervention),
        sex=sex,
        start_year=consent_given_on.year,
        name_encrypted=crypto.encrypt(name.strip()),
        personnummer_encrypted=crypto.encrypt(identity.normalised),
        personnummer_hash=digest,
        name_index=crypto.name_index(name),
        birth_year=identity.birth_date.year,
        home_kommun=home_kommun,
        created_by=actor,
    )
    name_tokens_write([participant])
    facts_keep([participant.pk], new=True)
    consent = Consent.objects.create(
        participant=participant,
        given_on=consent_given_on,
        form_version=consent_form_version,
        valid_until=consent_valid_until,
        recorded_by=actor,
    )
    consent.partners.set(consent_partners)
    if consent_scan is not None:
        consent_attach_scan(consent=consent, upload=consent_scan)
    log_action(
        actor=actor, obj=participant, action="participant.registered",
        data={"consent": True, "registered_elsewhere": elsewhere},
    )
    return participant, elsewhere


def consent_attach_scan(*, consent: Consent, upload) -> None:
    """Store the scanned consent encrypted, under a random name, with the content type its
    bytes show (never the one the browser sent)."""
    try:
        content_type = uploads.scan_check(upload, max_bytes=settings.CONSENT_SCAN_MAX_BYTES)
    except ValidationError as exc:
        raise ParticipantError(" ".join(exc.messages)) from exc
    data = crypto.encrypt_bytes(upload.read())
    consent.scan.save(f"{uuid.uuid4().hex}.bin", ContentFile(data), save=False)
    consent.scan_content_type = content_type
    consent.save(update_fields=["scan", "scan_content_type"])


def consent_scan_content(*, consent: Consent) -> bytes:
    with consent.scan.open("rb") as handle:
        return crypto.decrypt_bytes(handle.read())


@transaction.atomic
def participant_register_anonymous(
    *, actor, intervention: Intervention, sex: str, start_year: int
) -> Participant:
    participant = Participant.objects.create(
        intervention=intervention,
        number=_next_number(intervention),
        is_anonymous=True,
        sex=sex,
        start_year=start_year,
        created_by=actor,
    )
    facts_keep([participant.pk], new=True)
    log_action(actor=actor, obj=participant, action="participant.registered",
               data={"consent": False})
    return participant


def _anonymise(participant: Participant, *, protected: bool = False) -> None:
    """Keep exactly what participants/anonymity.py lists (the forms quote it): sex, the year
    of start and, unless the identity is protected, the dated facts the figures count."""
    consent = getattr(participant, "consent", None)
    if consent is not None and consent.scan:
        storage, name = consent.scan.storage, consent.scan.name
        transaction.on_commit(lambda: storage.delete(name))
        consent.scan = ""
        consent.scan_content_type = ""
        consent.save(update_fields=["scan", "scan_content_type"])
    if consent is not None:
        consent.partners.clear()
    Enrolment.objects.filter(participant=participant).delete()
    ActionPlan.objects.filter(participant=participant).delete()
    participant.plan_revision_due = None  # the plan is gone (due: no revision to count)
    item_changes_clear([participant.pk])
    Rating.objects.filter(participant=participant).delete()
    FollowUp.objects.filter(participant=participant).delete()
    if protected:
        Activity.objects.filter(participant=participant).delete()
        Discharge.objects.filter(participant=participant).delete()
        participant.under_way = True  # facts.UNDER_WAY: no discharge any more
        Consent.objects.filter(participant=participant).delete()
        participant._state.fields_cache.pop("consent", None)
    else:
        Activity.objects.filter(participant=participant).update(note="")
        discharge_strip(participant)
    participant.is_anonymous = True
    participant.name_encrypted = ""
    participant.personnummer_encrypted = ""
    participant.personnummer_hash = None
    participant.name_index = ""
    participant.birth_year = None
    participant.home_kommun = None
    participant.latest_rated_on = participant.latest_rating_improved = None
    participant.enrolled_on = None  # the enrolment is gone
    participant.save()
    name_tokens_write([participant])
    facts_keep([participant.pk])


@transaction.atomic
def consent_withdraw(*, actor, participant: Participant, withdrawn_at=None) -> None:
    """Withdrawal turns the record anonymous at once."""
    consent = getattr(participant, "consent", None)
    if participant.is_anonymous or consent is None or consent.withdrawn_at is not None:
        raise ParticipantError(_("There is no valid consent to withdraw."))
    consent.withdrawn_at = withdrawn_at or timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    _anonymise(participant)
    log_action(actor=actor, obj=participant, action="consent.withdrawn")


@transaction.atomic
def participant_mark_protected(*, actor, participant: Participant) -> None:
    """Protected identity (skyddade personuppgifter): no identifier stays anywhere."""
    if participant.protected_identity:
        raise ParticipantError(_("The participant is already marked as protected."))
    _anonymise(participant, protected=True)
    participant.protected_identity = True
    participant.save(update_fields=["protected_identity"])
    log_action(actor=actor, obj=participant, action="participant.protected")


@transaction.atomic
def participant_update(*, actor, participant: Participant, name: str, sex: str,
                       home_kommun=None) -> None:
    """Correct the name, sex or home municipality of an identified participant."""
    if participant.is_anonymous:
        raise ParticipantError(_("An anonymous record holds no name or municipality."))
    if (participant.sex == sex and participant.home_kommun_id == getattr(home_kommun, "pk", None)
            and crypto.decrypt(participant.name_encrypted) == name.strip()):
        return  # the same name encrypts differently each time: compare the plain text
    participant.name_encrypted = crypto.encrypt(name.strip())
    participant.name_index = crypto.name_index(name)
    participant.sex = sex
    participant.home_kommun = home_kommun
    participant.save()
    name_tokens_write([participant])
    facts_keep([participant.pk])
    log_action(actor=actor, obj=participant, action="participant.updated")
