"""A fingerprint of the database: what a refused write must leave exactly as it was."""

import hashlib

from django.apps import apps
from django.db import connection

# Rows any request may write by design: sessions (when they were last used) and the read
# log that records every display of an identified participant (the law asks for it).
BOOKKEEPING = {"sessions.session", "accounts.usersession", "participants.readlogentry"}


def _tables() -> list[str]:
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if model._meta.label_lower not in BOOKKEEPING and model._meta.managed:
            tables.add(model._meta.db_table)
    return sorted(tables)


def database_fingerprint() -> dict[str, str]:
    """table -> a hash of all its rows (every column), in primary-key order."""
    quote = connection.ops.quote_name
    result = {}
    with connection.cursor() as cursor:
        for table in _tables():
            cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY 1")  # noqa: S608  # nosec B608
            result[table] = hashlib.sha256(repr(cursor.fetchall()).encode()).hexdigest()
    return result


def changed_tables(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(table for table in after if before.get(table) != after[table])
