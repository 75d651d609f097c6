"""A document the office has uploaded to be read, reviewed and confirmed."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ImportedDocument(models.Model):
    """One uploaded file, what the reader found in it, and what it became.

    The file's bytes are kept in the database, so an upload and its record are saved (or
    rolled back) together. The SHA-256 of the bytes finds a document imported before.
    """

    class Kind(models.TextChoices):
        APPLICATION = "application", _("Application")
        DECISION = "decision", _("Decision or decision proposal")
        MINUTES = "minutes", _("Minutes with several paragraphs")
        UNKNOWN = "unknown", _("Not recognised")

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Waiting for review")
        CONFIRMED = "confirmed", _("Confirmed")
        DISCARDED = "discarded", _("Discarded")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"))
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(_("SHA-256 of the content"), max_length=64, db_index=True)
    kind = models.CharField(_("kind of document"), max_length=20, choices=Kind.choices)
    result = models.JSONField(
        _("what the reader found"), default=dict,
        help_text=_("Fields, the text each was read from, missing fields, warnings and extra."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("confirmed or discarded by"),
    )
    handled_at = models.DateTimeField(_("confirmed or discarded"), null=True, blank=True)
    application = models.ForeignKey(
        "applications.Application", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="imported_documents", verbose_name=_("application"),
    )
    decision = models.ForeignKey(
        "cases.Decision", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="imported_documents", verbose_name=_("decision"),
    )
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="imported_documents", verbose_name=_("case"),
    )
    text_digest = models.CharField(
        _("digest of the normalised text"), max_length=64, blank=True, db_index=True,
        help_text=_("The same text in another file (a re-scan, another export) has the same."))
    same_as = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("earlier import of the same document"),
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="paragraphs",
        verbose_name=_("minutes it was read from"),
    )

    class Meta:
        verbose_name = _("imported document")
        verbose_name_plural = _("imported documents")
        ordering = ["-uploaded_at"]
        constraints = [
            # The same bytes can be waiting or confirmed only once; a discarded copy may
            # be uploaded again.
            models.UniqueConstraint(
                fields=["sha256"], condition=~Q(status="discarded"),
                name="one_live_import_per_document",
            ),
        ]

    def __str__(self):
        return self.filename

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.UPLOADED

    @property
    def fields(self) -> dict:
        return self.result.get("fields", {})


class ImportTerm(models.Model):
    """A wording the förbund's documents use for a heading or a word the reader looks for,
    added to the defaults (imports/parsing/terms.py)."""

    key = models.CharField(_("what it names"), max_length=40)
    wording = models.CharField(_("wording"), max_length=200)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", verbose_name=_("added by"),
    )
    added_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("import term")
        verbose_name_plural = _("import terms")
        ordering = ["key", "wording"]
        constraints = [
            models.UniqueConstraint(fields=["key", "wording"], name="one_import_term_per_key"),
        ]

    def __str__(self):
        return f"{self.key}: {self.wording}"
