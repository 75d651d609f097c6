"""Keeps ParticipantFacts: after any change to what a fact is read from (the participant,
enrolment, discharge, action plan, follow-up or ratings), the person's row is written again
from participants/facts.py's DEFINITIONS and known_state_rows, in the database."""

from collections import defaultdict

from django.db import connection
from django.db.models import QuerySet

from insatsportal.participants.models import Participant, ParticipantFacts

BATCH = 500  # people per UPDATE of their known states (SQLite's limit on parameters)


def facts_keep(participant_ids=None, *, new: bool = False) -> None:
    """Write the facts of these people again: ids, a Participant queryset, or None for
    everyone. `new`: no row is there yet."""
    from insatsportal.participants import facts  # facts.py reads the enrolment service

    people = Participant.objects.all()
    kept = ParticipantFacts.objects.all()
    if participant_ids is not None:
        if not isinstance(participant_ids, QuerySet):
            participant_ids = list(participant_ids)
        people = people.filter(pk__in=participant_ids)
        kept = kept.filter(participant_id__in=participant_ids)
    if not new:
        kept.delete()
    _insert(ParticipantFacts, facts.DEFINITIONS, facts.fact_rows(people))
    # Read after the facts row: whether the support is known is read from it.
    known_states_write(ParticipantFacts, facts.known_state_rows(people))


def known_states_write(facts_model, rows) -> None:
    """Each person's (participant id, phase, code list, code) rows as one key
    (facts.known_states_key) on their facts row; `facts_model` is ParticipantFacts, or its
    historical model in the migration that fills the column."""
    from insatsportal.participants import facts

    codes = defaultdict(list)
    for pk, *code in rows:
        codes[pk].append(code)
    people_by_key = defaultdict(list)
    for pk, person_codes in codes.items():
        people_by_key[facts.known_states_key(person_codes)].append(pk)
    for key, pks in people_by_key.items():
        for start in range(0, len(pks), BATCH):
            facts_model.objects.filter(participant_id__in=pks[start:start + BATCH]).update(
                known_states=key)


def _insert(model, names, rows) -> None:
    sql, params = rows.query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(model._meta.get_field(name).column)
                        for name in names)
    table = connection.ops.quote_name(model._meta.db_table)
    with connection.cursor() as cursor:
        # Only the table's own names are formatted in; the values stay parameters.
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)  # nosec B608
