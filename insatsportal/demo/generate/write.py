"""Bulk writes of planned people: one INSERT per table and chunk, not one per row.

Encrypting each name and identity number (Fernet) is most of the cost; the name
search index depends only on the name, so it is computed once per name.
"""

from functools import lru_cache

from django.contrib.contenttypes.models import ContentType

from insatsportal.core.models import AuditEntry
from insatsportal.participants import crypto
from insatsportal.participants.models import (
    ActionPlan,
    Activity,
    Answer,
    Consent,
    Discharge,
    Enrolment,
    Participant,
    PlanRevision,
    Rating,
)

BATCH = 2000


@lru_cache(maxsize=4096)
def _name_index(name: str) -> str:
    return crypto.name_index(name)


def links(relation, owner_ids_and_targets) -> list:
    """Rows of a many-to-many table: (owner pk, [target pks])."""
    through = relation.through
    field = relation.field
    owner, target = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
    return [through(**{owner: owner_id, target: target_id})
            for owner_id, targets in owner_ids_and_targets for target_id in targets]


class Counts(dict):
    def add(self, key: str, n: int) -> None:
        self[key] = self.get(key, 0) + n


def write_people(people, *, numbers: dict, seed: int, actor_id, instrument_id: int,
                 items: tuple[int, ...], counts: Counts) -> None:
    """Insert the people of one chunk with everything they have; `numbers` runs per site."""
    rows = []
    for person in people:
        numbers[person.site.pk] += 1
        row = Participant(
            id=person.pk, intervention_id=person.site.pk, number=numbers[person.site.pk],
            is_anonymous=person.anonymous, sex=person.sex, start_year=person.enrolled_on.year,
            demo_seed=seed, created_by_id=actor_id,
        )
        if not person.anonymous:
            row.name_encrypted = crypto.encrypt(person.name)
            row.personnummer_encrypted = crypto.encrypt(person.identity)
            row.personnummer_hash = crypto.keyed_hash(person.identity)
            row.name_index = _name_index(person.name)
            row.birth_year = person.birth.year
            row.home_kommun_id = person.home_kommun
        rows.append(row)
    Participant.objects.bulk_create(rows, batch_size=BATCH)
    counts.add("participants", len(rows))
    identified = [p for p in people if not p.anonymous]
    _consents(identified, actor_id, counts)
    _enrolments(identified, actor_id, counts)
    _plans([p for p in identified if p.plan], actor_id, counts)
    _ratings(identified, actor_id, instrument_id, items, counts)
    _activities(people, actor_id, counts)
    _discharges([p for p in people if p.discharge], actor_id, counts)
    ct = ContentType.objects.get_for_model(Participant)
    AuditEntry.objects.bulk_create(
        [AuditEntry(action="demo.generated", content_type=ct, object_id=str(row.pk),
                    object_repr=str(row), data={"seed": seed}) for row in rows],
        batch_size=BATCH)


def _consents(people, actor_id, counts) -> None:
    consents = Consent.objects.bulk_create(
        [Consent(participant_id=p.pk, given_on=p.consent["given_on"],
                 form_version=p.consent["form_version"], valid_until=p.consent["valid_until"],
                 recorded_by_id=actor_id) for p in people], batch_size=BATCH)
    Consent.partners.through.objects.bulk_create(links(Consent.partners, [
        (c.pk, p.consent["partners"]) for c, p in zip(consents, people, strict=True)]),
        batch_size=BATCH)
    counts.add("consents", len(consents))


def _enrolments(people, actor_id, counts) -> None:
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(participant_id=p.pk, recorded_by_id=actor_id, **p.enrolment)
         for p in people], batch_size=BATCH)
    Enrolment.income_before.through.objects.bulk_create(links(Enrolment.income_before, [
        (e.pk, p.income_before) for e, p in zip(enrolments, people, strict=True)]),
        batch_size=BATCH)
    counts.add("enrolments", len(enrolments))


def _plans(people, actor_id, counts) -> None:
    plans = ActionPlan.objects.bulk_create(
        [ActionPlan(participant_id=p.pk, recorded_by_id=actor_id, **p.plan) for p in people],
        batch_size=BATCH)
    ActionPlan.anchored_parties.through.objects.bulk_create(links(ActionPlan.anchored_parties, [
        (plan.pk, p.anchored) for plan, p in zip(plans, people, strict=True)]), batch_size=BATCH)
    revisions = [PlanRevision(plan_id=plan.pk, revised_on=day, notes=notes,
                              recorded_by_id=actor_id)
                 for plan, p in zip(plans, people, strict=True) for day, notes in p.revisions]
    PlanRevision.objects.bulk_create(revisions, batch_size=BATCH)
    counts.add("action plans", len(plans))
    counts.add("plan revisions", len(revisions))


def _ratings(people, actor_id, instrument_id, items, counts) -> None:
    planned = [(p, values) for p in people for values in p.ratings]
    ratings = Rating.objects.bulk_create(
        [Rating(participant_id=p.pk, instrument_id=instrument_id, occasion=occasion,
                rated_on=day, recorded_by_id=actor_id) for p, (occasion, day, _v) in planned],
        batch_size=BATCH)
    answers = [Answer(rating_id=rating.pk, item_id=item, value=value)
               for rating, (_p, (_o, _d, values)) in zip(ratings, planned, strict=True)
               for item, value in zip(items, values, strict=True)]
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    counts.add("progress ratings", len(ratings))
    counts.add("answers", len(answers))


def _activities(people, actor_id, counts) -> None:
    activities = [Activity(participant_id=p.pk, kind=kind, occurred_on=day,
                           duration_minutes=minutes, note=note, batch=batch,
                           recorded_by_id=actor_id)
                  for p in people for kind, day, minutes, note, batch in p.activities]
    Activity.objects.bulk_create(activities, batch_size=BATCH)
    counts.add("activities", len(activities))


def _discharges(people, actor_id, counts) -> None:
    fields = {"discharged_on", "end_type", "occupation_after_id", "occupation_after_percent",
              "exit_conversation_held", "exit_conversation_on", "next_step",
              "next_step_party_id"}
    discharges = Discharge.objects.bulk_create(
        [Discharge(participant_id=p.pk, recorded_by_id=actor_id,
                   **{k: v for k, v in p.discharge.items() if k in fields}) for p in people],
        batch_size=BATCH)
    Discharge.income_after.through.objects.bulk_create(links(Discharge.income_after, [
        (d.pk, p.income_after) for d, p in zip(discharges, people, strict=True)]),
        batch_size=BATCH)
    counts.add("discharges", len(discharges))
