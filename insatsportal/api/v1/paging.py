"""Page-number pagination: `?page=2&page_size=50`, answered as a `Paged` envelope."""

from typing import Annotated

from ninja import Schema
from pydantic import Field

MAX_PAGE_SIZE = 200
MAX_ID = 2**31 - 1  # ids beyond any row; larger numbers are refused, not looked up
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Year = Annotated[int, Field(ge=2000, le=2100)]


class PageQuery(Schema):
    page: int = Field(1, ge=1, le=100_000)
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE)


def paged(rows, query: PageQuery, to_dict=None, *, to_dicts=None) -> dict:
    """One page of `rows` (a queryset or a list); `to_dict` shapes each item, or
    `to_dicts` the page's items at once (to read what they share in a few queries)."""
    count = rows.count() if hasattr(rows, "count") and not isinstance(rows, list) else len(rows)
    start = (query.page - 1) * query.page_size
    page = list(rows[start:start + query.page_size])
    items = to_dicts(page) if to_dicts else [to_dict(row) for row in page]
    more = start + query.page_size < count
    return {"count": count, "page": query.page, "page_size": query.page_size,
            "next_page": query.page + 1 if more else None, "items": items}

