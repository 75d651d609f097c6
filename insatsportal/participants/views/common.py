from dataclasses import dataclass

from django.core.paginator import Paginator

PAGE_SIZE = 50


def page_of(request, queryset, size=PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("sida"))


@dataclass
class KeysetPage:
    """A page read from an index where the previous one ended (?efter=) or before where
    the next one began (?fore=): page 200 costs what page 1 does."""
    object_list: list
    has_previous: bool
    has_next: bool
    key: str

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def first_key(self):
        return getattr(self.object_list[0], self.key) if self.object_list else None

    @property
    def last_key(self):
        return getattr(self.object_list[-1], self.key) if self.object_list else None


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
                          key=key)
    if after is not None:
        queryset = queryset.filter(**{f"{key}__lt": after})
    rows = list(queryset.order_by(f"-{key}")[:size + 1])
    return KeysetPage(rows[:size], has_previous=after is not None, has_next=len(rows) > size,
                      key=key)
