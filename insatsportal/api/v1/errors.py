"""Errors of the API in one JSON shape, in Swedish or English (Accept-Language).

    {"error": {"code": "not_found", "message": "Det finns inget sådant objekt.", "details": []}}

`code` is stable for programs; `message` is for people.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Schema

MESSAGES = {
    "invalid_request": _("The request is not valid: see details."),
    "unauthorized": _("A valid API token is needed: send it as 'Authorization: Bearer …'."),
    "scope_missing": _("The token may not read this resource."),
    "not_found": _("There is no such object, or the token may not read it."),
    "rate_limited": _("Too many requests with this token: wait a minute and try again."),
}


class ErrorDetail(Schema):
    field: str
    message: str


class ErrorBody(Schema):
    code: str
    message: str
    details: list[ErrorDetail] = []


class ErrorOut(Schema):
    error: ErrorBody


class ApiError(Exception):
    status = 400
    code = "invalid_request"

    def __init__(self, details=None, headers=None):
        super().__init__(self.code)
        self.details = details or []
        self.headers = headers or {}


class ScopeMissing(ApiError):
    status, code = 403, "scope_missing"


class NotFound(ApiError):
    status, code = 404, "not_found"


def found_or_404(value):
    """`value`, or the API's 404 where it is None: not there, or outside the token's scope."""
    if value is None:
        raise NotFound
    return value


class RateLimited(ApiError):
    status, code = 429, "rate_limited"


def body(code: str, details=()) -> dict:
    return {"error": {"code": code, "message": str(MESSAGES[code]), "details": list(details)}}


# Documented on every operation, so that a client (and the fuzzer) knows each answer.
COMMON = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 429: ErrorOut}


def responses(schema, *, detail: bool = False) -> dict:
    """The operation's responses: `schema` on 200, the error shape on the rest."""
    return {200: schema, **COMMON, **({404: ErrorOut} if detail else {})}
