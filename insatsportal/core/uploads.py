"""The guard every uploaded file passes before anything parses it.

Pure functions: a file (an UploadedFile, a file object or bytes) in, a Swedish
ValidationError out, the same in a request or in a background task. They refuse on what
is cheap to read first (a zip's directory, a PDF's page tree, an image's header), so a zip
bomb is refused in milliseconds; only then do they stream the XML parts, now bounded, for
entity declarations, depth and cells, and inflate a PDF's streams against a budget.

The zip reader is bounded by the sizes the directory declares: Python's zipfile never
inflates a member past its declared file_size (and fails its CRC if that was a lie), so
the declared sum is a true bound on what python-docx or openpyxl will unpack.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
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
_RATIO_FROM = MB  # small files may compress as well as they like


# --- Reading the upload -----------------------------------------------------------

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


def _bytes(upload, max_bytes: int) -> bytes:
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


def _suffix(upload, name: str | None) -> str:
    return PurePath(name or getattr(upload, "name", "") or "").suffix.lower()


# --- Zip containers: .docx and .xlsx ----------------------------------------------

# OOXML never declares a DTD; any declaration is an entity attack (billion laughs, external
# entities). Searched in every encoding an XML parser accepts without a declaration.
_DTD_MARKS = tuple(mark.encode(encoding) for mark in ("<!DOCTYPE", "<!ENTITY")
                   for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le",
                                    "utf-32-be"))
_OVERLAP = 1024  # longer than any mark or tag looked for
_CHUNK = MB
_OOXML_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)


def _damaged():
    return ValidationError(_("The file is damaged and cannot be read."), code="damaged")


def _zip_open(data: bytes, limits: ZipLimits, not_this: str):
    """The archive and its members, refused on the sizes its directory declares."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ValidationError(not_this, code="not_zip") from exc
    members = archive.infolist()
    if any(m.compress_type not in _OOXML_METHODS for m in members):
        # zipfile inflates bzip2 and LZMA without a bound per read; Office writes neither.
        raise _damaged()
    if len(members) > limits.max_parts:
        raise ValidationError(_("The file consists of more than %(count)s parts and is not "
                                "read.") % {"count": limits.max_parts}, code="too_many_parts")
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    too_big = (unpacked > limits.max_unpacked
               or any(m.file_size > limits.max_part for m in members))
    if too_big or (unpacked > _RATIO_FROM and unpacked / packed > limits.max_ratio):
        raise ValidationError(_(
            "The file unpacks to far more than it weighs (a so-called zip bomb) and is not "
            "read."), code="zip_bomb")
    return archive, members


# Pictures, fonts and embedded objects: kept as bytes by python-docx and openpyxl (an SVG
# may rightly carry a DOCTYPE). Every other member is searched, whatever its name, since
# a package may point at XML under any name.
_BINARY = (".png", ".jpg", ".jpeg", ".jpe", ".jfif", ".gif", ".bmp", ".tif", ".tiff", ".ico",
           ".webp", ".emf", ".wmf", ".emz", ".wmz", ".svg", ".wdp", ".hdp", ".bin", ".odttf",
           ".ttf", ".fntdata", ".wav", ".mp3", ".mp4")


def _xml_members(members):
    return [m for m in members if not m.is_dir() and not m.filename.lower().endswith(_BINARY)]


def _xml_chunks(archive: zipfile.ZipFile, member: zipfile.ZipInfo):
    """A member's bytes in chunks: (the chunk after the end of the one before, so a mark
    split between two chunks is still found; the chunk alone)."""
    tail = b""
    try:
        with archive.open(member) as handle:
            while chunk := handle.read(_CHUNK):
                yield tail + chunk, chunk
                tail = chunk[-_OVERLAP:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError,
            OSError, EOFError, RuntimeError) as exc:
        raise _damaged() from exc


def _refuse_dtd(chunk: bytes) -> None:
    if any(mark in chunk for mark in _DTD_MARKS):
        raise ValidationError(_(
            "The file declares XML entities, which Word and Excel never write; it is not "
            "read."), code="xml_entities")


def docx_check(upload, *, limits: ZipLimits = DOCX) -> None:
    """A Word document that python-docx may open without exhausting the server."""
    data = _bytes(upload, limits.max_bytes)
    archive, members = _zip_open(data, limits,
                                 _("The file is not a Word document (.docx)."))
    with archive:
        for member in _xml_members(members):
            for chunk, _new in _xml_chunks(archive, member):
                _refuse_dtd(chunk)


# A cell, a row or a merged range as the sheet XML writes them, with or without a prefix,
# in either quotes. Bounded repeats: a hostile chunk of "<c <c <c" without ">" must not
# make them quadratic.
_PREFIX = rb"<(?:[\w.-]{1,40}:)?"
_ATTRS = rb"\b[^>]{0,400}?\s"
_IS = rb"""\s*=\s*["']"""
_REF = rb"([A-Z]{1,3})(\d{1,7})"
_CELL = re.compile(_PREFIX + rb"c" + _ATTRS + rb"r" + _IS + _REF)
_CELL_TAG = re.compile(_PREFIX + rb"c[\s/>]")
_ROW = re.compile(_PREFIX + rb"row" + _ATTRS + rb"r" + _IS + rb"(\d{1,7})")
_MERGE = re.compile(_PREFIX + rb"mergeCell" + _ATTRS + rb"ref" + _IS + _REF
                    + rb"(?::" + _REF + rb")?")
_SHEET = re.compile(_PREFIX + rb"sheet\s")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


class _SheetCount:
    def __init__(self, limits: SheetLimits):
        self.limits = limits
        self.cells = self.sheets = 0

    def chunk(self, chunk: bytes, *, workbook: bool) -> None:
        """Refuse as soon as one limit is passed. Counted on overlapping chunks, so a tag
        may be counted twice: a little stricter, never laxer."""
        rows, columns = [], []
        for match in _CELL.finditer(chunk):
            columns.append(_column_number(match[1]))
            rows.append(int(match[2]))
        rows += [int(m[1]) for m in _ROW.finditer(chunk)]
        for match in _MERGE.finditer(chunk):
            columns += [_column_number(match[1]), _column_number(match[3] or match[1])]
            rows += [int(match[2]), int(match[4] or match[2])]
        self.cells += len(_CELL_TAG.findall(chunk))
        if workbook:
            self.sheets += len(_SHEET.findall(chunk))
        limits = self.limits
        if (max(rows, default=0) > limits.max_rows or max(columns, default=0) > limits.max_columns
                or self.cells > limits.max_cells):
            raise ValidationError(_(
                "The workbook has more than %(rows)s rows, %(columns)s columns or %(cells)s "
                "cells; the budget template has far fewer.") % {
                "rows": limits.max_rows, "columns": limits.max_columns,
                "cells": limits.max_cells}, code="too_many_cells")
        if self.sheets > limits.max_sheets:
            raise ValidationError(_("The workbook has more than %(count)s sheets.") % {
                "count": limits.max_sheets}, code="too_many_sheets")


class _DepthCheck:
    """Nesting depth by expat, fed the member's bytes as they are unpacked. python-docx's
    lxml parser stops at 256 levels by itself; openpyxl's parser has no such limit."""

    MAX_DEPTH = 64  # a sheet nests about 6 deep

    def __init__(self, *, tolerant: bool = False):
        from xml.parsers import expat

        self.depth, self.error, self.tolerant, self.stopped = 0, expat.ExpatError, tolerant, False
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start
        self.parser.EndElementHandler = self._end

    def _start(self, name, attributes):
        self.depth += 1
        if self.depth > self.MAX_DEPTH:
            raise ValidationError(_("The file nests its XML deeper than Excel ever does; it "
                                    "is not read."), code="xml_depth")

    def _end(self, name):
        self.depth -= 1

    def feed(self, chunk: bytes, *, final: bool = False) -> None:
        if self.stopped:
            return
        try:
            self.parser.Parse(chunk, final)
        except self.error as exc:
            if not self.tolerant:
                raise _damaged() from exc
            self.stopped = True  # depth is checked up to where expat (and openpyxl) stop


def xlsx_check(upload, *, limits: ZipLimits = XLSX,
               sheet_limits: SheetLimits = BUDGET_SHEET) -> None:
    """A workbook that openpyxl may load in full: bounded zip, no DTD, and rows, columns,
    cells and merged ranges within the limits (a lone cell at row 1 048 576 would make
    the reader walk a million rows)."""
    data = _bytes(upload, limits.max_bytes)
    archive, members = _zip_open(data, limits, _("The file is not an Excel file (.xlsx)."))
    count = _SheetCount(sheet_limits)
    with archive:
        for member in _xml_members(members):
            workbook = member.filename.lower().endswith("workbook.xml")
            # Excel's VML drawings (note boxes) are not well-formed XML.
            depth = _DepthCheck(tolerant=member.filename.lower().endswith(".vml"))
            for chunk, new in _xml_chunks(archive, member):
                _refuse_dtd(chunk)
                count.chunk(chunk, workbook=workbook)
                depth.feed(new)
            depth.feed(b"", final=True)


# --- PDF ---------------------------------------------------------------------------

_PDF_HEADER = b"%PDF-"


def _is_pdf(data: bytes) -> bool:
    return _PDF_HEADER in data[:1024]  # the header may follow up to 1 kB of junk


def _pdf_reader(data: bytes):
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        encrypted = reader.is_encrypted
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise _damaged() from exc
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
        data = _bytes(upload, MAX_DOCUMENT_BYTES)
        if not _is_pdf(data):
            raise ValidationError(_("The file is not a PDF."), code="not_pdf")
        reader = _pdf_reader(data)
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
        raise _damaged() from exc
    if not pages:
        raise _damaged()
    if too_large:
        raise ValidationError(_("A page of the PDF is larger than A0 paper."),
                              code="page_too_large")
    try:
        return _pdf_content_check(reader)
    except ValidationError:
        raise
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on a damaged file
        raise _damaged() from exc


_ACTIVE = {"/JavaScript", "/Launch"}
_MAX_OBJECTS = 200_000
_IMAGE_CODECS = {"/DCTDecode", "/JPXDecode", "/CCITTFaxDecode", "/JBIG2Decode"}
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


# --- Consent scans -----------------------------------------------------------------

SCAN_TYPES = {"application/pdf": ".pdf", "image/jpeg": ".jpg", "image/png": ".png"}
_SUFFIXES = {"application/pdf": {".pdf"}, "image/jpeg": {".jpg", ".jpeg", ".jpe"},
             "image/png": {".png"}}


def _sniff(data: bytes) -> str | None:
    if _is_pdf(data):
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
        raise _damaged() from exc
    if width * height > MAX_IMAGE_PIXELS:
        raise ValidationError(_("The image is larger than %(count)s megapixels; scan at a "
                                "lower resolution.") % {
            "count": MAX_IMAGE_PIXELS // 1_000_000}, code="image_too_large")


def scan_check(upload, *, max_bytes: int, name: str | None = None) -> str:
    """The content type a consent scan really is (PDF, JPEG or PNG), judged by its bytes and
    never by what the browser said; the name's extension must agree. A PDF with
    JavaScript or a launch action is refused: the scan is opened again by the office."""
    data = _bytes(upload, max_bytes)
    content_type = _sniff(data)
    if content_type is None:
        raise ValidationError(_("The scanned copy must be a PDF, JPEG or PNG file."),
                              code="not_scan")
    suffix = _suffix(upload, name)
    if suffix and suffix not in _SUFFIXES[content_type]:
        raise ValidationError(_("The file's content does not match its name (%(suffix)s).")
                              % {"suffix": suffix}, code="mismatch")
    if content_type == "application/pdf":
        if pdf_check(upload, limits=SCAN_PDF, reader=_pdf_reader(data)):
            raise ValidationError(_(
                "The PDF contains JavaScript or an action that starts a program, and is not "
                "accepted; scan the paper copy or print it to a new PDF."), code="pdf_script")
    else:
        _image_check(data, content_type)
    return content_type


# --- Documents for import ----------------------------------------------------------

def document_check(upload, *, name: str | None = None) -> str:
    """Limits for a document to import, by what it is rather than what it is called:
    ".pdf", ".docx" or ".txt" (text and HTML fragments)."""
    data = _bytes(upload, MAX_DOCUMENT_BYTES)
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
