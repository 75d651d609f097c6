"""Reads of progress ratings: one person's series, and an intervention's average change."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from insatsportal.core.charts import one_decimal
from insatsportal.participants.aggregates import suppress_value
from insatsportal.participants.models import Instrument, ItemChangeTotal, Rating


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


def _mean(values) -> Decimal | None:
    """Rounded once, here, so the chart and the table write the same figure."""
    present = [v for v in values if v is not None]
    return one_decimal(Decimal(sum(present)) / len(present)) if present else None


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


def intervention_change(intervention_id) -> list[tuple[Instrument, list[ItemChange]]]:
    """Average change from the first to the latest rating per item, small groups hidden:
    the sums of the people's ItemChange rows kept per item (ItemChangeTotal, services.rating;
    three queries)."""
    sums = {(row["item__instrument_id"], row["item_id"]): (row["total"], row["people"])
            for row in ItemChangeTotal.objects.filter(intervention_id=intervention_id,
                                                      people__gt=0)
            .values("item_id", "item__instrument_id", "total", "people")}
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
