import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from insatsportal.participants import crypto


class Sex(models.TextChoices):
    WOMAN = "kvinna", _("Woman")
    MAN = "man", _("Man")
    OTHER = "annat", _("Other or not stated")


class Participant(models.Model):
    """A person in one intervention: identified (with consent) or anonymous.

    Names and the identity number are stored encrypted (see crypto.py); the
    keyed hash of the normalised number finds the same person elsewhere. An
    anonymous record keeps only sex and the year of start, and the database
    refuses anything more.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    intervention = models.ForeignKey(
        "interventions.Intervention", on_delete=models.PROTECT, related_name="participants",
        verbose_name=_("intervention"),
    )
    number = models.PositiveIntegerField(
        _("participant number"), help_text=_("Running number within the intervention.")
    )
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    protected_identity = models.BooleanField(_("protected identity"), default=False)
    sex = models.CharField(_("sex"), max_length=10, choices=Sex.choices)
    start_year = models.PositiveSmallIntegerField(_("year of start"))
    name_encrypted = models.TextField(_("name (encrypted)"), blank=True, editable=False)
    personnummer_encrypted = models.TextField(
        _("personal identity number (encrypted)"), blank=True, editable=False
    )
    # NULL, not "", so that the unique constraint leaves anonymous records alone.
    personnummer_hash = models.CharField(  # noqa: DJ001
        _("keyed hash of the personal identity number"), max_length=64, null=True, blank=True,
        editable=False, db_index=True,
    )
    name_index = models.TextField(_("name search index"), blank=True, editable=False)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    home_kommun = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", limit_choices_to={"kind": "kommun"}, verbose_name=_("home municipality"),
    )
    # The latest progress rating's date and Rating.improved, kept by services.rating so
    # that the goal counts need not look through every person's ratings.
    latest_rated_on = models.DateField(_("latest rating"), null=True, blank=True,
                                       editable=False)
    latest_rating_improved = models.BooleanField(_("improved at the latest rating"),
                                                 null=True, blank=True, editable=False)
    # Not discharged (facts.UNDER_WAY): kept by services.discharge and anonymisation, so
    # that the due list and the start page read only the people under way, through the
    # partial indexes below, instead of looking for a missing discharge among everyone.
    under_way = models.BooleanField(_("under way"), default=True, db_default=True,
                                    editable=False)
    # Enrolment.enrolled_on, kept by services.enrolment: the first plan and first rating fall
    # due from it, read through the same partial indexes.
    enrolled_on = models.DateField(_("date of enrolment"), null=True, blank=True,
                                   editable=False)
    # ActionPlan.next_revision_due (NULL: no plan yet), kept by services.plan and
    # anonymisation: the revision and first-plan counts then read the partial indexes alone
    # instead of joining every plan of the intervention.
    plan_revision_due = models.DateField(_("action plan revision due"), null=True, blank=True,
                                         editable=False)
    # Set only on the invented records of `manage.py generate_demo_data`, never on real ones.
    demo_seed = models.BigIntegerField(
        _("fictional demo record (seed)"), null=True, blank=True, editable=False, db_index=True,
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("registered by"),
    )

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["intervention", "-number"]
        indexes = [
            # The due list and the start page: identified people under way, per intervention,
            # in the order their next rating, first rating or first plan falls due (covering
            # what the counts read, so that they need not visit the table).
            models.Index(fields=["intervention", "latest_rated_on", "number"],
                         include=["id", "enrolled_on", "plan_revision_due"],
                         condition=Q(under_way=True, is_anonymous=False),
                         name="participant_under_way"),
            models.Index(fields=["intervention", "enrolled_on", "number"],
                         include=["id", "latest_rated_on", "plan_revision_due"],
                         condition=Q(under_way=True, is_anonymous=False),
                         name="participant_under_way_enrolled"),
            # The revisions in due order, and the people still without a plan by enrolment.
            models.Index(fields=["intervention", "plan_revision_due", "number"],
                         condition=Q(under_way=True, is_anonymous=False,
                                     plan_revision_due__isnull=False),
                         name="participant_under_way_planned"),
            models.Index(fields=["intervention", "enrolled_on", "number"],
                         condition=Q(under_way=True, is_anonymous=False,
                                     plan_revision_due__isnull=True),
                         name="participant_under_way_planless"),
            models.Index(fields=["intervention", "enrolled_on", "number"],
                         condition=Q(under_way=True, is_anonymous=False,
                                     latest_rated_on__isnull=True),
                         name="participant_under_way_unrated"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["intervention", "number"], name="participant_number_unique"
            ),
            models.UniqueConstraint(
                fields=["intervention", "personnummer_hash"],
                name="participant_once_per_intervention",
            ),
            models.CheckConstraint(
                condition=Q(is_anonymous=False)
                | Q(
                    name_encrypted="",
                    personnummer_encrypted="",
                    personnummer_hash__isnull=True,
                    name_index="",
                    birth_year__isnull=True,
                    home_kommun__isnull=True,
                    latest_rated_on__isnull=True,
                ),
                name="anonymous_participant_has_no_identifiers",
            ),
            models.CheckConstraint(
                condition=Q(is_anonymous=True)
                | (
                    ~Q(name_encrypted="")
                    & ~Q(personnummer_encrypted="")
                    & Q(personnummer_hash__isnull=False)
                ),
                name="identified_participant_has_identity",
            ),
            models.CheckConstraint(
                condition=Q(protected_identity=False) | Q(is_anonymous=True),
                name="protected_identity_is_anonymous",
            ),
        ]

    def __str__(self):
        # Never a name: this string goes into audit entries and logs.
        return f"#{self.number}"

    @property
    def is_fictional(self) -> bool:
        return self.demo_seed is not None

    @property
    def name(self) -> str:
        return crypto.decrypt(self.name_encrypted)

    @property
    def personnummer(self) -> str:
        number = crypto.decrypt(self.personnummer_encrypted)
        return f"{number[:8]}-{number[8:]}" if number else ""

    @property
    def label(self) -> str:
        """What identified staff see: the name, or the number of an anonymous record."""
        if self.is_anonymous:
            return str(_("Anonymous participant %(number)s") % {"number": self.number})
        return self.name


class Consent(models.Model):
    """The written consent for one intervention that allows identified registration."""

    participant = models.OneToOneField(
        Participant, on_delete=models.CASCADE, related_name="consent",
        verbose_name=_("participant"),
    )
    given_on = models.DateField(_("date of consent"))
    form_version = models.CharField(_("consent form version"), max_length=50)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    partners = models.ManyToManyField(
        "organisations.Member", blank=True, related_name="+",
        verbose_name=_("partners named in the consent"),
    )
    scan = models.FileField(
        _("scanned copy (encrypted)"), upload_to="consents/", blank=True, editable=False
    )
    scan_content_type = models.CharField(
        _("content type of the scan"), max_length=100, blank=True, editable=False
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("given_on")),
                name="consent_valid_after_given",
            )
        ]

    def __str__(self):
        return f"{self.participant} {self.given_on}"

    @property
    def ends_on(self):
        """The last day partners' case workers see the participant: the consent's own end
        date or the intervention's end, whichever comes first (policy.participant_scope)."""
        ends = [day for day in (self.valid_until, self.participant.intervention.end_date) if day]
        return min(ends) if ends else None


class NameToken(models.Model):
    """The name search index: one row per keyed hash of a name-word prefix
    (crypto.name_index), so that a search is an index lookup, never a scan or a
    decryption. Kept by services.nametokens with the name."""

    participant = models.ForeignKey(Participant, on_delete=models.CASCADE,
                                    related_name="name_tokens", verbose_name=_("participant"))
    token = models.CharField(_("token"), max_length=16)

    class Meta:
        verbose_name = _("name search token")
        verbose_name_plural = _("name search tokens")
        constraints = [models.UniqueConstraint(fields=["token", "participant"],
                                               name="name_token_unique")]

    def __str__(self):
        return self.token


class ReadLogEntry(models.Model):
    """One display of identified participant data: who, whom, what, when. A list or search
    page is one entry naming every person it showed (`participants`); a page about one
    person also names them in `participant_id`, indexed."""

    class What(models.TextChoices):
        LIST = "list", _("List")
        PAGE = "page", _("Participant page")
        SEARCH = "search", _("Search result")
        EXPORT = "export", _("Export")
        EXTRACT = "extract", _("Register extract")
        SCAN = "scan", _("Scanned consent")

    id = models.BigAutoField(primary_key=True)
    at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        verbose_name=_("user"),
    )
    user_name = models.CharField(_("user name"), max_length=200)
    # Not foreign keys: the log outlives records removed by retention.
    participant_id = models.UUIDField(_("participant"), null=True, db_index=True)
    participants = models.JSONField(_("participants shown"), default=list)
    intervention_id = models.BigIntegerField(_("intervention"), null=True)
    what = models.CharField(_("what"), max_length=10, choices=What.choices)

    class Meta:
        verbose_name = _("read of participant data")
        verbose_name_plural = _("reads of participant data")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["user", "at"], name="readlog_user_at")]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_name} {self.what} {len(self.participants)}"
