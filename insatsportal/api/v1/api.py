"""The open API, version 1: read-only, token-authenticated, described by OpenAPI 3.

The description is served at /api/v1/openapi.json and browsable at /api/v1/docs (Swagger
UI from django-ninja's own static files, nothing from a CDN).
"""

from django.contrib.auth.decorators import login_not_required
from django.http import Http404
from django.urls import URLPattern
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, ValidationError

from insatsportal.api.v1.auth import TokenAuth, in_language
from insatsportal.api.v1.errors import ApiError, body
from insatsportal.api.v1.routers import (
    aggregates,
    applications,
    estimates,
    goals,
    interventions,
    money,
    national,
    organisation,
)

DESCRIPTION = """Read access for the förbund's other systems. Send a token made by the
office (Administration → API tokens) as `Authorization: Bearer ip_…`. Dates are ISO 8601,
amounts whole kronor as integers. Lists are paged (`page`, `page_size`). Errors have one
shape, `{"error": {"code", "message", "details"}}`, with the message in Swedish or, with
`Accept-Language: en`, English. No personal data about participants is served: counts by
sex hide groups smaller than the pages do (null)."""

api = NinjaAPI(
    title="Insatsportalen API", version="1", description=DESCRIPTION,
    urls_namespace="api_v1", auth=TokenAuth(), docs_decorator=login_not_required,
)
for module in (organisation, interventions, applications, goals, aggregates, money, national,
               estimates):
    api.add_router("", module.router)


@api.exception_handler(ApiError)
def _api_error(request, exc):
    response = api.create_response(request, body(exc.code, exc.details), status=exc.status)
    for name, value in exc.headers.items():
        response[name] = value
    return response


@api.exception_handler(ValidationError)
def _invalid(request, exc):
    details = [{"field": ".".join(str(p) for p in e.get("loc", ()) if p != "paging"),
                "message": str(e.get("msg", ""))} for e in exc.errors]
    return api.create_response(request, body("invalid_request", details), status=400)


@api.exception_handler(AuthenticationError)
def _unauthorized(request, exc):
    response = api.create_response(request, body("unauthorized"), status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Http404)
def _not_found(request, exc):
    return api.create_response(request, body("not_found"), status=404)


def urlpatterns() -> list:
    """The API's URL patterns, open to the login middleware (tokens authenticate) and
    answering in the client's language."""
    patterns, _app, _namespace = api.urls
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern.callback = login_not_required(in_language(pattern.callback))
    return patterns
