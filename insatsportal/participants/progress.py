"""Reads of progress ratings: one person's series, and an intervention's average change."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from insatsportal.core.charts import one_decimal
from insatsportal.participants.aggregates import suppress_value
from insatsportal.participants.models import Answer, Instrument, Rating


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


def _first_and_latest(ratings) -> dict:
    """{(participant, instrument): (first rating id, latest rating id)} for people rated twice."""
    spans = {}
    for participant_id, instrument_id, rating_id in ratings:
        key = (participant_id, instrument_id)
        first, _ = spans.get(key, (rating_id, rating_id))
        spans[key] = (first, rating_id)
    return {key: span for key, span in spans.items() if span[0] != span[1]}


def intervention_change(intervention_id) -> list[tuple[Instrument, list[ItemChange]]]:
    """Average change from the first to the latest rating per item, small groups hidden."""
    rows = (
        Rating.objects.filter(participant__intervention_id=intervention_id)
        .order_by("participant_id", "instrument_id", "rated_on", "pk")
        .values_list("participant_id", "instrument_id", "pk")
    )
    spans = _first_and_latest(rows)
    if not spans:
        return []
    wanted = {rid for span in spans.values() for rid in span}
    values = {
        (rating_id, item_id): value
        for rating_id, item_id, value in Answer.objects.filter(rating_id__in=wanted)
        .values_list("rating_id", "item_id", "value")
    }
    per_instrument = defaultdict(list)
    for (_participant, instrument_id), span in spans.items():
        per_instrument[instrument_id].append(span)
    result = []
    for instrument in Instrument.objects.filter(pk__in=per_instrument).prefetch_related("items"):
        changes = []
        for item in instrument.items.all():
            deltas = [values[(last, item.pk)] - values[(first, item.pk)]
                      for first, last in per_instrument[instrument.pk]
                      if (first, item.pk) in values and (last, item.pk) in values]
            average = (Decimal(sum(deltas)) / len(deltas)).quantize(
                Decimal("0.1"), rounding=ROUND_HALF_UP) if deltas else None
            changes.append(ItemChange(item.short_label, suppress_value(average, len(deltas)),
                                      len(deltas)))
        result.append((instrument, changes))
    return result
