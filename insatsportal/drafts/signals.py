"""Whether a signed-in session should look for drafts at all (a hint kept in the session).

Pages ask the database for their drafts only while the user has any, so the pages of a user
without drafts cost no query. The hint is set at sign-in and kept up to date by the writes.
"""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from insatsportal.drafts import selectors

SESSION_KEY = "drafts_waiting"


def note_drafts(request) -> None:
    request.session[SESSION_KEY] = selectors.has_drafts(user=request.user)


@receiver(user_logged_in)
def _on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = selectors.has_drafts(user=user)
