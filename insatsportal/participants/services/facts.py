"""Keeps ParticipantFacts: after any change to what a fact is read from (the participant,
enrolment, discharge, action plan, follow-up or ratings), the person's row is written again
from participants/facts.py's DEFINITIONS, in the database."""

from django.db import connection
from django.db.models import QuerySet

from insatsportal.participants.models import Participant, ParticipantFacts


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
    sql, params = facts.fact_rows(people).query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(ParticipantFacts._meta.get_field(name).column)
                        for name in facts.DEFINITIONS)
    table = connection.ops.quote_name(ParticipantFacts._meta.db_table)
    with connection.cursor() as cursor:
        # Only the table's own names are formatted in; the values stay parameters.
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)  # nosec B608
