"""Text a user has written but not saved: kept so that nothing typed is lost.

Always encrypted (core.crypto): any free text can hold personal data. Tied to its user,
and short-lived (`expires_at`).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Draft(models.Model):
    class Kind(models.TextChoices):
        # A long text as it is being written (autosaved), per page and field.
        TYPING = "typing", _("Text being written")
        # A whole form sent after the session had ended, filled in again after sign-in.
        EXPIRED_POST = "expired_post", _("Form sent after the session ended")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # The page the form is on, where the text is given back.
    path = models.CharField(_("page"), max_length=500)
    # The text field's name (typing); empty for a whole form.
    field = models.CharField(_("field"), max_length=200, blank=True)
    # Where the form was sent (expired posts), to find the form on the page.
    action = models.CharField(_("form address"), max_length=500, blank=True)
    content_encrypted = models.TextField(_("content (encrypted)"), editable=False)
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"), db_index=True)

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "path", "field"],
                                    name="one_draft_per_user_page_and_field"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.path}"
