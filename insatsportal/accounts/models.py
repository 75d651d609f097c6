from functools import cached_property

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device, ThrottlingMixin


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


class LoginAttempt(models.Model):
    """One sign-in attempt (password or second-factor step). Never holds the password."""

    class Stage(models.TextChoices):
        PASSWORD = "password", _("Password")
        SECOND_FACTOR = "otp", _("Second factor")
        # A request for a reset link; `username` holds the e-mail address as typed.
        PASSWORD_RESET = "reset", _("Password reset")

    class Reason(models.TextChoices):
        OK = "ok", _("Signed in")
        BAD_CREDENTIALS = "bad_credentials", _("Wrong username or password")
        ACCOUNT_LIMIT = "account_limit", _("Too many failures for the account")
        ADDRESS_LIMIT = "address_limit", _("Too many failures from the address")
        BAD_CODE = "bad_code", _("Wrong code")
        CODE_LIMIT = "code_limit", _("Too many wrong codes")
        RESET_SENT = "reset_sent", _("Reset link requested")
        RESET_LIMIT = "reset_limit", _("Too many reset requests")
        # Written by the office; failures before it no longer count towards the limits.
        UNLOCKED = "unlocked", _("Unlocked by the office")

    username = models.CharField(_("username as typed"), max_length=150)
    # Case-folded and stripped, so that "Kansli " and "kansli" count as one account.
    username_key = models.CharField(_("account key"), max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    timestamp = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    stage = models.CharField(_("step"), max_length=10, choices=Stage.choices)
    success = models.BooleanField(_("succeeded"), default=False)
    reason = models.CharField(_("outcome"), max_length=20, choices=Reason.choices)

    class Meta:
        verbose_name = _("sign-in attempt")
        verbose_name_plural = _("sign-in attempts")
        ordering = ["-timestamp", "-id"]
        indexes = [
            models.Index(fields=["username_key", "stage", "timestamp"]),
            models.Index(fields=["ip_address", "stage", "timestamp"]),
        ]

    def __str__(self):
        return f"{self.timestamp:%Y-%m-%d %H:%M} {self.username} {self.reason}"


class UserSession(models.Model):
    """A signed-in session, so that sessions can be listed and ended (by the user or the office)."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("user")
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("signed in"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last active"), default=timezone.now)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-last_seen_at"]

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def browser(self) -> str:
        """'Firefox på Windows', not the raw header."""
        from insatsportal.accounts.user_agents import browser_label

        return browser_label(self.user_agent)


class BackupCodeDevice(ThrottlingMixin, Device):
    """The set of single-use backup codes of one user, as a django-otp device.

    The codes themselves are stored only as keyed hashes (`BackupCode`).
    """

    class Meta(Device.Meta):
        verbose_name = _("backup codes")
        verbose_name_plural = _("backup codes")

    def get_throttle_factor(self):
        return getattr(settings, "OTP_TOTP_THROTTLE_FACTOR", 1)

    def verify_token(self, token):
        from insatsportal.accounts.backup_codes import backup_code_hash, normalise

        allowed, _info = self.verify_is_allowed()
        if not allowed:
            return False
        code = normalise(token)
        used = 0
        if code:
            used = self.codes.filter(
                code_hash=backup_code_hash(code), used_at__isnull=True
            ).update(used_at=timezone.now())
        if used:
            self.throttle_reset(commit=True)
            return True
        self.throttle_increment(commit=True)
        return False


class BackupCode(models.Model):
    device = models.ForeignKey(
        BackupCodeDevice, on_delete=models.CASCADE, related_name="codes",
        verbose_name=_("backup codes"),
    )
    code_hash = models.CharField(_("code hash"), max_length=64, unique=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("backup code")
        verbose_name_plural = _("backup codes")

    def __str__(self):
        return _("used backup code") if self.used_at else _("unused backup code")


class ExternalIdentity(models.Model):
    """A user's account at the organisation's identity provider (single sign-on).

    Matched by the provider's stable subject (`sub`), never by name; the e-mail address is
    used once, to link an existing account, and only when the provider says it is verified.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="external_identities",
        verbose_name=_("user"),
    )
    issuer = models.CharField(_("identity provider"), max_length=300)
    subject = models.CharField(_("subject at the provider"), max_length=255)
    linked_at = models.DateTimeField(_("linked"), default=timezone.now)

    class Meta:
        verbose_name = _("external identity")
        verbose_name_plural = _("external identities")
        constraints = [
            models.UniqueConstraint(fields=["issuer", "subject"], name="unique_external_subject"),
        ]

    def __str__(self):
        return f"{self.issuer} {self.subject}"


class IdentityProviderDevice(Device):
    """Stands for the second factor the identity provider asserted (amr/acr) at sign-in.

    It verifies no code of its own; single sign-on marks the session verified with it only
    when the provider's ID token says multi-factor authentication took place.
    """

    class Meta(Device.Meta):
        verbose_name = _("second factor at the identity provider")
        verbose_name_plural = _("second factor at the identity provider")

    def verify_token(self, token):
        return False
