from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Method(models.Model):
    """A named working method applications can refer to (IPS, MI, SIP …); editable data."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")
        ordering = ["order", "name"]

    def __str__(self):
        return self.name


class AgreementText(models.Model):
    """The förbund's fixed agreement text (Överenskommelse); the newest one applies."""

    association = models.ForeignKey(
        "organisations.Association", on_delete=models.CASCADE, related_name="agreement_texts",
        verbose_name=_("association"),
    )
    version = models.CharField(_("version"), max_length=50)
    valid_from = models.DateField(_("valid from"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("agreement text")
        verbose_name_plural = _("agreement texts")
        ordering = ["-valid_from", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["association", "version"],
                                    name="unique_agreement_version"),
        ]

    def __str__(self):
        return f"{self.association} {self.version}"


class Journey(models.TextChoices):
    """The steps of a submitted application's case, to the decision: the one status machine.

    Kept on the case (cases.Case.status, its history in cases.CaseStatusChange, its steps
    taken in cases.services); named here so that the application's own status can be read
    from it without the applications app depending on cases.
    """

    RECEIVED = "received", _("Received")
    IN_PREPARATION = "in_preparation", _("In preparation")
    COMPLETION_REQUESTED = "completion_requested", _("Completion requested")
    PROPOSAL_DRAFTED = "proposal_drafted", _("Decision proposal drafted")
    ON_AGENDA = "on_agenda", _("On a meeting's agenda")
    DECIDED = "decided", pgettext_lazy("case status", "Decided")


class Application(models.Model):
    """An application for funding of a samverkansinsats, on the förbund's template."""

    class Status(models.TextChoices):
        """As its owner sees it: a draft until submitted, then where its case has come."""

        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for completion")
        UNDER_PREPARATION = "under_preparation", _("Under preparation")
        DECIDED = "decided", _("Decided")

    # The case's steps each status covers (a draft has no case).
    STEPS = {
        Status.SUBMITTED: (Journey.RECEIVED,),
        Status.RETURNED: (Journey.COMPLETION_REQUESTED,),
        Status.UNDER_PREPARATION: (Journey.IN_PREPARATION, Journey.PROPOSAL_DRAFTED,
                                   Journey.ON_AGENDA),
        Status.DECIDED: (Journey.DECIDED,),
    }

    class Continuation(models.TextChoices):
        NEW = "new", _("New intervention")
        EXTENSION = "extension", _("Extension of the intervention")
        SUCCESSOR = "successor", _("Successor of the intervention")

    EDITABLE = (Status.DRAFT, Status.RETURNED)

    association = models.ForeignKey(
        "organisations.Association", on_delete=models.PROTECT, related_name="applications",
        verbose_name=_("association"),
    )
    name = models.CharField(_("name of the intervention"), max_length=300)
    case_number = models.CharField(_("case number"), max_length=30, blank=True)
    owner = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, related_name="applications",
        verbose_name=_("owner"),
    )
    owner_unit = models.ForeignKey(
        "organisations.Unit", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="applications", verbose_name=_("unit"),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_title = models.CharField(_("contact person's title"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact person's e-mail"), blank=True)
    purpose = models.TextField(_("purpose"), blank=True)
    background = models.TextField(_("background and need"), blank=True)
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    last_intake_date = models.DateField(_("last date for intake"), null=True, blank=True)
    target_group = models.TextField(_("target group"), blank=True)
    age_min = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    participants_per_year = models.PositiveIntegerField(
        _("expected participants per year"), null=True, blank=True
    )
    participants_total = models.PositiveIntegerField(
        _("expected participants in total"), null=True, blank=True
    )
    participants_text = models.TextField(_("expected participants, as described"), blank=True)
    methods = models.ManyToManyField(
        Method, blank=True, related_name="applications", verbose_name=_("methods")
    )
    methods_text = models.TextField(_("methods, described"), blank=True)
    follow_up = models.TextField(_("follow-up and evaluation"), blank=True)
    implementation = models.TextField(_("implementation of the results"), blank=True)
    anchoring_discussed = models.BooleanField(
        _("discussed in the local development group"), null=True, blank=True
    )
    anchoring_group = models.ForeignKey(
        "organisations.LocalGroup", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="applications", verbose_name=_("local group"),
    )
    anchoring_dates = models.JSONField(
        _("dates of discussion"), default=list, blank=True,
        help_text=_("ISO dates on which the group discussed the application."),
    )
    anchoring_text = models.TextField(_("how and when it was discussed"), blank=True)
    agreement_text = models.TextField(_("agreement"), blank=True)
    continues = models.ForeignKey(
        "interventions.Intervention", null=True, blank=True, on_delete=models.PROTECT,
        related_name="continuations", verbose_name=_("continues the intervention"),
    )
    continuation_kind = models.CharField(
        _("kind of application"), max_length=20, choices=Continuation.choices,
        default=Continuation.NEW,
    )
    predecessor_name = models.CharField(
        _("earlier intervention, as named"), max_length=300, blank=True,
        help_text=_("An earlier intervention that is not in the system."),
    )
    intervention = models.ForeignKey(
        "interventions.Intervention", null=True, blank=True, on_delete=models.PROTECT,
        related_name="applications", verbose_name=_("intervention"),
        help_text=_("Set when the application is decided."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["-planned_start", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end__isnull=True) | Q(planned_start__isnull=True)
                | Q(planned_end__gte=F("planned_start")),
                name="application_dates_in_order",
            ),
            models.CheckConstraint(
                condition=Q(age_max__isnull=True) | Q(age_min__isnull=True)
                | Q(age_max__gte=F("age_min")),
                name="application_ages_in_order",
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def status(self) -> str:
        """Read from the case (select_related("case") in lists)."""
        case = getattr(self, "case", None)
        if case is None:
            return self.Status.DRAFT
        return next(status for status, steps in self.STEPS.items() if case.status in steps)

    def get_status_display(self) -> str:
        return str(self.Status(self.status).label)

    @classmethod
    def in_status(cls, status: str) -> Q:
        """The filter for applications in `status` (as their owners see it)."""
        if status == cls.Status.DRAFT:
            return Q(case__isnull=True)
        return Q(case__status__in=cls.STEPS[status])

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def year(self) -> int | None:
        return self.planned_start.year if self.planned_start else None


class ApplicationPart(models.Model):
    """A sub-part (delinsats) with its own goals and numbers."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="parts", verbose_name=_("application")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    participants_per_year = models.PositiveIntegerField(
        _("expected participants per year"), null=True, blank=True
    )
    participants_total = models.PositiveIntegerField(
        _("expected participants in total"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("sub-part")
        verbose_name_plural = _("sub-parts")
        ordering = ["application", "order", "pk"]

    def __str__(self):
        return self.name


class ApplicationPartner(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="partners",
        verbose_name=_("application"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    member = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, related_name="partner_applications",
        verbose_name=_("organisation"),
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_title = models.CharField(_("title"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["application", "order", "pk"]

    def __str__(self):
        return str(self.member)


class Goal(models.Model):
    class Kind(models.TextChoices):
        OVERALL = "overall", _("Overall goal")
        OUTCOME = "outcome", _("Outcome goal")
        OUTPUT = "output", _("Output goal")

    class TargetKind(models.TextChoices):
        PARTICIPANTS_PER_YEAR = "participants_per_year", _("Participants per year")
        PARTICIPANTS_TOTAL = "participants_total", _("Participants in total")
        SHARE_WITH_ACTION_PLAN = "share_with_action_plan", _("Share with an action plan (%)")
        ACTION_PLAN_WITHIN_WEEKS = "action_plan_within_weeks", _("Action plan within (weeks)")
        DISCHARGED_TO_WORK_OR_STUDIES = (
            "discharged_to_work_or_studies", _("Discharged to work or studies")
        )
        FOLLOWED_UP = "followed_up", _("Followed up after discharge")
        PROGRESS_IMPROVED = "progress_improved", _("Share with measured progress (%)")
        MEETINGS_PER_YEAR = "meetings_per_year", _("Meetings per year")
        OTHER = "other", _("Other measurable target")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="goals", verbose_name=_("application")
    )
    part = models.ForeignKey(
        ApplicationPart, null=True, blank=True, on_delete=models.CASCADE, related_name="goals",
        verbose_name=_("sub-part"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind of goal"), max_length=10, choices=Kind.choices)
    text = models.TextField(_("goal"))
    target_kind = models.CharField(
        _("measurable target"), max_length=40, choices=TargetKind.choices, blank=True
    )
    target_value = models.DecimalField(
        _("target value"), max_digits=10, decimal_places=1, null=True, blank=True
    )
    target_unit = models.CharField(
        _("unit or period"), max_length=100, blank=True,
        help_text=_("E.g. “per year”, “within 6 months”, “6 months after discharge”."),
    )

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["application", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(target_value__isnull=True) | Q(target_value__gte=0),
                name="goal_target_not_negative",
            ),
        ]

    def __str__(self):
        return self.text[:80]


class StaffingLine(models.Model):
    class Funding(models.TextChoices):
        ASSOCIATION = "association", _("Funded by the förbund")
        CO_FINANCED = "co_financed", _("Co-financed by the owner")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="staffing",
        verbose_name=_("application"),
    )
    part = models.ForeignKey(
        ApplicationPart, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="staffing", verbose_name=_("sub-part"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    percent = models.DecimalField(_("Share of full time"), max_digits=5, decimal_places=1)
    employer = models.ForeignKey(
        "organisations.Member", on_delete=models.PROTECT, related_name="staffing_lines",
        verbose_name=_("employer"),
    )
    funding = models.CharField(
        _("funding"), max_length=20, choices=Funding.choices, default=Funding.ASSOCIATION
    )
    description = models.TextField(_("tasks"), blank=True)

    class Meta:
        verbose_name = _("staffing line")
        verbose_name_plural = _("staffing")
        ordering = ["application", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__gte=0), name="staffing_percent_positive"),
        ]

    def __str__(self):
        return f"{self.title} {self.percent} %"


class Signature(models.Model):
    class Role(models.TextChoices):
        OWNER = "owner", _("Owner")
        PARTNER = "partner", _("Partner")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="signatures",
        verbose_name=_("application"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    role = models.CharField(_("signs as"), max_length=10, choices=Role.choices)
    member = models.ForeignKey(
        "organisations.Member", null=True, blank=True, on_delete=models.PROTECT,
        related_name="signatures", verbose_name=_("member"),
    )
    organisation = models.CharField(_("organisation"), max_length=300)
    signed_on = models.DateField(_("date"), null=True, blank=True)
    name = models.CharField(_("signed (name)"), max_length=200, blank=True)
    name_clarification = models.CharField(_("name in print"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["application", "order", "pk"]

    def __str__(self):
        return f"{self.organisation} {self.signed_on or ''}".strip()
