"""Follow-up after discharge: the per-intervention policy, outcomes and random samples."""

import datetime
import random
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.core.calendar import add_months
from insatsportal.core.changes import unchanged
from insatsportal.interventions.models import Intervention
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import (
    Discharge,
    FollowUp,
    FollowUpPolicy,
    FollowUpSample,
    Participant,
)
from insatsportal.participants.services.enrolment import WORK_GROUP, check_occupation_percent
from insatsportal.participants.services.facts import facts_keep


def policy_for(intervention_id) -> FollowUpPolicy:
    """The stored policy, or the default (6 months, everyone) unsaved."""
    return (FollowUpPolicy.objects.filter(intervention_id=intervention_id).first()
            or FollowUpPolicy(intervention_id=intervention_id))


@transaction.atomic
def follow_up_policy_set(*, actor, intervention: Intervention, months: int,
                         sample_only: bool) -> FollowUpPolicy:
    existing = FollowUpPolicy.objects.filter(intervention=intervention).first()
    if unchanged(existing, {"months": months, "sample_only": sample_only}):
        return existing
    policy, _created = FollowUpPolicy.objects.update_or_create(
        intervention=intervention, defaults={"months": months, "sample_only": sample_only})
    log_action(actor=actor, obj=intervention, action="followup.policy_set",
               data={"months": months, "sample_only": sample_only})
    return policy


def follow_up_window(discharged_on: datetime.date, months: int) -> tuple:
    """The days a follow-up "N months after discharge" may be dated: N months after the
    discharge, give or take FOLLOW_UP_WINDOW_MONTHS."""
    margin = settings.FOLLOW_UP_WINDOW_MONTHS
    return (add_months(discharged_on, months - margin), add_months(discharged_on, months + margin))


def check_follow_up_window(discharged_on: datetime.date, followed_up_on: datetime.date,
                           months: int) -> None:
    first, last = follow_up_window(discharged_on, months)
    if not first <= followed_up_on <= last:
        raise ParticipantError(
            _("A follow-up %(months)s months after the discharge on %(discharged)s is dated "
              "between %(first)s and %(last)s; %(day)s is outside that window.")
            % {"months": months, "discharged": discharged_on.isoformat(),
               "first": first.isoformat(), "last": last.isoformat(),
               "day": followed_up_on.isoformat()})


@transaction.atomic
def follow_up_record(
    *,
    actor,
    participant: Participant,
    followed_up_on: datetime.date,
    contact_made: bool,
    occupation=None,
    occupation_percent: int | None = None,
    income=(),
    note: str = "",
) -> FollowUp:
    """Record (or correct) the outcome of the follow-up of a discharged participant."""
    discharge = Discharge.objects.filter(participant=participant).first()
    if participant.is_anonymous or discharge is None:
        raise ParticipantError(_("Only a participant discharged with consent is followed up."))
    if followed_up_on > timezone.localdate():
        raise ParticipantError(_("The date cannot be in the future."))
    if followed_up_on < discharge.discharged_on:
        raise ParticipantError(_("The follow-up is dated before the discharge."))
    if not contact_made and (occupation is not None or income):
        raise ParticipantError(_("Without contact there is no situation to record."))
    existing = FollowUp.objects.filter(participant=participant).first()
    # A correction keeps the follow-up it was (6 or 12 months) when the policy changed since.
    months = existing.months if existing else policy_for(participant.intervention_id).months
    check_follow_up_window(discharge.discharged_on, followed_up_on, months)
    check_occupation_percent(occupation, occupation_percent)
    if occupation is None or occupation.group != WORK_GROUP:
        occupation_percent = None
    values = {"followed_up_on": followed_up_on, "contact_made": contact_made,
              "occupation": occupation, "occupation_percent": occupation_percent, "note": note}
    if unchanged(existing, values, many={"income": income}):
        return existing
    follow_up, created = FollowUp.objects.update_or_create(
        participant=participant, defaults={**values, "months": months, "recorded_by": actor},
    )
    follow_up.income.set(income)
    facts_keep([participant.pk])
    log_action(actor=actor, obj=participant,
               action="followup.recorded" if created else "followup.corrected",
               data={"followed_up_on": followed_up_on.isoformat(),
                     "contact_made": contact_made})
    return follow_up


def select_sample(population: list[str], sexes: list[str], *, size: int, seed: int,
                  stratify: bool) -> list[str]:
    """The ids drawn from `population` (in the given order) with `seed`: reproducible.

    Stratified: each sex gets its share of `size` (largest remainder), drawn within it.
    """
    # A reproducible sample, not a secret: the seed is stored on purpose.
    rng = random.Random(seed)  # noqa: S311  # nosec
    size = min(size, len(population))
    if not stratify:
        return sorted(rng.sample(population, size))
    groups: dict[str, list[str]] = {}
    for pid, sex in zip(population, sexes, strict=True):
        groups.setdefault(sex, []).append(pid)
    keys = sorted(groups)
    exact = {k: size * len(groups[k]) / len(population) for k in keys}
    shares = {k: int(exact[k]) for k in keys}
    left = size - sum(shares.values())
    for k in sorted(keys, key=lambda k: (-(exact[k] - shares[k]), k))[:left]:
        shares[k] += 1
    chosen = []
    for k in keys:
        chosen += rng.sample(groups[k], shares[k])
    return sorted(chosen)


@transaction.atomic
def follow_up_sample_draw(
    *,
    actor,
    intervention: Intervention,
    discharged_from: datetime.date,
    discharged_to: datetime.date,
    size: int,
    stratified_by_sex: bool = False,
    reason: str = "",
    seed: int | None = None,
) -> FollowUpSample:
    """Draw a random sample of the participants discharged with consent in a period.

    Never redrawn silently: a draw whose period overlaps an earlier sample's (the same
    period, or one shifted by a day) keeps the earlier one and needs a reason; the audit entry
    names the samples it overlaps.
    """
    if discharged_to < discharged_from:
        raise ParticipantError(_("The period ends before it starts."))
    if size < 1:
        raise ParticipantError(_("The sample needs at least one person."))
    Intervention.objects.select_for_update().filter(pk=intervention.pk).first()
    overlapping = list(FollowUpSample.objects.filter(
        intervention=intervention, discharged_from__lte=discharged_to,
        discharged_to__gte=discharged_from).order_by("discharged_from", "pk"))
    earlier = bool(overlapping)
    if earlier and not reason.strip():
        raise ParticipantError(_(
            "A sample has already been drawn for a period that overlaps this one (%(periods)s). "
            "A new draw needs a reason, and the earlier sample is kept."
        ) % {"periods": ", ".join(f"{s.discharged_from:%Y-%m-%d} – {s.discharged_to:%Y-%m-%d}"
                                  for s in overlapping)})
    rows = list(
        Participant.objects.filter(
            intervention=intervention, is_anonymous=False,
            discharge__discharged_on__gte=discharged_from,
            discharge__discharged_on__lte=discharged_to,
        ).exclude(discharge__end_type=Discharge.EndType.WRONG_REGISTRATION)
        .order_by("pk").values_list("pk", "sex")
    )
    if not rows:
        raise ParticipantError(_("No participant was discharged with consent in the period."))
    population = [str(pk) for pk, _sex in rows]
    sexes = [sex for _pk, sex in rows]
    seed = secrets.randbelow(2**31) if seed is None else seed
    selected = select_sample(population, sexes, size=size, seed=seed, stratify=stratified_by_sex)
    sample = FollowUpSample.objects.create(
        intervention=intervention, discharged_from=discharged_from, discharged_to=discharged_to,
        size=size, seed=seed, stratified_by_sex=stratified_by_sex, population_ids=population,
        population_sexes=sexes, selected_ids=selected, reason=reason.strip(), drawn_by=actor,
    )
    log_action(actor=actor, obj=intervention, action="followup.sample_drawn", data={
        "sample": sample.pk, "seed": seed, "size": size, "population": len(population),
        "selected": len(selected), "stratified_by_sex": stratified_by_sex,
        "period": [discharged_from.isoformat(), discharged_to.isoformat()],
        "new_draw_for_the_period": earlier,
        "overlaps": [s.pk for s in overlapping], "reason": reason.strip(),
    })
    return sample


def sampled_ids(intervention_id) -> set[str]:
    ids = set()
    for selected in FollowUpSample.objects.filter(intervention_id=intervention_id).values_list(
            "selected_ids", flat=True):
        ids.update(selected)
    return ids
