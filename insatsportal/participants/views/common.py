from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Q, Subquery

from insatsportal.interventions.models import Intervention

PAGE_SIZE = 50


@dataclass
class KeysetPage:
    """A page read from an index where the previous one ended (?efter=) or before where
    the next one began (?fore=): page 200 costs what page 1 does."""
    object_list: list
    has_previous: bool
    has_next: bool
    key: str | Callable  # an attribute holding the cursor, or a function of the row
    params: dict = field(default_factory=dict)  # the request's other parameters (filters)

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    def _cursor(self, row):
        return self.key(row) if callable(self.key) else getattr(row, self.key)

    @property
    def first_key(self):
        return self._cursor(self.object_list[0]) if self.object_list else None

    @property
    def last_key(self):
        return self._cursor(self.object_list[-1]) if self.object_list else None

    @property
    def previous_query(self) -> str:
        return urlencode({**self.params, "fore": self.first_key})

    @property
    def next_query(self) -> str:
        return urlencode({**self.params, "efter": self.last_key})


def _kept(request) -> dict:
    return {name: value for name, value in request.GET.items()
            if name not in ("efter", "fore") and value}


def _whole(text):
    try:
        return int(text)
    except (TypeError, ValueError):
        return None


def keyset_page(request, queryset, *, key="number", size=PAGE_SIZE) -> KeysetPage:
    """Highest `key` first, `size` rows at a time (one query)."""
    after, before = _whole(request.GET.get("efter")), _whole(request.GET.get("fore"))
    if before is not None and after is None:
        rows = list(queryset.filter(**{f"{key}__gt": before}).order_by(key)[:size + 1])
        return KeysetPage(rows[:size][::-1], has_previous=len(rows) > size, has_next=True,
                          key=key, params=_kept(request))
    if after is not None:
        queryset = queryset.filter(**{f"{key}__lt": after})
    rows = list(queryset.order_by(f"-{key}")[:size + 1])
    return KeysetPage(rows[:size], has_previous=after is not None, has_next=len(rows) > size,
                      key=key, params=_kept(request))


def _intervention_cursor(text):
    """'<intervention id>.<number>' -> (id, number), or None."""
    parts = (text or "").split(".")
    numbers = [_whole(part) for part in parts]
    return tuple(numbers) if len(numbers) == 2 and None not in numbers else None


def _beyond(intervention_id: int, number: int, *, forward: bool) -> Q:
    """The rows after (forward) or before a row in the order intervention name, intervention
    id, number newest first; the name is read in the same query."""
    name = Subquery(Intervention.objects.filter(pk=intervention_id).values("name")[:1])
    up, down = ("gt", "lt") if forward else ("lt", "gt")
    return (Q(**{f"intervention__name__{up}": name})
            | Q(intervention__name=name, **{f"intervention_id__{up}": intervention_id})
            | Q(intervention_id=intervention_id, **{f"number__{down}": number}))


def keyset_page_by_intervention(request, queryset, *, size=PAGE_SIZE) -> KeysetPage:
    """People of several interventions, by intervention name and newest first within each,
    `size` rows at a time (one query): the cursor is the intervention's id and the number."""
    after = _intervention_cursor(request.GET.get("efter"))
    before = _intervention_cursor(request.GET.get("fore"))
    order = ("intervention__name", "intervention_id", "-number")

    def cursor(row):
        return f"{row.intervention_id}.{row.number}"

    if before is not None and after is None:
        rows = list(queryset.filter(_beyond(*before, forward=False))
                    .order_by("-intervention__name", "-intervention_id", "number")[:size + 1])
        return KeysetPage(rows[:size][::-1], has_previous=len(rows) > size, has_next=True,
                          key=cursor, params=_kept(request))
    if after is not None:
        queryset = queryset.filter(_beyond(*after, forward=True))
    rows = list(queryset.order_by(*order)[:size + 1])
    return KeysetPage(rows[:size], has_previous=after is not None, has_next=len(rows) > size,
                      key=cursor, params=_kept(request))
