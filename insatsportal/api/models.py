"""Tokens that the förbund's other systems use to read the open API (/api/v1/)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Scope(models.TextChoices):
    """What a token may read: one resource of the API each."""

    ASSOCIATION = "association", _("The förbund and its members")
    INTERVENTIONS = "interventions", _("Interventions, periods, grants and budget")
    APPLICATIONS = "applications", _("Applications and decisions")
    GOALS = "goals", _("Goals and their status")
    AGGREGATES = "aggregates", _("Quarterly and yearly aggregates by sex")
    REQUISITIONS = "requisitions", _("Requisitions and payments")
    NATIONAL = "national", _("National report rows")
    ESTIMATES = "estimates", _("Socio-economic estimates")


class ApiToken(models.Model):
    """A bearer token: `ip_<prefix>_<secret>`; only the SHA-256 of the secret is kept.

    The prefix names the token in the portal and finds its row; the secret is shown once.
    """

    name = models.CharField(_("name"), max_length=200)
    prefix = models.CharField(_("token id"), max_length=16, unique=True, editable=False)
    secret_hash = models.CharField(_("hash of the secret"), max_length=64, editable=False)
    scopes = models.JSONField(_("scopes"), default=list)
    all_interventions = models.BooleanField(_("all interventions"), default=True)
    interventions = models.ManyToManyField(
        "interventions.Intervention", blank=True, related_name="+",
        verbose_name=_("interventions"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("revoked by"),
    )

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix})"

    def is_usable(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and self.expires_at > now

    @property
    def scope_labels(self) -> list[str]:
        labels = dict(Scope.choices)
        return [str(labels[s]) for s in self.scopes if s in labels]
