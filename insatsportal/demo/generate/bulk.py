"""The PostgreSQL writer of planned people: every table by COPY, no model instances.

write.write_people_orm builds model instances and lets the services write the maintained
rows; at 200 000 people that costs more in Python than the database spends storing them.
Here each table of a chunk is one COPY of text lines. Ids that other rows point to
(consents, enrolments, plans, ratings, discharges) are drawn from the tables' own
sequences first (nextval), so no sequence needs resetting and a writer at the same time
gets other ids; the other tables let the database number their rows. The maintained rows
(name search tokens, ItemChange and ItemChangeTotal, the person's latest rating, under_way,
enrolled_on and plan_revision_due, the ratings' series) come from the functions the services
use, applied to the planned values instead of rows read back; the kept facts (ParticipantFacts) are
written for both writers at the end by services.facts. A test compares both writers row
by row.

`prepare` makes a chunk's lines (and draws its ids) while the previous chunk is being
written: services runs it in a second thread, which works while this one waits for the
database; `write_people` only sends them."""

import json
from collections import Counter
from functools import lru_cache

from django.db import connection
from django.db.models.fields import AutoFieldMixin
from django.utils import timezone
from psycopg import sql

from insatsportal.core.models import AuditEntry
from insatsportal.participants import crypto
from insatsportal.participants.models import (
    ActionPlan,
    Activity,
    Answer,
    Consent,
    Discharge,
    Enrolment,
    ItemChange,
    ItemChangeTotal,
    NameToken,
    Participant,
    PlanRevision,
    Rating,
)
from insatsportal.participants.services.nametokens import name_tokens
from insatsportal.participants.services.rating import item_changes

from .write import DISCHARGE_FIELDS, name_index, rating_facts


@lru_cache(maxsize=4096)
def _name_tokens(name: str) -> tuple[str, list[str]]:
    """The name_index of a name and its NameToken values: depend on the name alone."""
    index = name_index(name)
    return index, name_tokens(index)


# COPY's text format: backslash escapes, \N for NULL.
ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _text(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, dict | list):
        return json.dumps(value).translate(ESCAPES)
    return str(value)  # numbers, Decimal, dates, aware datetimes, UUIDs


class Table:
    """COPY into one model's table: the given fields per row, every other concrete column
    with its Django default (auto_now fields: now), columns with a database default left
    to the database. The rows are made into COPY's text lines by `lines` (in the planner
    thread), so that the writing thread only sends them."""

    def __init__(self, model, fields: list[str], now):
        meta = model._meta
        given = [meta.get_field(name) for name in fields]
        columns = {f.column for f in given}
        rest = [f for f in meta.concrete_fields
                if f.column not in columns and not isinstance(f, AutoFieldMixin)
                and not f.has_db_default()]
        self.table = meta.db_table
        self.per_row = [f for f in rest if f.has_default() and callable(f.default)
                        and not (getattr(f, "auto_now", False)
                                 or getattr(f, "auto_now_add", False))]
        constant = [f for f in rest if f not in self.per_row]
        self.constants = "".join("\t" + _text(
            now if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            else f.get_default()) for f in constant)
        self.columns = [f.column for f in [*given, *constant, *self.per_row]]

    def lines(self, rows) -> "Lines":
        end = self.constants + "\n"
        if self.per_row:
            lines = ["\t".join(map(_text, row)) + self.constants
                     + "".join("\t" + _text(f.default()) for f in self.per_row) + "\n"
                     for row in rows]
        else:
            lines = ["\t".join(map(_text, row)) + end for row in rows]
        text = Lines("".join(lines))
        text.rows = len(lines)
        return text

    def write(self, cursor, lines: "Lines") -> int:
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(self.table), sql.SQL(", ").join(map(sql.Identifier, self.columns)))
        with cursor.copy(statement) as copy:
            if lines:
                copy.write(lines)
        return lines.rows


def _ids(cursor, model, n: int) -> list[int]:
    """`n` ids from the table's own sequence, ascending as bulk_create's would be."""
    if not n:
        return []
    meta = model._meta
    cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                   [meta.db_table, meta.pk.column, n])
    return sorted(row[0] for row in cursor.fetchall())


TABLES = [model._meta.db_table for model in (
    Participant, NameToken, Consent, Consent.partners.through, Enrolment,
    Enrolment.income_before.through, ActionPlan, ActionPlan.anchored_parties.through,
    PlanRevision, Rating, Answer, ItemChange, ItemChangeTotal, Activity, Discharge,
    Discharge.income_after.through, AuditEntry)]


def _foreign_key_checks_off(cursor) -> None:
    """Leave out the foreign keys' row-by-row checks at commit, more than half of the
    database's work here, where allowed: as superuser (the bench's and the tests' role),
    and only while the tables written have no trigger of their own, which would be left
    out too. Every id written is one this chunk wrote or one read from the database."""
    cursor.execute(
        "SELECT current_setting('is_superuser') = 'on' AND NOT EXISTS (SELECT 1 FROM "
        "pg_trigger WHERE NOT tgisinternal AND tgrelid = ANY(%s::regclass[]))", [TABLES])
    if cursor.fetchone()[0]:
        cursor.execute("SET LOCAL session_replication_role = replica")


class Lines(str):
    """Rows as COPY's text lines."""

    rows: int


class Chunk(list):
    """The rows of one chunk, table by table: (what to count them as or "", Table, Lines),
    and what the chunk adds to ItemChangeTotal per (intervention, item)."""

    def __init__(self):
        super().__init__()
        self.totals, self.people = Counter(), Counter()

    def add(self, label: str, model, fields: list[str], rows, now) -> None:
        table = Table(model, fields, now)
        self.append((label, table, table.lines(rows)))

    def links(self, relation, rows, now) -> None:
        """Rows of a many-to-many table: (owner pk, target pk)."""
        field = relation.field
        self.add("", relation.through,
                 [field.m2m_field_name(), field.m2m_reverse_field_name()], rows, now)


def write_people(chunk: Chunk, *, counts) -> None:
    """COPY a prepared chunk, in the caller's transaction."""
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor  # psycopg's own, for copy()
        _foreign_key_checks_off(cursor)
        for label, table, rows in chunk:
            n = table.write(cursor, rows)
            if label:
                counts.add(label, n)
        _item_change_totals_add(cursor, chunk)


def _item_change_totals_add(cursor, chunk: Chunk) -> None:
    """What rating.item_change_totals_add adds, in one statement for the chunk."""
    if not chunk.people:
        return
    keys = list(chunk.people)
    table = ItemChangeTotal._meta.db_table
    cursor.execute(
        sql.SQL("INSERT INTO {table} AS kept (intervention_id, item_id, total, people) "
                "SELECT * FROM unnest(%s::bigint[], %s::bigint[], %s::int[], %s::int[]) "
                "ON CONFLICT (intervention_id, item_id) DO UPDATE SET "
                "total = kept.total + excluded.total, people = kept.people + excluded.people")
        .format(table=sql.Identifier(table)),
        [[i for i, _item in keys], [item for _i, item in keys],
         [chunk.totals[key] for key in keys], [chunk.people[key] for key in keys]])


def prepare(people, *, numbers: dict, seed: int, actor_id, instrument_id: int,
            items: tuple[int, ...], content_type: int) -> Chunk:
    """The rows of one chunk of planned people with everything they have; `numbers` runs
    per site. Draws the ids (on this thread's connection: sequences are outside
    transactions) and touches nothing else in the database."""
    now = timezone.now()
    chunk = Chunk()
    with connection.cursor() as wrapper:
        cursor = wrapper.cursor
        ratings = {p.pk: rating_facts(p, instrument_id) for p in people}
        participant_rows, token_rows, audit_rows = [], [], []
        for person in people:
            numbers[person.site.pk] += 1
            number = numbers[person.site.pk]
            latest = ratings[person.pk][-1] if ratings[person.pk] else None
            row = (person.pk, person.site.pk, number, person.anonymous, person.sex,
                   person.enrolled_on.year, seed, actor_id,
                   latest and latest[1], latest and latest[4], not person.discharge)
            if person.anonymous:
                row += ("", "", None, "", None, None, None, None)
            else:
                index, tokens = _name_tokens(person.name)
                row += (crypto.encrypt(person.name), crypto.encrypt(person.identity),
                        crypto.keyed_hash(person.identity), index, person.birth.year,
                        person.home_kommun, person.enrolment["enrolled_on"],
                        person.plan["next_revision_due"] if person.plan else None)
                token_rows += [(person.pk, token) for token in tokens]
            participant_rows.append(row)
            audit_rows.append(("", "demo.generated", content_type, str(person.pk),
                               f"#{number}", {"seed": seed}))
        chunk.add("participants", Participant, [
            "id", "intervention", "number", "is_anonymous", "sex", "start_year", "demo_seed",
            "created_by", "latest_rated_on", "latest_rating_improved", "under_way",
            "name_encrypted", "personnummer_encrypted", "personnummer_hash", "name_index",
            "birth_year", "home_kommun", "enrolled_on", "plan_revision_due"],
            participant_rows, now)
        chunk.add("name search tokens", NameToken, ["participant", "token"], token_rows, now)
        identified = [p for p in people if not p.anonymous]
        _consents(chunk, cursor, identified, actor_id, now)
        _enrolments(chunk, cursor, identified, actor_id, now)
        _plans(chunk, cursor, [p for p in identified if p.plan], actor_id, now)
        _ratings(chunk, cursor, identified, ratings, instrument_id, items, actor_id, now)
        chunk.add("activities", Activity, [
            "participant", "kind", "occurred_on", "duration_minutes", "note", "batch",
            "recorded_by"], [(p.pk, kind, day, minutes, note, batch, actor_id)
                             for p in people
                             for kind, day, minutes, note, batch in p.activities], now)
        _discharges(chunk, cursor, [p for p in people if p.discharge], actor_id, now)
        # As write_people_orm's: uuid and timestamp are the model's defaults.
        chunk.add("", AuditEntry, ["actor_name", "action", "content_type", "object_id",
                                   "object_repr", "data"], audit_rows, now)
    return chunk


def _consents(chunk, cursor, people, actor_id, now) -> None:
    ids = _ids(cursor, Consent, len(people))
    chunk.add("consents", Consent, [
        "id", "participant", "given_on", "form_version", "valid_until", "recorded_by"],
        [(pk, p.pk, p.consent["given_on"], p.consent["form_version"],
          p.consent["valid_until"], actor_id) for pk, p in zip(ids, people, strict=True)], now)
    chunk.links(Consent.partners, [(pk, partner) for pk, p in zip(ids, people, strict=True)
                                   for partner in p.consent["partners"]], now)


def _enrolments(chunk, cursor, people, actor_id, now) -> None:
    if not people:
        return
    ids = _ids(cursor, Enrolment, len(people))
    keys = list(people[0].enrolment)
    chunk.add("enrolments", Enrolment, ["id", "participant", "recorded_by", *keys],
              [(pk, p.pk, actor_id, *(p.enrolment[k] for k in keys))
               for pk, p in zip(ids, people, strict=True)], now)
    chunk.links(Enrolment.income_before, [(pk, code) for pk, p in zip(ids, people, strict=True)
                                          for code in p.income_before], now)


def _plans(chunk, cursor, people, actor_id, now) -> None:
    if not people:
        return
    ids = _ids(cursor, ActionPlan, len(people))
    keys = list(people[0].plan)
    chunk.add("action plans", ActionPlan, ["id", "participant", "recorded_by", *keys],
              [(pk, p.pk, actor_id, *(p.plan[k] for k in keys))
               for pk, p in zip(ids, people, strict=True)], now)
    chunk.links(ActionPlan.anchored_parties, [
        (pk, party) for pk, p in zip(ids, people, strict=True) for party in p.anchored], now)
    chunk.add("plan revisions", PlanRevision, ["plan", "revised_on", "notes", "recorded_by"],
              [(pk, day, notes, actor_id) for pk, p in zip(ids, people, strict=True)
               for day, notes in p.revisions], now)


def _ratings(chunk, cursor, people, ratings, instrument_id, items, actor_id, now) -> None:
    planned = [(p, facts) for p in people for facts in ratings[p.pk]]
    ids = _ids(cursor, Rating, len(planned))
    chunk.add("progress ratings", Rating, [
        "id", "participant", "instrument", "occasion", "rated_on", "mean", "improved",
        "next_rated_on", "recorded_by"],
        [(pk, p.pk, instrument_id, occasion, day, mean, improved, next_rated_on, actor_id)
         for pk, (p, (occasion, day, _values, mean, improved, next_rated_on))
         in zip(ids, planned, strict=True)], now)
    answers = {pk: dict(zip(items, facts[2], strict=True))
               for pk, (_p, facts) in zip(ids, planned, strict=True)}
    chunk.add("answers", Answer, ["rating", "item", "value"],
              [(pk, item, value) for pk, values in answers.items()
               for item, value in values.items()], now)
    # Planned in date order per person, as item_changes_write reads them.
    changes = item_changes([(pk, p.pk, instrument_id, p.site.pk)
                            for pk, (p, _facts) in zip(ids, planned, strict=True)], answers)
    chunk.add("changes per item", ItemChange, [
        "intervention_id", "participant", "first", "latest", "item", "change"], changes, now)
    for intervention_id, _p, _first, _latest, item_id, change in changes:
        chunk.totals[(intervention_id, item_id)] += change
        chunk.people[(intervention_id, item_id)] += 1


def _discharges(chunk, cursor, people, actor_id, now) -> None:
    ids = _ids(cursor, Discharge, len(people))
    # A wrong registration plans only its date and type: the rest as the model's defaults.
    defaults = {name: Discharge._meta.get_field(name).get_default()
                for name in DISCHARGE_FIELDS}
    chunk.add("discharges", Discharge, ["id", "participant", "recorded_by", *DISCHARGE_FIELDS],
              [(pk, p.pk, actor_id, *(p.discharge.get(k, defaults[k]) for k in DISCHARGE_FIELDS))
               for pk, p in zip(ids, people, strict=True)], now)
    chunk.links(Discharge.income_after, [(pk, code) for pk, p in zip(ids, people, strict=True)
                                         for code in p.income_after], now)
