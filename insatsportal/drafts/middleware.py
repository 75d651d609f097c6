"""Drafts around the request: kept when a session has ended, let go when the form is saved."""

from urllib.parse import urlsplit

from django.middleware.csrf import CsrfViewMiddleware
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme

from insatsportal.drafts import services
from insatsportal.drafts.signals import SESSION_KEY, note_drafts

# Posts that are not the user's work: signing in and out, the language, the drafts
# themselves, the admin and the token API.
NOT_KEPT_NAMESPACES = {"accounts", "drafts", "admin", "api_v1"}
NOT_KEPT_NAMES = {"set_language"}
# Fields that belong to the form as it was sent, not to what the user wrote.
TOKEN_FIELDS = {"csrfmiddlewaretoken", "form_token"}


def page_of(request) -> str:
    """The page the request came from (same site), or the request's own address."""
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.get_full_path()


def _users_work(request) -> bool:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return not (set(match.namespaces) & NOT_KEPT_NAMESPACES or match.url_name in NOT_KEPT_NAMES)


def _csrf_ok(request) -> bool:
    """The post is the user's own (the CSRF check the view would have made)."""
    return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is None


def keep_expired_post(request) -> str | None:
    """Keep what a signed-in user posted after their session ended; the page to go back to.

    Called by the session limits just before they sign the user out. None when nothing was
    kept (not a form of the user's work, a failed CSRF check, nothing written).
    """
    if request.method != "POST" or not _users_work(request) or not _csrf_ok(request):
        return None
    data = {name: values for name, values in request.POST.lists() if name not in TOKEN_FIELDS}
    if not any(value.strip() for values in data.values() for value in values):
        return None
    page = page_of(request)
    kept = services.expired_post_keep(
        user=request.user, path=urlsplit(page).path, action=request.path, data=data,
        files=sorted(request.FILES),
    )
    return page if kept is not None else None


class DraftsMiddleware:
    """After a successful save (a POST answered with a redirect) the page's drafts go."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.method == "POST"
            and 300 <= response.status_code < 400
            and request.user.is_authenticated
            and request.session.get(SESSION_KEY)
            and _users_work(request)
        ):
            if services.drafts_discard(
                user=request.user, paths={request.path, urlsplit(page_of(request)).path}
            ):
                note_drafts(request)
        return response
