"""What every check shares: the limits, reading an upload within its size, the refusal of
a damaged file."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MB = 1024 * 1024


@dataclass(frozen=True)
class ZipLimits:
    max_bytes: int  # the upload as sent
    max_parts: int  # members of the zip
    max_unpacked: int  # sum of the members' declared sizes
    max_part: int  # the largest single member unpacked
    max_ratio: int  # unpacked / packed, checked once the unpacked size is worth checking


@dataclass(frozen=True)
class SheetLimits:
    max_sheets: int
    max_rows: int
    max_columns: int
    max_cells: int


@dataclass(frozen=True)
class PdfLimits:
    max_pages: int
    max_side_points: int  # a page side; 3370 pt is A0, which OCR renders at 200 dpi


MAX_DOCUMENT_BYTES = 10 * MB  # a document to import, as sent
# A Word application of 40 pages unpacks to about 1 MB; the limits leave room for photos.
DOCX = ZipLimits(max_bytes=MAX_DOCUMENT_BYTES, max_parts=1000, max_unpacked=60 * MB,
                 max_part=20 * MB, max_ratio=100)
# The budget template unpacks to about 60 kB.
XLSX = ZipLimits(max_bytes=5 * MB, max_parts=300, max_unpacked=20 * MB, max_part=10 * MB,
                 max_ratio=100)
BUDGET_SHEET = SheetLimits(max_sheets=30, max_rows=5000, max_columns=100, max_cells=100_000)
IMPORT_PDF = PdfLimits(max_pages=100, max_side_points=3370)
SCAN_PDF = PdfLimits(max_pages=20, max_side_points=3370)  # bytes: CONSENT_SCAN_MAX_BYTES
MAX_TEXT_BYTES = 2 * MB
MAX_IMAGE_PIXELS = 60_000_000  # a 600 dpi A4 scan is 35 million
RATIO_FROM = MB  # small files may compress as well as they like



def _size(upload) -> int:
    if isinstance(upload, bytes | bytearray):
        return len(upload)
    size = getattr(upload, "size", None)
    if size is not None:
        return size
    position = upload.tell()
    upload.seek(0, io.SEEK_END)
    size = upload.tell()
    upload.seek(position)
    return size


def read_bounded(upload, max_bytes: int) -> bytes:
    """The upload's bytes, refused on size before one is read; the file is rewound so the
    caller reads it from the start."""
    size = _size(upload)
    if size > max_bytes:
        raise ValidationError(_("The file is larger than %(mb)s MB.") % {
            "mb": max_bytes // MB}, code="too_large")
    if isinstance(upload, bytes | bytearray):
        return bytes(upload)
    upload.seek(0)
    data = upload.read(max_bytes + 1)
    upload.seek(0)
    if len(data) > max_bytes:  # the size was not what the object said
        raise ValidationError(_("The file is larger than %(mb)s MB.") % {
            "mb": max_bytes // MB}, code="too_large")
    return data


def suffix_of(upload, name: str | None) -> str:
    return PurePath(name or getattr(upload, "name", "") or "").suffix.lower()


def damaged():
    return ValidationError(_("The file is damaged and cannot be read."), code="damaged")
