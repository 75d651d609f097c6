"""The drafts a page gives back to its user."""

import json
import logging

from django.utils import timezone
from django.utils.formats import time_format

from insatsportal.core import crypto
from insatsportal.drafts.models import Draft

logger = logging.getLogger(__name__)


def has_drafts(*, user) -> bool:
    return Draft.objects.filter(user=user, expires_at__gt=timezone.now()).exists()


def page_drafts(*, user, path: str) -> dict:
    """{"typing": {field: {"text", "at"}}, "kept": {"action", "data", "files", "at"} | None}

    One query. A draft that the keys no longer open is left out (it expires by itself).
    """
    result = {"typing": {}, "kept": None}
    drafts = Draft.objects.filter(user=user, path=path, expires_at__gt=timezone.now())
    for draft in drafts.order_by("saved_at"):
        try:
            content = crypto.decrypt(draft.content_encrypted)
        except crypto.ParticipantKeyError:
            logger.warning("A draft could not be decrypted and was left out.")
            continue
        at = time_format(timezone.localtime(draft.saved_at), "H:i")
        if draft.kind == Draft.Kind.TYPING:
            result["typing"][draft.field] = {"text": content, "at": at}
        else:
            result["kept"] = {"action": draft.action, "at": at, **json.loads(content)}
    return result
