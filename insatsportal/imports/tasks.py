"""Reading uploaded documents in the background: one job per upload, one step per file.

Each file is read outside any transaction, then stored in one together with its outcome,
so a job that stops part-way keeps what it has read and the files it has not (try
again)."""

import logging

from django.db import DatabaseError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from insatsportal.imports import services
from insatsportal.imports.models import ImportedDocument
from insatsportal.imports.reading import ImportReadError, document_read
from insatsportal.jobs.services import job_item_handled, job_running, job_waiting_items

logger = logging.getLogger(__name__)


@task
def documents_read(job_id: str) -> int:
    """Read every waiting file of the job; returns how many became documents."""
    read = 0
    with job_running(job_id) as job:
        for item in job_waiting_items(job):
            content = bytes(item.content)
            try:
                result = _read_first(content, item.name)
                with transaction.atomic():
                    document = services.document_upload(
                        actor=job.started_by, content=content, filename=item.name,
                        result=result)
                    job_item_handled(item, message=_outcome(document), warning=document.kind
                                     == ImportedDocument.Kind.UNKNOWN,
                                     link=reverse("imports:review", args=[document.pk]))
            except services.DocumentImportError as error:
                link = ""
                if isinstance(error, services.DuplicateDocumentError):
                    link = reverse("imports:review", args=[error.earlier.pk])
                job_item_handled(item, failed=True, message=str(error), link=link)
                continue
            except DatabaseError:
                raise  # the job stops and keeps this file and the rest for another try
            except Exception as error:  # noqa: BLE001 - one odd file must not stop the rest
                logger.exception("import job %s: reading item %s failed", job.pk, item.pk)
                job_item_handled(item, failed=True, message=_(
                    "“%(file)s” could not be read because of an unexpected error "
                    "(%(error)s).") % {"file": item.name, "error": type(error).__name__})
                continue
            read += 1
    return read


def _read_first(content: bytes, filename: str):
    """Read the file outside any transaction: reading a scan takes seconds, and on SQLite
    an open transaction that long would keep everyone else from saving. None when there is
    nothing to read or it fails; document_upload then says why in its own words."""
    if services.document_duplicate_of(content) is not None:
        return None
    try:
        return document_read(content, filename)
    except ImportReadError:
        return None


def _outcome(document: ImportedDocument) -> str:
    if document.kind == ImportedDocument.Kind.UNKNOWN:
        return _("“%(file)s” was not recognised; see what was found and choose how to read "
                 "it.") % {"file": document.filename}
    return _("“%(file)s” was read as %(kind)s; review it.") % {
        "file": document.filename, "kind": document.get_kind_display().lower()}
