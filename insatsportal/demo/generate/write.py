"""Bulk writes of planned people: one statement per table and chunk, not one per row.

On PostgreSQL every table is written by COPY without model instances (bulk.py). The
plain writer here (SQLite, and the reference the COPY writer is tested against) puts the
rows whose ids are needed afterwards (consents, enrolments, plans, ratings, discharges)
through bulk_create and lets the services write the maintained rows (name search tokens,
ItemChange); the many small rows (answers, activities, plan revisions, many-to-many
links, audit entries) skip the model layer: COPY on PostgreSQL, executemany elsewhere.
The name search index depends only on the name, so it is computed once per name.
"""

import json
import uuid
from functools import lru_cache

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone

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
from insatsportal.participants.services.nametokens import name_tokens_write
from insatsportal.participants.services.rating import (
    item_changes_write,
    rating_mean,
    rating_series,
)

BATCH = 2000
# What a discharge plans beyond the person (a wrong registration only its date and type).
DISCHARGE_FIELDS = ["discharged_on", "end_type", "occupation_after_id",
                    "occupation_after_percent", "exit_conversation_held",
                    "exit_conversation_on", "next_step", "next_step_party_id"]


@lru_cache(maxsize=4096)
def name_index(name: str) -> str:
    """crypto.name_index, computed once per name (a few thousand names in all)."""
    return crypto.name_index(name)


def insert_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """Plain rows into the model's table, without model instances or returned ids."""
    if not rows:
        return
    meta = model._meta
    columns = [meta.get_field(name) for name in fields]
    if connection.vendor == "postgresql":
        from psycopg import sql

        json_at = [i for i, f in enumerate(columns) if isinstance(f, models.JSONField)]
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(meta.db_table),
            sql.SQL(", ").join(sql.Identifier(f.column) for f in columns))
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                if json_at:
                    row = list(row)
                    for i in json_at:
                        row[i] = json.dumps(row[i])
                copy.write_row(row)
        return
    quote = connection.ops.quote_name
    # Table and column names come from the model's metadata, values are parameters.
    statement = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608  # nosec B608
        quote(meta.db_table), ", ".join(quote(f.column) for f in columns),
        ", ".join(["%s"] * len(columns)))
    prepared = [[f.get_db_prep_save(value, connection) for f, value in zip(columns, row,
                                                                          strict=True)]
                for row in rows]
    with connection.cursor() as cursor:
        cursor.executemany(statement, prepared)


def insert_links(relation, owner_ids_and_targets) -> None:
    """Rows of a many-to-many table: (owner pk, [target pks])."""
    field = relation.field
    insert_rows(relation.through, [field.m2m_field_name(), field.m2m_reverse_field_name()],
                [(owner_id, target_id)
                 for owner_id, targets in owner_ids_and_targets for target_id in targets])


class Counts(dict):
    def add(self, key: str, n: int) -> None:
        self[key] = self.get(key, 0) + n


def write_people(chunk, *, copy: bool, counts: Counts, **kwargs) -> None:
    """Insert the people of one chunk with everything they have: by COPY (PostgreSQL only)
    the rows bulk.prepare made of them, or the planned people through the models."""
    if copy:
        from . import bulk  # imports psycopg

        bulk.write_people(chunk, counts=counts)
    else:
        write_people_orm(chunk, counts=counts, **kwargs)


def write_people_orm(people, *, numbers: dict, seed: int, actor_id, instrument_id: int,
                     items: tuple[int, ...], counts: Counts) -> None:
    rows = []
    ratings = {p.pk: _rating_rows(p, actor_id, instrument_id) for p in people}
    for person in people:
        numbers[person.site.pk] += 1
        row = Participant(
            id=person.pk, intervention_id=person.site.pk, number=numbers[person.site.pk],
            is_anonymous=person.anonymous, sex=person.sex, start_year=person.enrolled_on.year,
            under_way=not person.discharge, demo_seed=seed, created_by_id=actor_id,
        )
        if ratings[person.pk]:
            latest = ratings[person.pk][-1]
            row.latest_rated_on, row.latest_rating_improved = latest.rated_on, latest.improved
        if not person.anonymous:
            row.name_encrypted = crypto.encrypt(person.name)
            row.personnummer_encrypted = crypto.encrypt(person.identity)
            row.personnummer_hash = crypto.keyed_hash(person.identity)
            row.name_index = name_index(person.name)
            row.birth_year = person.birth.year
            row.home_kommun_id = person.home_kommun
            row.enrolled_on = person.enrolment["enrolled_on"]  # kept as the service does
            if person.plan:  # Participant.plan_revision_due, kept as services.plan does
                row.plan_revision_due = person.plan["next_revision_due"]
        rows.append(row)
    Participant.objects.bulk_create(rows, batch_size=BATCH)
    counts.add("participants", len(rows))
    counts.add("name search tokens", name_tokens_write(
        [row for row in rows if row.name_index], new=True, batch_size=BATCH))
    identified = [p for p in people if not p.anonymous]
    _consents(identified, actor_id, counts)
    _enrolments(identified, actor_id, counts)
    _plans([p for p in identified if p.plan], actor_id, counts)
    _ratings([r for p in identified for r in ratings[p.pk]], identified, items, counts)
    counts.add("changes per item", item_changes_write(
        [p.pk for p in identified if len(ratings[p.pk]) > 1], new=True))
    _activities(people, actor_id, counts)
    _discharges([p for p in people if p.discharge], actor_id, counts)
    ct = ContentType.objects.get_for_model(Participant)
    now = timezone.now()
    insert_rows(AuditEntry, ["uuid", "timestamp", "actor_name", "action", "content_type",
                             "object_id", "object_repr", "data"],
                [(uuid.uuid4(), now, "", "demo.generated", ct.pk, str(row.pk), str(row),
                  {"seed": seed}) for row in rows])


def _consents(people, actor_id, counts) -> None:
    consents = Consent.objects.bulk_create(
        [Consent(participant_id=p.pk, given_on=p.consent["given_on"],
                 form_version=p.consent["form_version"], valid_until=p.consent["valid_until"],
                 recorded_by_id=actor_id) for p in people], batch_size=BATCH)
    insert_links(Consent.partners, [
        (c.pk, p.consent["partners"]) for c, p in zip(consents, people, strict=True)])
    counts.add("consents", len(consents))


def _enrolments(people, actor_id, counts) -> None:
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(participant_id=p.pk, recorded_by_id=actor_id, **p.enrolment)
         for p in people], batch_size=BATCH)
    insert_links(Enrolment.income_before, [
        (e.pk, p.income_before) for e, p in zip(enrolments, people, strict=True)])
    counts.add("enrolments", len(enrolments))


def _plans(people, actor_id, counts) -> None:
    plans = ActionPlan.objects.bulk_create(
        [ActionPlan(participant_id=p.pk, recorded_by_id=actor_id, **p.plan) for p in people],
        batch_size=BATCH)
    insert_links(ActionPlan.anchored_parties, [
        (plan.pk, p.anchored) for plan, p in zip(plans, people, strict=True)])
    now = timezone.now()
    revisions = [(plan.pk, day, notes, actor_id, now)
                 for plan, p in zip(plans, people, strict=True) for day, notes in p.revisions]
    insert_rows(PlanRevision, ["plan", "revised_on", "notes", "recorded_by", "recorded_at"],
                revisions)
    counts.add("action plans", len(plans))
    counts.add("plan revisions", len(revisions))


def rating_facts(person, instrument_id) -> list[tuple]:
    """The person's ratings (planned in date order) as (occasion, rated_on, values, mean,
    improved, next_rated_on): the mean and series the rating service keeps."""
    means = [rating_mean(values) for _o, _d, values in person.ratings]
    series = rating_series([(instrument_id, day, mean) for (_o, day, _v), mean
                            in zip(person.ratings, means, strict=True)])
    return [(occasion, day, values, mean, improved, next_rated_on)
            for (occasion, day, values), mean, (improved, next_rated_on)
            in zip(person.ratings, means, series, strict=True)]


def _rating_rows(person, actor_id, instrument_id) -> list[Rating]:
    return [Rating(participant_id=person.pk, instrument_id=instrument_id, occasion=occasion,
                   rated_on=day, recorded_by_id=actor_id, mean=mean, improved=improved,
                   next_rated_on=next_rated_on)
            for occasion, day, _values, mean, improved, next_rated_on
            in rating_facts(person, instrument_id)]


def _ratings(rows, people, items, counts) -> None:
    planned = [(p, values) for p in people for values in p.ratings]
    ratings = Rating.objects.bulk_create(rows, batch_size=BATCH)
    answers = [(rating.pk, item, value)
               for rating, (_p, (_o, _d, values)) in zip(ratings, planned, strict=True)
               for item, value in zip(items, values, strict=True)]
    insert_rows(Answer, ["rating", "item", "value"], answers)
    counts.add("progress ratings", len(ratings))
    counts.add("answers", len(answers))


def _activities(people, actor_id, counts) -> None:
    now = timezone.now()
    activities = [(p.pk, kind, day, minutes, note, batch, actor_id, now)
                  for p in people for kind, day, minutes, note, batch in p.activities]
    insert_rows(Activity, ["participant", "kind", "occurred_on", "duration_minutes", "note",
                           "batch", "recorded_by", "recorded_at"], activities)
    counts.add("activities", len(activities))


def _discharges(people, actor_id, counts) -> None:
    fields = set(DISCHARGE_FIELDS)
    discharges = Discharge.objects.bulk_create(
        [Discharge(participant_id=p.pk, recorded_by_id=actor_id,
                   **{k: v for k, v in p.discharge.items() if k in fields}) for p in people],
        batch_size=BATCH)
    insert_links(Discharge.income_after, [
        (d.pk, p.income_after) for d, p in zip(discharges, people, strict=True)])
    counts.add("discharges", len(discharges))
