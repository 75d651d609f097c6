"""PDFs: pages few and of paper size, streams inflated against a budget, images small
enough to render for OCR, and whether any script is reachable."""

from __future__ import annotations

import io
import zlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .base import IMPORT_PDF, MAX_DOCUMENT_BYTES, MB, PdfLimits, damaged, read_bounded

_PDF_HEADER = b"%PDF-"


def is_pdf(data: bytes) -> bool:
    return _PDF_HEADER in data[:1024]  # the header may follow up to 1 kB of junk


def pdf_reader(data: bytes):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise damaged() from exc
    if encrypted:
        raise ValidationError(_("The PDF is password protected; save it without a password."),
                              code="encrypted")
    return reader


def _page_side(page) -> float:
    box = page.mediabox
    unit = float(page.get("/UserUnit", 1) or 1)
    return max(abs(float(box.width)), abs(float(box.height))) * unit


def pdf_check(upload, *, limits: PdfLimits = IMPORT_PDF, reader=None) -> bool:
    """A PDF whose pages are few and of paper size, whose streams unpack to a bounded size
    and whose images can be rendered; returns whether it holds JavaScript."""
    if reader is None:
        data = read_bounded(upload, MAX_DOCUMENT_BYTES)
        if not is_pdf(data):
            raise ValidationError(_("The file is not a PDF."), code="not_pdf")
        reader = pdf_reader(data)
    try:
        pages = len(reader.pages)
        if pages > limits.max_pages:
            raise ValidationError(_("The PDF has more than %(count)s pages; split it before "
                                    "uploading.") % {"count": limits.max_pages},
                                  code="too_many_pages")
        too_large = any(_page_side(page) > limits.max_side_points for page in reader.pages)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise damaged() from exc
    if not pages:
        raise damaged()
    if too_large:
        raise ValidationError(_("A page of the PDF is larger than A0 paper."),
                              code="page_too_large")
    try:
        return _pdf_content_check(reader)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise damaged() from exc


_ACTIVE = {"/JavaScript", "/Launch"}
_MAX_OBJECTS = 200_000
MAX_PDF_STREAMS = 50 * MB  # text, drawing and fonts unpacked; images are not counted
MAX_PDF_IMAGE_PIXELS = 100_000_000  # each image; a 600 dpi A3 scan is 70 million


def _pdf_objects(reader):
    """Every dictionary reachable from the trailer, once each. Object streams are resolved
    by pypdf, and names arrive with their #xx escapes decoded."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > _MAX_OBJECTS:
                raise ValidationError(_("The PDF is built of more than %(count)s objects and "
                                        "is not read.") % {"count": _MAX_OBJECTS},
                                      code="too_many_objects")
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            yield item
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def _unpacked_size(stream, budget: int) -> int:
    """A stream's size unpacked, inflating at most budget + 1 bytes of it."""
    filters = stream.get("/Filter")
    first = filters[0] if isinstance(filters, list) and filters else filters
    raw = stream._data  # noqa: SLF001 - pypdf keeps the encoded bytes there
    if first == "/FlateDecode":
        try:
            return len(zlib.decompressobj().decompress(raw, budget + 1))
        except zlib.error:
            return len(raw)
    return len(raw)


def _pdf_content_check(reader) -> bool:
    """Refuse a PDF whose streams unpack past the budget (a PDF zip bomb) or that holds an
    image too large to render for OCR; returns whether it holds JavaScript or a launch
    action (an OpenAction, a page's or a field's action, the named scripts)."""
    from pypdf.generic import StreamObject

    left, script = MAX_PDF_STREAMS, False
    for item in _pdf_objects(reader):
        script = script or "/JS" in item or item.get("/S") in _ACTIVE or "/JavaScript" in item
        if not isinstance(item, StreamObject):
            continue
        if item.get("/Subtype") == "/Image":
            pixels = int(item.get("/Width", 0) or 0) * int(item.get("/Height", 0) or 0)
            if pixels > MAX_PDF_IMAGE_PIXELS:
                raise ValidationError(_(
                    "The PDF holds an image larger than %(count)s megapixels.") % {
                    "count": MAX_PDF_IMAGE_PIXELS // 1_000_000}, code="image_too_large")
            continue
        left -= _unpacked_size(item, left)
        if left < 0:
            raise ValidationError(_(
                "The PDF unpacks to far more than it weighs and is not read."),
                code="pdf_bomb")
    return script
