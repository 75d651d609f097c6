from django.db import models
from django.utils.translation import gettext_lazy as _


class Body(models.TextChoices):
    WORKING_COMMITTEE = "working_committee", _("Working committee")
    BOARD = "board", _("Board")


class Meeting(models.Model):
    """A working committee or board meeting with its agenda and minutes."""

    body = models.CharField(_("body"), max_length=20, choices=Body.choices)
    date = models.DateField(_("date"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    minutes_approved_on = models.DateField(
        _("minutes approved (justerat)"), null=True, blank=True,
        help_text=_("Decisions are final when the minutes are approved."),
    )

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-date", "body"]
        constraints = [
            models.UniqueConstraint(fields=["body", "date"], name="one_meeting_per_body_and_day"),
        ]

    def __str__(self):
        return f"{self.get_body_display()} {self.date:%Y-%m-%d}"


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
