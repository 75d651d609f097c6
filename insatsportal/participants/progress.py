"""Reads of progress ratings: one person's series, and an intervention's average change."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db import connection

from insatsportal.participants.aggregates import suppress_value
from insatsportal.participants.models import Answer, Instrument, Participant, Rating


@dataclass
class Progress:
    instrument: Instrument | None
    items: list
    ratings: list  # Rating, each with .values (list per item, None when missing)
    means: list = field(default_factory=list)

    @property
    def rows(self):
        """(item, [value per rating]) for the table."""
        return [(item, [r.values[i] for r in self.ratings]) for i, item in enumerate(self.items)]


def _mean(values) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def participant_progress(participant) -> Progress:
    """The ratings of the instrument the person was last rated with, oldest first."""
    latest = Rating.objects.filter(participant=participant).order_by("-rated_on", "-pk").first()
    if latest is None:
        return Progress(None, [], [])
    instrument = Instrument.objects.get(pk=latest.instrument_id)
    items = list(instrument.items.all())
    ratings = list(
        Rating.objects.filter(participant=participant, instrument=instrument)
        .prefetch_related("answers").order_by("rated_on", "pk")
    )
    for rating in ratings:
        by_item = {a.item_id: a.value for a in rating.answers.all()}
        rating.values = [by_item.get(item.pk) for item in items]
    return Progress(instrument, items, ratings, [_mean(r.values) for r in ratings])


@dataclass(frozen=True)
class ItemChange:
    label: str
    change: Decimal | None  # None: hidden (small group) or nobody rated twice
    people: int


# Per item, the sum and number of (latest - first) answer over the people rated at least
# twice with an instrument: the first and latest rating of each (person, instrument) found
# by a window over the ratings, the answers joined only for those two. Grouped in the
# database; runs on PostgreSQL and SQLite alike.
CHANGE_SQL = """
WITH ranked AS (
    SELECT r.id, r.participant_id, r.instrument_id,
           ROW_NUMBER() OVER (PARTITION BY r.participant_id, r.instrument_id
                              ORDER BY r.rated_on, r.id) AS from_first,
           ROW_NUMBER() OVER (PARTITION BY r.participant_id, r.instrument_id
                              ORDER BY r.rated_on DESC, r.id DESC) AS from_latest
    FROM {rating} r JOIN {participant} p ON p.id = r.participant_id
    WHERE p.intervention_id = %s
), spans AS (
    SELECT f.instrument_id, f.id AS first_id, l.id AS latest_id
    FROM ranked f JOIN ranked l ON l.participant_id = f.participant_id
         AND l.instrument_id = f.instrument_id AND l.from_latest = 1
    WHERE f.from_first = 1 AND l.from_first > 1
)
SELECT s.instrument_id, a.item_id, SUM(b.value - a.value), COUNT(*)
FROM spans s
JOIN {answer} a ON a.rating_id = s.first_id
JOIN {answer} b ON b.rating_id = s.latest_id AND b.item_id = a.item_id
GROUP BY s.instrument_id, a.item_id
"""


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def intervention_change(intervention_id) -> list[tuple[Instrument, list[ItemChange]]]:
    """Average change from the first to the latest rating per item, small groups hidden
    (two queries, the rows grouped in the database)."""
    sql = CHANGE_SQL.format(rating=_table(Rating), participant=_table(Participant),
                            answer=_table(Answer))
    with connection.cursor() as cursor:
        cursor.execute(sql, [intervention_id])  # nosec B608: only table names formatted
        sums = {(instrument_id, item_id): (total, n)
                for instrument_id, item_id, total, n in cursor.fetchall()}
    if not sums:
        return []
    instruments = {instrument_id for instrument_id, _item in sums}
    result = []
    for instrument in Instrument.objects.filter(pk__in=instruments).prefetch_related("items"):
        changes = []
        for item in instrument.items.all():
            total, n = sums.get((instrument.pk, item.pk), (0, 0))
            average = (Decimal(total) / n).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP) if n else None
            changes.append(ItemChange(item.short_label, suppress_value(average, n), n))
        result.append((instrument, changes))
    return result
