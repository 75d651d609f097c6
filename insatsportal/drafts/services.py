"""Every write of drafts: autosaved text and forms kept over a session's end."""

import json
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from insatsportal.core import crypto
from insatsportal.drafts.models import Draft

Kind = Draft.Kind
# Longest text kept as a draft (characters); an application section is far shorter.
MAX_TEXT = 200_000
# Largest form kept after the session ended (characters of its JSON).
MAX_FORM = 1_000_000


def _purge_expired() -> None:
    """Drafts past their time go whenever a draft is written (no scheduled job needed)."""
    Draft.objects.filter(expires_at__lte=timezone.now()).delete()


@transaction.atomic
def draft_save(*, user, path: str, field: str, text: str) -> Draft | None:
    """Keep the text being written in `field` on `path`; empty text removes the draft.

    The record itself is not touched: the draft is given back when the page is opened again
    and goes when the form is saved.
    """
    _purge_expired()
    if not text:
        Draft.objects.filter(user=user, kind=Kind.TYPING, path=path, field=field).delete()
        return None
    now = timezone.now()
    draft, _created = Draft.objects.update_or_create(
        user=user, kind=Kind.TYPING, path=path, field=field,
        defaults={"content_encrypted": crypto.encrypt(text[:MAX_TEXT]), "saved_at": now,
                  "expires_at": now + timedelta(days=settings.DRAFT_DAYS)},
    )
    return draft


def drafts_discard(*, user, paths, kind: str = Kind.TYPING, field: str | None = None) -> int:
    """Remove the user's drafts of `kind` on `paths` (all fields, or the one named)."""
    drafts = Draft.objects.filter(user=user, kind=kind, path__in=list(paths))
    if field is not None:
        drafts = drafts.filter(field=field)
    return drafts.delete()[0]


@transaction.atomic
def expired_post_keep(*, user, path: str, action: str, data: dict[str, list[str]],
                      files: list[str]) -> Draft | None:
    """Keep a form sent after the session ended, to fill it in again after sign-in.

    `data` is the posted fields (tokens left out), `files` the names of file fields whose
    files could not be kept. Kept for EXPIRED_POST_HOURS; a newer one on the same page
    replaces it. Nothing is kept for a form too large to hold.
    """
    _purge_expired()
    content = json.dumps({"data": data, "files": files}, ensure_ascii=False)
    if len(content) > MAX_FORM:
        return None
    now = timezone.now()
    draft, _created = Draft.objects.update_or_create(
        user=user, kind=Kind.EXPIRED_POST, path=path, field="",
        defaults={"action": action, "content_encrypted": crypto.encrypt(content),
                  "saved_at": now,
                  "expires_at": now + timedelta(hours=settings.EXPIRED_POST_HOURS)},
    )
    return draft
