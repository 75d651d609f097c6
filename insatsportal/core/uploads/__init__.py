"""The guard every uploaded file passes before anything parses it.

Pure functions: a file (an UploadedFile, a file object or bytes) in, a Swedish
ValidationError out, the same in a request or in a background task. They refuse on what
is cheap to read first (a zip's directory, a PDF's page tree, an image's header), so a zip
bomb is refused in milliseconds; only then do they stream the XML parts, now bounded, for
entity declarations, depth and cells, and inflate a PDF's streams against a budget.

The checks by kind live beside this module: office.py (.docx, .xlsx), pdf.py; the limits
in base.py.
"""

from __future__ import annotations

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .base import (  # noqa: F401 - the limits are part of the guard's interface
    BUDGET_SHEET,
    DOCX,
    IMPORT_PDF,
    MAX_DOCUMENT_BYTES,
    MAX_IMAGE_PIXELS,
    MAX_TEXT_BYTES,
    MB,
    SCAN_PDF,
    XLSX,
    damaged,
    read_bounded,
    suffix_of,
)
from .office import docx_check, xlsx_check  # noqa: F401
from .pdf import is_pdf, pdf_check, pdf_reader  # noqa: F401

# --- Consent scans -----------------------------------------------------------------

SCAN_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_SUFFIXES = {"application/pdf": {".pdf"}, "image/jpeg": {".jpg", ".jpeg", ".jpe"},
             "image/png": {".png"}}


def _sniff(data: bytes) -> str | None:
    if is_pdf(data):
        return "application/pdf"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    return None


def _image_check(data: bytes, content_type: str) -> None:
    from PIL import Image, UnidentifiedImageError

    expected = {"image/jpeg": "JPEG", "image/png": "PNG"}[content_type]
    try:
        with Image.open(io.BytesIO(data), formats=[expected]) as image:
            width, height = image.size  # from the header; nothing is decoded
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError,
            Image.DecompressionBombError) as exc:
        raise damaged() from exc
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(_("The image is larger than %(count)s megapixels; scan at a "
                                "lower resolution.") % {
            "count": MAX_IMAGE_PIXELS // 1_000_000}, code="image_too_large")


def scan_check(upload, *, max_bytes: int, name: str | None = None) -> str:
    """The content type a consent scan really is (PDF, JPEG or PNG), judged by its bytes and
    never by what the browser said; the name's extension must agree. A PDF with
    JavaScript or a launch action is refused: the scan is opened again by the office."""
    data = read_bounded(upload, max_bytes)
    content_type = _sniff(data)
    if content_type is None:
        raise ValidationError(_("The scanned copy must be a PDF, JPEG or PNG file."),
                              code="not_scan")
    suffix = suffix_of(upload, name)
    if suffix and suffix not in _SUFFIXES[content_type]:
        raise ValidationError(_("The file's content does not match its name (%(suffix)s).")
                              % {"suffix": suffix}, code="mismatch")
    if content_type == "application/pdf":
        if pdf_check(upload, limits=SCAN_PDF, reader=pdf_reader(data)):
            raise ValidationError(_(
                "The PDF contains JavaScript or an action that starts a program, and is not "
                "accepted; scan the paper copy or print it to a new PDF."), code="pdf_script")
    else:
        _image_check(data, content_type)
    return content_type


# --- Documents for import ----------------------------------------------------------

def document_check(upload) -> str:
    """Limits for a document to import, by what it is rather than what it is called:
    ".pdf", ".docx" or ".txt" (text and HTML fragments)."""
    data = read_bounded(upload, MAX_DOCUMENT_BYTES)
    if data.startswith(b"%PDF"):  # as the reader (imports/parsing/formats.py) decides
        pdf_check(data, limits=IMPORT_PDF)
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        docx_check(data)
        return ".docx"
    if len(data) > MAX_TEXT_BYTES:
        raise ValidationError(_("A text file may be at most %(mb)s MB.") % {
            "mb": MAX_TEXT_BYTES // MB}, code="too_large")
    return ".txt"
