from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.applications.models.application import Application


class ApplicationVersion(models.Model):
    """The application as submitted: a frozen snapshot of everything, budget included."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="versions",
        verbose_name=_("application"),
    )
    number = models.PositiveSmallIntegerField(_("version"))
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("submitted by"),
    )
    snapshot = models.JSONField(_("contents"))

    class Meta:
        verbose_name = _("application version")
        verbose_name_plural = _("application versions")
        ordering = ["application", "number"]
        constraints = [
            models.UniqueConstraint(fields=["application", "number"],
                                    name="unique_application_version"),
        ]

    def __str__(self):
        return f"{self.application} v{self.number}"

    def save(self, *args, **kwargs):
        # Integrity guard: a submitted version is frozen.
        if not self._state.adding:
            raise ValueError("An application version cannot be changed.")
        super().save(*args, **kwargs)
