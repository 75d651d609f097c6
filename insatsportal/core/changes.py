"""Whether a save would change anything: a form posted back unchanged must write nothing.

Services call `unchanged` before saving a correction, so that an unchanged save neither
touches the row (its "recorded" time, its version) nor writes an audit entry claiming a change.
"""

from contextlib import contextmanager

from django.db import models, transaction


def _key(value):
    return value.pk if isinstance(value, models.Model) else value


def unchanged(instance, values: dict, *, many: dict | None = None) -> bool:
    """True when the saved `instance` holds every value and every set of related objects."""
    if instance is None or instance.pk is None:
        return False
    for name, value in values.items():
        if _key(getattr(instance, name)) != _key(value):
            return False
    for name, objects in (many or {}).items():
        saved = set(getattr(instance, name).values_list("pk", flat=True))
        if saved != {_key(item) for item in objects}:
            return False
    return True


class _Outcome:
    changed = True
    before = after = None  # what `read()` gave before and after the write


@contextmanager
def undone_if_unchanged(read):
    """Run a write that replaces rows in a savepoint; undo it when `read()` shows no change.

    For saves that delete and recreate rows (an application's lists, a budget): the content
    is compared, not the rows. Use inside a transaction; `outcome.changed` says whether to log.
    """
    before = read()
    outcome = _Outcome()
    outcome.before = before
    savepoint = transaction.savepoint()
    yield outcome
    outcome.after = read()
    if outcome.after == before:
        transaction.savepoint_rollback(savepoint)
        outcome.changed = False
    else:
        transaction.savepoint_commit(savepoint)
