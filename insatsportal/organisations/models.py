from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Association(models.Model):
    """The samordningsförbund; one per deployment."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=100, blank=True)
    organisation_number = models.CharField(_("organisation number"), max_length=20, blank=True)
    case_number_format = models.CharField(
        _("case number format"),
        max_length=50,
        default="{year}-{seq:02d}",
        help_text=_("Python format with {year} and {seq}, e.g. {year}-{seq:02d} gives 2021-15."),
    )
    max_period_months = models.PositiveSmallIntegerField(
        _("longest intervention period (months)"), default=36
    )
    requires_co_financing = models.BooleanField(_("co-financing required"), default=False)
    director_name = models.CharField(_("director (förbundschef)"), max_length=200, blank=True)
    director_title = models.CharField(_("director's title"), max_length=200, default="Förbundschef")

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")

    def __str__(self):
        return self.name

    def case_number_example(self) -> str:
        """What the format gives for this year's seventh case, e.g. '2026-07'."""
        return self.case_number_format.format(year=timezone.localdate().year, seq=7)


class StrategicDirection(models.Model):
    """The board's priorities for one year (inriktning)."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="directions",
        verbose_name=_("association"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("strategic direction")
        verbose_name_plural = _("strategic directions")
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["association", "year"], name="one_direction_per_year")
        ]

    def __str__(self):
        return f"{self.association} {self.year}"


class PriorityTargetGroup(models.Model):
    direction = models.ForeignKey(
        StrategicDirection, on_delete=models.CASCADE, related_name="priority_groups",
        verbose_name=_("strategic direction"),
    )
    name = models.CharField(_("name"), max_length=200)
    keywords = models.CharField(
        _("keywords"), max_length=500, blank=True,
        help_text=_("Comma-separated words that identify the group in an application's text."),
    )

    class Meta:
        verbose_name = _("priority target group")
        verbose_name_plural = _("priority target groups")
        ordering = ["direction", "name"]

    def __str__(self):
        return self.name

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip() for word in self.keywords.split(",") if word.strip()]


class Member(models.Model):
    """A member organisation of the förbund: kommun, region, AF or FK."""

    class Kind(models.TextChoices):
        KOMMUN = "kommun", _("Municipality")
        REGION = "region", _("Region")
        AF = "af", _("Swedish Public Employment Service")
        FK = "fk", _("Swedish Social Insurance Agency")
        OTHER = "other", _("Other")

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="members",
        verbose_name=_("association"),
    )
    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    organisation_number = models.CharField(_("organisation number"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("member")
        verbose_name_plural = _("members")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name


class MemberAlias(models.Model):
    """Another name the member goes by in documents ("Regionen", "AF")."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("member")
    )
    name = models.CharField(_("name"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("name variant")
        verbose_name_plural = _("name variants")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MemberDomain(models.Model):
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="domains", verbose_name=_("member")
    )
    domain = models.CharField(_("e-mail domain"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")
        ordering = ["domain"]

    def __str__(self):
        return self.domain


class Unit(models.Model):
    """A unit within a member, e.g. "Arbetsmarknadsenheten"."""

    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="units", verbose_name=_("member")
    )
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["member", "name"]
        constraints = [
            models.UniqueConstraint(fields=["member", "name"], name="unique_unit_per_member")
        ]

    def __str__(self):
        return f"{self.member} – {self.name}"


class ContactPerson(models.Model):
    member = models.ForeignKey(
        Member, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("member")
    )
    unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.SET_NULL, related_name="contacts",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("title"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.member})"


class LocalGroup(models.Model):
    """A local development group, e.g. the LOKUS group of one kommun."""

    association = models.ForeignKey(
        Association, on_delete=models.CASCADE, related_name="local_groups",
        verbose_name=_("association"),
    )
    name = models.CharField(_("name"), max_length=200, unique=True)
    kommun = models.ForeignKey(
        Member, on_delete=models.PROTECT, related_name="local_groups",
        limit_choices_to={"kind": Member.Kind.KOMMUN}, verbose_name=_("municipality"),
    )
    members = models.ManyToManyField(
        ContactPerson, blank=True, related_name="local_groups", verbose_name=_("members")
    )

    class Meta:
        verbose_name = _("local group")
        verbose_name_plural = _("local groups")
        ordering = ["name"]

    def __str__(self):
        return self.name
