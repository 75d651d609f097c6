from django.conf import settings
from django.utils import translation


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
