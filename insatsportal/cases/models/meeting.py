from django.db import models
from django.utils.translation import gettext_lazy as _

from insatsportal.cases import appeal


class Body(models.TextChoices):
    WORKING_COMMITTEE = "working_committee", _("Working committee")
    BOARD = "board", _("Board")


class Meeting(models.Model):
    """A working committee or board meeting with its agenda and minutes (protokoll).

    Once justerat the minutes are fixed: nothing of the meeting or its paragraphs changes,
    and a correction is a new paragraph at a later meeting.
    """

    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    chair = models.CharField(_("chair"), max_length=200, blank=True)
    secretary = models.CharField(_("secretary"), max_length=200, blank=True)
    adjuster = models.CharField(
        _("adjuster (justerare)"), max_length=200, blank=True,
        help_text=_("The member chosen to approve the minutes with the chair."),
    )
    present = models.TextField(_("members present"), blank=True,
                               help_text=_("One name per line."))
    minutes_approved_on = models.DateField(
        _("minutes approved (justerat)"), null=True, blank=True,
        help_text=_("The minutes are fixed once they are approved."),
    )
    posted_on = models.DateField(
        _("posted on the notice board"), null=True, blank=True,
        help_text=_("The day the notice that the minutes are approved was posted; the appeal "
                    "period runs from it."),
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "body"]
        constraints = [
            models.UniqueConstraint(fields=["body", "date"], name="one_meeting_per_body_and_day"),
            models.CheckConstraint(
                condition=models.Q(posted_on__isnull=True)
                | models.Q(minutes_approved_on__isnull=False,
                           posted_on__gte=models.F("minutes_approved_on")),
                name="meeting_posted_after_approval",
            ),
        ]

    def __str__(self):
        return f"{self.get_body_display()} {self.date:%Y-%m-%d}"

    @property
    def is_approved(self) -> bool:
        return self.minutes_approved_on is not None

    @property
    def decides(self) -> bool:
        """Only the board decides; the working committee's paragraphs are proposals."""
        return self.body == Body.BOARD

    @property
    def present_names(self) -> list[str]:
        return [line.strip() for line in self.present.splitlines() if line.strip()]

    @property
    def appeal_ends_on(self):
        """The last day to appeal the board's decisions, once the minutes are posted."""
        if not self.decides or self.posted_on is None:
            return None
        return appeal.appeal_last_day(self.posted_on)


class AgendaItem(models.Model):
    """A case placed on a meeting, with its paragraph (§) in the minutes."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="items", verbose_name=_("meeting")
    )
    case = models.ForeignKey(
        "cases.Case", on_delete=models.PROTECT, related_name="agenda_items",
        verbose_name=_("case"),
    )
    paragraph = models.PositiveSmallIntegerField(_("paragraph (§)"))
    minutes = models.TextField(_("minutes"), blank=True)
    corrects = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="corrections",
        verbose_name=_("corrects"),
        help_text=_("The paragraph of approved minutes that this paragraph corrects."),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda")
        ordering = ["meeting", "paragraph"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "paragraph"], name="unique_paragraph"),
            models.UniqueConstraint(fields=["meeting", "case"], name="case_once_per_meeting"),
        ]

    def __str__(self):
        return f"§ {self.paragraph} {self.case.title}"

    @property
    def full_label(self) -> str:
        """Meeting and paragraph in full, e.g. "Förbundsstyrelsen 2026-12-10 § 3: 2021-15 …"."""
        return f"{self.meeting}, § {self.paragraph}: {self.case.number} {self.case.title}"
