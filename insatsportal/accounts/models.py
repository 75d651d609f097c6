from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    KANSLI = "kansli", _("Association office")
    STYRELSE = "styrelse", _("Board or working committee")
    INSATSANSVARIG = "insatsansvarig", _("Intervention manager")
    DELTAGARANSVARIG = "deltagaransvarig", _("Participant coordinator")
    HANDLAGGARE = "handlaggare", _("Partner case worker")
    RAPPORTLASARE = "rapportlasare", _("Report reader")


# Roles that only make sense for named interventions.
INTERVENTION_ROLES = {Role.DELTAGARANSVARIG}


class User(AbstractUser):
    member = models.ForeignKey(
        "organisations.Member",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        help_text=_("Empty for the association's own staff."),
    )
    title = models.CharField(_("title"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @cached_property
    def role_assignments(self) -> list["RoleAssignment"]:
        """All of the user's roles, loaded once per request."""
        return list(self.roles.all())

    def __str__(self):
        return self.get_full_name() or self.username


class RoleAssignment(models.Model):
    """A role held by a user, for all interventions or for one named intervention."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="roles", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    intervention = models.ForeignKey(
        "interventions.Intervention",
        verbose_name=_("intervention"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role", "intervention"], name="unique_role_assignment"
            ),
            models.CheckConstraint(
                condition=~Q(role__in=[r.value for r in INTERVENTION_ROLES])
                | Q(intervention__isnull=False),
                name="intervention_role_names_intervention",
            ),
        ]

    def __str__(self):
        if self.intervention_id:
            return f"{self.get_role_display()}: {self.intervention}"
        return self.get_role_display()
