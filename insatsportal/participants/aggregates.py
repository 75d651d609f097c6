"""Aggregates with small-group suppression.

A cell under the threshold (AGGREGATE_MIN_GROUP, default 5) is hidden. Then
the smallest visible cells are hidden too until the hidden cells together hold
at least the threshold, so that the total minus the visible cells never reveals
a small group. When the total itself is under the threshold, the row is hidden.
"""

from dataclasses import dataclass

from django.conf import settings

HIDDEN = None


@dataclass(frozen=True)
class Row:
    label: str
    cells: list  # int or HIDDEN
    total: int | None


def suppress_row(label: str, counts: list[int], *, threshold: int | None = None) -> Row:
    threshold = settings.AGGREGATE_MIN_GROUP if threshold is None else threshold
    total = sum(counts)
    if 0 < total < threshold:
        return Row(label, [HIDDEN] * len(counts), HIDDEN)
    hidden = {i for i, n in enumerate(counts) if 0 < n < threshold}
    while hidden and sum(counts[i] for i in hidden) < threshold and len(hidden) < len(counts):
        visible = [(n, i) for i, n in enumerate(counts) if i not in hidden]
        hidden.add(min(visible)[1])
    cells = [HIDDEN if i in hidden else n for i, n in enumerate(counts)]
    return Row(label, cells, total)


def suppress_value(value: int | None, group_size: int, *, threshold: int | None = None):
    """A statistic over `group_size` people, hidden when the group is small."""
    threshold = settings.AGGREGATE_MIN_GROUP if threshold is None else threshold
    return HIDDEN if group_size < threshold else value
