"""Middleware of the whole site: interface language and response headers."""

from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_cache_control


class LanguageMiddleware:
    """Swedish unless the user chose another language (cookie set by set_language).

    Unlike Django's LocaleMiddleware it ignores the browser's Accept-Language, so an
    office with English browsers still gets the Swedish interface by default.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class NoStoreMiddleware:
    """`Cache-Control: no-store, private` on every response Django produces.

    Pages may carry personal data, so no browser or proxy may keep a copy (the back button
    after logging out must not show them). Static files never reach this middleware: WhiteNoise
    answers them before it, with its own long-lived caching headers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        patch_cache_control(response, no_store=True, private=True)
        return response


class LineBreaksMiddleware:
    """Store posted text with LF line breaks only.

    Browsers send a textarea's line breaks as CR LF while imports, the demo and services
    write LF: without this, saving a form unchanged would rewrite every multi-line text.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and any(
                "\r" in value for _key, values in request.POST.lists() for value in values):
            post = request.POST.copy()
            for key, values in post.lists():
                post.setlist(key, [v.replace("\r\n", "\n").replace("\r", "\n") for v in values])
            post._mutable = False
            request.POST = post
        return self.get_response(request)
