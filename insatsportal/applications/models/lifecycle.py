from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.applications.models.application import Application


class ApplicationStatusChange(models.Model):
    """One step of the application's life, kept as a row (time in status, corrections)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes",
        verbose_name=_("application"),
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=Application.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Application.Status.choices)
    at = models.DateTimeField(_("time"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("user"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status history")
        ordering = ["application", "at", "pk"]

    def __str__(self):
        return f"{self.from_status} → {self.to_status}"


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
