"""Progressionsmätning: instruments are data (items, scale, who answers, version)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from insatsportal.participants.identity import reject_identity_number


class Instrument(models.Model):
    """A rating instrument such as a BIP-like set of employability indicators.

    An instrument that ratings use is not edited in place: the office copies it as
    a new version (an admin action), so that old ratings keep their meaning.
    """

    name = models.CharField(_("name"), max_length=200)
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    description = models.TextField(_("description"), blank=True)
    scale_min = models.SmallIntegerField(_("lowest value on the scale"), default=1)
    scale_max = models.SmallIntegerField(_("highest value on the scale"), default=5)
    scale_labels = models.TextField(
        _("labels of the scale steps"), blank=True,
        help_text=_("One line per step, from the lowest value to the highest."),
    )
    is_active = models.BooleanField(_("in use for new ratings"), default=True)

    class Meta:
        verbose_name = _("rating instrument")
        verbose_name_plural = _("rating instruments")
        ordering = ["name", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="instrument_version_unique"),
            models.CheckConstraint(condition=Q(scale_max__gt=models.F("scale_min")),
                                   name="instrument_scale_ordered"),
        ]

    def __str__(self):
        return f"{self.name} (v{self.version})"

    def clean(self):
        labels = self.step_labels()
        if labels and self.scale_max is not None and self.scale_min is not None and len(
                labels) != self.scale_max - self.scale_min + 1:
            raise ValidationError({"scale_labels": _(
                "Give one label per step: %(count)d lines.") % {
                "count": self.scale_max - self.scale_min + 1}})

    def step_labels(self) -> list[str]:
        return [line.strip() for line in self.scale_labels.splitlines() if line.strip()]

    def steps(self) -> list[tuple[int, str]]:
        """(value, label) from the lowest step to the highest; the label may be empty."""
        labels = self.step_labels()
        values = range(self.scale_min, self.scale_max + 1)
        return [(v, labels[i] if i < len(labels) else "") for i, v in enumerate(values)]


class Item(models.Model):
    class AnsweredBy(models.TextChoices):
        PARTICIPANT = "participant", _("The participant")
        STAFF = "staff", _("The staff member")

    instrument = models.ForeignKey(Instrument, on_delete=models.CASCADE, related_name="items",
                                   verbose_name=_("instrument"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    short_label = models.CharField(_("short label"), max_length=40,
                                   help_text=_("Shown on the axes of the charts."))
    text = models.TextField(_("question or statement"))
    answered_by = models.CharField(_("answered by"), max_length=12, choices=AnsweredBy.choices,
                                   default=AnsweredBy.PARTICIPANT)

    class Meta:
        verbose_name = _("item")
        verbose_name_plural = _("items")
        ordering = ["instrument", "order", "pk"]

    def __str__(self):
        return self.short_label


class Rating(models.Model):
    """One occasion on which a participant's items were rated."""

    class Occasion(models.TextChoices):
        START = "start", _("At start")
        QUARTERLY = "quarterly", _("Every three months")
        EXIT = "exit", _("At exit")

    participant = models.ForeignKey("participants.Participant", on_delete=models.CASCADE,
                                    related_name="ratings", verbose_name=_("participant"))
    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="ratings",
                                   verbose_name=_("instrument"))
    occasion = models.CharField(_("occasion"), max_length=12, choices=Occasion.choices)
    rated_on = models.DateField(_("date of rating"))
    # Kept with the rating so that goals need not read every answer and every rating of a
    # person (services.rating): the mean of the answers; whether the mean is above that of
    # the person's first rating with the instrument (None for that first one); the date of
    # the person's next rating (None for the latest), so that "the latest rating on a day"
    # is a plain filter.
    mean = models.DecimalField(_("mean of the answers"), max_digits=8, decimal_places=4,
                               null=True, blank=True, editable=False)
    improved = models.BooleanField(_("improved since the first rating"), null=True,
                                   editable=False)
    next_rated_on = models.DateField(_("date of the next rating"), null=True, editable=False)
    comment = models.TextField(_("comment"), blank=True, validators=[reject_identity_number])
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, related_name="+", verbose_name=_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress rating")
        verbose_name_plural = _("progress ratings")
        ordering = ["participant", "rated_on", "pk"]
        # rating_on_day: the ratings of a period (the quarterly report's progress) read from
        # the index, not by scanning every rating.
        indexes = [models.Index(fields=["participant", "rated_on"], name="rating_participant_on"),
                   models.Index(fields=["rated_on", "participant"], name="rating_on_day")]

    def __str__(self):
        return f"{self.participant} {self.rated_on}"


class Answer(models.Model):
    rating = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="answers",
                               verbose_name=_("rating"))
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("item"))
    value = models.SmallIntegerField(_("value"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["rating", "item"], name="answer_once_per_item"),
        ]

    def __str__(self):
        return f"{self.item}: {self.value}"


class ItemChange(models.Model):
    """One person's change on one item from their first to their latest rating with an
    instrument (people rated at least twice with it), kept by services.rating so that an
    intervention's average change per item is one grouped read of few columns."""

    intervention_id = models.BigIntegerField(_("intervention"))
    participant = models.ForeignKey("participants.Participant", on_delete=models.CASCADE,
                                    related_name="+", verbose_name=_("participant"))
    first = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="+",
                              verbose_name=_("first rating"))
    latest = models.ForeignKey(Rating, on_delete=models.CASCADE, related_name="+",
                               verbose_name=_("latest rating"))
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("item"))
    change = models.SmallIntegerField(_("change"))

    class Meta:
        verbose_name = _("change per item")
        verbose_name_plural = _("changes per item")
        indexes = [models.Index(fields=["intervention_id", "item", "change"],
                                name="item_change_by_item")]

    def __str__(self):
        return f"{self.item}: {self.change:+d}"


class ItemChangeTotal(models.Model):
    """The sum and number of an intervention's ItemChange rows for one item, kept with them
    by services.rating, so that the overview's average change per item reads a row per item
    however many people were rated."""

    intervention_id = models.BigIntegerField(_("intervention"))
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("item"))
    total = models.IntegerField(_("sum of the changes"), default=0)
    people = models.IntegerField(_("people rated twice"), default=0)

    class Meta:
        verbose_name = _("change per item, summed")
        verbose_name_plural = _("changes per item, summed")
        constraints = [models.UniqueConstraint(fields=["intervention_id", "item"],
                                               name="item_change_total_unique")]

    def __str__(self):
        return f"{self.item}: {self.total:+d} / {self.people}"
