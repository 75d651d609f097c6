"""Bearer tokens, per-token rate limits, and the language of the answer."""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja.security import HttpBearer

from insatsportal.accounts import policy
from insatsportal.api import selectors, services
from insatsportal.api.v1.errors import RateLimited, ScopeMissing

WINDOW = 60


class TokenAuth(HttpBearer):
    """`Authorization: Bearer ip_…`; sessions and cookies authenticate nothing here."""

    def authenticate(self, request, token):
        found = selectors.api_token_authenticate(raw=token)
        if found is None:
            return None
        rate_limit(found)
        services.api_token_use(token=found, path=request.path,
                               query=request.META.get("QUERY_STRING", ""))
        return found


def rate_limit(token) -> None:
    """At most API_RATE_LIMIT_PER_MINUTE requests per token in each clock minute."""
    window = int(time.time() // WINDOW)
    key = f"api-rate:{token.prefix}:{window}"
    cache.add(key, 0, WINDOW + 5)
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, WINDOW + 5)
        used = 1
    if used > settings.API_RATE_LIMIT_PER_MINUTE:
        retry = WINDOW - int(time.time()) % WINDOW
        raise RateLimited(headers={"Retry-After": str(retry)})


def scoped(request, scope: str):
    """The request's token if it may read `scope`; 403 otherwise."""
    token = request.auth
    if not policy.api_token_may_read(token, scope):
        raise ScopeMissing
    return token


def language_of(request) -> str:
    """Swedish unless the client asks for English first (Accept-Language)."""
    supported = {code for code, _name in settings.LANGUAGES}
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        base = code.split("-")[0].lower()
        if base in supported:
            return base
    return settings.LANGUAGE_CODE


def in_language(view):
    """Answer in the client's language, and say which in Content-Language."""

    def wrapper(request, *args, **kwargs):
        language = language_of(request)
        with translation.override(language):
            response = view(request, *args, **kwargs)
        response["Content-Language"] = language
        return response

    wrapper.__dict__.update(getattr(view, "__dict__", {}))
    return wrapper
