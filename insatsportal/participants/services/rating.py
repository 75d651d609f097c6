"""Progressionsmätning: ratings at start, every RATING_INTERVAL_MONTHS and at exit."""

import datetime
from collections import Counter
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.core.audit import log_action
from insatsportal.core.calendar import add_months
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import (
    Answer,
    Instrument,
    Item,
    ItemChange,
    ItemChangeTotal,
    Participant,
    Rating,
)
from insatsportal.participants.services.facts import facts_keep


def rating_mean(values) -> Decimal:
    """The mean of a rating's answers, to four decimals: means of the same instrument (every
    item answered) keep their order."""
    return (Decimal(sum(values)) / len(values)).quantize(Decimal("0.0001"))


def rating_series(ratings) -> list[tuple[bool | None, datetime.date | None]]:
    """(improved, next_rated_on) of each of one person's ratings, given as (instrument,
    rated_on, mean) in the order rated (date, then recording): improved says whether the
    mean is above the first rating's of the same instrument (None for the first)."""
    first: dict = {}
    result = []
    for n, (instrument, _rated_on, mean) in enumerate(ratings):
        if instrument in first:
            earlier = first[instrument]
            improved = None if mean is None or earlier is None else mean > earlier
        else:
            first[instrument], improved = mean, None
        following = ratings[n + 1][1] if n + 1 < len(ratings) else None
        result.append((improved, following))
    return result


def item_changes(ratings, answers) -> list[tuple]:
    """ItemChange rows (intervention, participant, first, latest, item, change) of ratings
    given as (pk, participant, instrument, intervention) in the order rated (participant,
    instrument, date, pk), with `answers` {rating pk: {item: value}}: for each instrument a
    person was rated with twice or more, each item's latest answer minus their first."""
    spans: dict = {}  # (participant, instrument) -> [first, latest, intervention]
    for pk, participant_id, instrument_id, intervention_id in ratings:
        spans.setdefault((participant_id, instrument_id), [pk, pk, intervention_id])[1] = pk
    return [(intervention_id, participant_id, first, latest, item_id,
             answers[latest][item_id] - value)
            for (participant_id, _instrument), (first, latest, intervention_id) in spans.items()
            if first != latest
            for item_id, value in answers.get(first, {}).items()
            if item_id in answers.get(latest, {})]


def _item_change_sums(rows) -> Counter:
    """{(intervention, item, "total" or "people"): n} of ItemChange values rows."""
    sums: Counter = Counter()
    for row in rows:
        sums[(row["intervention_id"], row["item_id"], "total")] += row["total"]
        sums[(row["intervention_id"], row["item_id"], "people")] += row["people"]
    return sums


def _item_change_totals_add(delta: Counter) -> None:
    """Add `delta` to ItemChangeTotal: one UPDATE per intervention and item that changed, in
    the database (F), so that two people rated at once both count."""
    keys = {(intervention_id, item_id) for intervention_id, item_id, _name in delta}
    ItemChangeTotal.objects.bulk_create(
        [ItemChangeTotal(intervention_id=i, item_id=item) for i, item in keys],
        ignore_conflicts=True)
    for intervention_id, item_id in keys:
        total = delta[(intervention_id, item_id, "total")]
        people = delta[(intervention_id, item_id, "people")]
        if total or people:
            ItemChangeTotal.objects.filter(intervention_id=intervention_id, item_id=item_id).update(
                total=F("total") + total, people=F("people") + people)


def item_change_totals_add(changes) -> None:
    """Add item_changes rows to ItemChangeTotal."""
    _item_change_totals_add(_item_change_sums(
        {"intervention_id": intervention_id, "item_id": item_id, "total": change, "people": 1}
        for intervention_id, _p, _first, _latest, item_id, change in changes))


def item_changes_clear(participant_ids) -> None:
    """Remove these people's ItemChange rows and their part of ItemChangeTotal (before their
    ratings or records are deleted)."""
    stored = ItemChange.objects.filter(participant_id__in=participant_ids)
    removed = _item_change_sums(stored.order_by().values("intervention_id", "item_id").annotate(
        total=Sum("change"), people=Count("pk")))
    stored.delete()
    _item_change_totals_add(Counter({key: -n for key, n in removed.items()}))


def item_changes_write(participant_ids, *, new: bool = False) -> int:
    """Keep ItemChange of these people (item_changes), and ItemChangeTotal with them.
    `new`: nothing stored yet. Returns the rows written."""
    participant_ids = list(participant_ids)
    if not new:
        item_changes_clear(participant_ids)
    ratings = list(Rating.objects.filter(participant_id__in=participant_ids)
                   .order_by("participant_id", "instrument_id", "rated_on", "pk")
                   .values_list("pk", "participant_id", "instrument_id",
                                "participant__intervention_id"))
    spans: dict = {}
    for pk, participant_id, instrument_id, _intervention in ratings:
        spans.setdefault((participant_id, instrument_id), [pk, pk])[1] = pk
    answers: dict = {}
    for rating_id, item_id, value in Answer.objects.filter(
            rating_id__in=[r for first, latest in spans.values() if first != latest
                           for r in (first, latest)]).values_list(
            "rating_id", "item_id", "value"):
        answers.setdefault(rating_id, {})[item_id] = value
    changes = item_changes(ratings, answers)
    ItemChange.objects.bulk_create([
        ItemChange(intervention_id=intervention_id, participant_id=participant_id,
                   first_id=first, latest_id=latest, item_id=item_id, change=change)
        for intervention_id, participant_id, first, latest, item_id, change in changes],
        batch_size=5000)
    item_change_totals_add(changes)
    return len(changes)


def rating_series_update(participant_id) -> None:
    """Store rating_series on the person's ratings, and the latest on the person (after a
    rating is added at any date)."""
    ratings = list(Rating.objects.filter(participant_id=participant_id)
                   .order_by("rated_on", "pk"))
    series = rating_series([(r.instrument_id, r.rated_on, r.mean) for r in ratings])
    for rating, (improved, next_rated_on) in zip(ratings, series, strict=True):
        rating.improved, rating.next_rated_on = improved, next_rated_on
    Rating.objects.bulk_update(ratings, ["improved", "next_rated_on"])
    latest = ratings[-1] if ratings else None
    Participant.objects.filter(pk=participant_id).update(
        latest_rated_on=latest and latest.rated_on,
        latest_rating_improved=latest and latest.improved)
    item_changes_write([participant_id])
    facts_keep([participant_id])


def next_rating_due(last: datetime.date) -> datetime.date:
    return add_months(last, settings.RATING_INTERVAL_MONTHS)


@transaction.atomic
def rating_record(
    *,
    actor,
    participant: Participant,
    instrument: Instrument,
    occasion: str,
    rated_on: datetime.date,
    values: dict[int, int],
    comment: str = "",
) -> Rating:
    """Record one rating; `values` maps item ids to values, every item answered once."""
    if participant.is_anonymous:
        raise ParticipantError(_("An anonymous record holds only sex and the year of start."))
    if rated_on > timezone.localdate():
        raise ParticipantError(_("The date cannot be in the future."))
    if occasion not in Rating.Occasion.values:
        raise ParticipantError(_("Choose an occasion."))
    items = list(instrument.items.all())
    if {item.pk for item in items} != set(values):
        raise ParticipantError(_("Answer every item of the instrument."))
    low, high = instrument.scale_min, instrument.scale_max
    if any(not low <= value <= high for value in values.values()):
        raise ParticipantError(
            _("Every value must be between %(low)d and %(high)d.") % {"low": low, "high": high})
    rating = Rating.objects.create(participant=participant, instrument=instrument,
                                   occasion=occasion, rated_on=rated_on, comment=comment,
                                   recorded_by=actor, mean=rating_mean(values.values()))
    Answer.objects.bulk_create(Answer(rating=rating, item=item, value=values[item.pk])
                               for item in items)
    rating_series_update(participant.pk)
    log_action(actor=actor, obj=participant, action="rating.recorded",
               data={"rated_on": rated_on.isoformat(), "occasion": occasion,
                     "instrument": str(instrument)})
    return rating


@transaction.atomic
def instrument_copy(*, actor, instrument: Instrument) -> Instrument:
    """A new version of an instrument to adapt; the old one stops taking new ratings."""


    top = Instrument.objects.filter(name=instrument.name).aggregate(v=Max("version"))["v"]
    copy = Instrument.objects.create(
        name=instrument.name, version=top + 1, description=instrument.description,
        scale_min=instrument.scale_min, scale_max=instrument.scale_max,
        scale_labels=instrument.scale_labels,
    )
    Item.objects.bulk_create(
        Item(instrument=copy, order=i.order, short_label=i.short_label, text=i.text,
             answered_by=i.answered_by) for i in instrument.items.all()
    )
    Instrument.objects.filter(pk=instrument.pk).update(is_active=False)
    log_action(actor=actor, obj=copy, action="instrument.copied",
               data={"from_version": instrument.version})
    return copy
