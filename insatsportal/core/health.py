"""What /healthz checks. Each check answers True (healthy) or False, never any data.

A setting-like list of dotted paths, as for the start page's sources, so that core does not
import the apps whose health it reports.
"""

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.module_loading import import_string

HEALTH_CHECKS: dict[str, str] = {
    "database": "insatsportal.core.health.database_readable",
    "migrations": "insatsportal.core.health.migrations_applied",
    "participant_keys": "insatsportal.participants.health.participant_keys_match",
}

# Once every migration is applied it stays so for the life of the process (the code does
# not change under it), so the migration graph is built only until that is seen.
_migrations_seen_applied = False


def database_readable() -> bool:
    """A real table answers (not only `SELECT 1`): the schema exists and may be read."""
    from insatsportal.core.models import AuditEntry

    AuditEntry.objects.only("pk").order_by().first()
    return True


def migrations_applied() -> bool:
    global _migrations_seen_applied
    if not _migrations_seen_applied:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        _migrations_seen_applied = not plan
    return _migrations_seen_applied


def health_report() -> dict[str, str]:
    """{check: "ok" | "error"}; a check that cannot reach the database is an error."""
    report = {}
    for name, path in HEALTH_CHECKS.items():
        try:
            healthy = import_string(path)()
        except DatabaseError:
            healthy = False
        report[name] = "ok" if healthy else "error"
        if name == "database" and not healthy:
            # The rest need the database; say so without waiting on it again.
            report.update({other: "error" for other in HEALTH_CHECKS if other not in report})
            break
    return report
