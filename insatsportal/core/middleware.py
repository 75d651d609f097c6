"""Response headers that every dynamic page gets."""

from django.utils.cache import patch_cache_control


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
