"""Log lines an operator can follow: time, level, logger, request id and user id.

The request id and the user's numeric id travel in context variables set by
`RequestIdMiddleware`; a filter copies them onto every record. Never a name, e-mail or
personnummer: the user id is enough to find the account, and only for those allowed to.
`LOG_FORMAT=json` writes one JSON object a line for a log collector.
"""

import contextvars
import json
import logging
import re
import uuid
from datetime import UTC, datetime

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
user_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("user_id", default="-")

# A request id from the proxy is kept only if it is short and plain (it goes into log lines).
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
REQUEST_ID_HEADER = "X-Request-ID"

TEXT_FORMAT = (
    "%(asctime)s %(levelname)s %(name)s [request=%(request_id)s user=%(user_id)s] %(message)s"
)


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `user_id` to every record ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        record.user_id = user_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "user_id": getattr(record, "user_id", "-"),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def logging_config(*, level: str = "INFO", fmt: str = "text") -> dict:
    """The LOGGING setting: one console handler, text or JSON."""
    if fmt not in {"text", "json"}:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("LOG_FORMAT must be 'text' or 'json'.")
    formatter = (
        {"()": "insatsportal.core.logs.JsonFormatter"}
        if fmt == "json"
        else {"format": TEXT_FORMAT}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_context": {"()": "insatsportal.core.logs.RequestContextFilter"}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_context"],
                "formatter": "default",
            }
        },
        "root": {"handlers": ["console"], "level": level},
        # Django's own loggers propagate to the root; no second handler of their own.
        "loggers": {"django": {"handlers": [], "level": level, "propagate": True}},
    }


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID if plain, else a new one).

    The id is returned in the response header, so a user's error report can be matched to
    the log. The user id is set once authentication has run (process_view).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = request_id
        # Kept until the response is closed (clear_request_context): Django logs a 4xx or
        # 5xx response after the middleware has returned.
        request_id_var.set(request_id)
        user_id_var.set("-")
        response = self.get_response(request)
        # Again after the response, for pages that never reached a view (a 404 from the URL
        # resolver); the user is read only if a middleware already loaded it.
        _note_user(request)
        response[REQUEST_ID_HEADER] = request_id
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        _note_user(request)
        return None


def _note_user(request) -> None:
    from django.utils.functional import empty

    user = request.__dict__.get("user")
    if user is None or getattr(user, "_wrapped", None) is empty:
        return
    if user.is_authenticated:
        user_id_var.set(str(user.pk))


def clear_request_context(**kwargs) -> None:
    """Connected to `request_finished`: lines after the request carry no stale ids."""
    request_id_var.set("-")
    user_id_var.set("-")
