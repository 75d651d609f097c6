"""Zip containers (.docx, .xlsx): refused on their directory's declared sizes, then their
XML parts streamed, now bounded, for entity declarations, depth and cells.

Python's zipfile never inflates a member past its declared file_size (and fails its CRC if
that was a lie), so the declared sum is a true bound on what python-docx or openpyxl will
unpack."""

from __future__ import annotations

import io
import re
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .base import (
    BUDGET_SHEET,
    DOCX,
    MB,
    RATIO_FROM,
    XLSX,
    SheetLimits,
    ZipLimits,
    damaged,
    read_bounded,
)

# OOXML never declares a DTD; any declaration is an entity attack (billion laughs, external
# entities). Searched in every encoding an XML parser accepts without a declaration.
_DTD_MARKS = tuple(mark.encode(encoding) for mark in ("<!DOCTYPE", "<!ENTITY")
                   for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le",
                                    "utf-32-be"))
_OVERLAP = 1024  # longer than any mark or tag looked for
_CHUNK = MB
_OOXML_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)

def _zip_open(data: bytes, limits: ZipLimits, not_this: str):
    """The archive and its members, refused on the sizes its directory declares."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise ValidationError(not_this, code="not_zip") from exc
    members = archive.infolist()
    if any(m.compress_type not in _OOXML_METHODS for m in members):
        # zipfile inflates bzip2 and LZMA without a bound per read; Office writes neither.
        raise damaged()
    if len(members) > limits.max_parts:
        raise ValidationError(_("The file consists of more than %(count)s parts and is not "
                                "read.") % {"count": limits.max_parts}, code="too_many_parts")
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    too_big = (unpacked > limits.max_unpacked
               or any(m.file_size > limits.max_part for m in members))
    if too_big or (unpacked > RATIO_FROM and unpacked / packed > limits.max_ratio):
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
        raise damaged() from exc


def _refuse_dtd(chunk: bytes) -> None:
    if any(mark in chunk for mark in _DTD_MARKS):
        raise ValidationError(_(
            "The file declares XML entities, which Word and Excel never write; it is not "
            "read."), code="xml_entities")


def docx_check(upload, *, limits: ZipLimits = DOCX) -> None:
    """A Word document that python-docx may open without exhausting the server."""
    data = read_bounded(upload, limits.max_bytes)
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
                raise damaged() from exc
            self.stopped = True  # depth is checked up to where expat (and openpyxl) stop


def xlsx_check(upload, *, limits: ZipLimits = XLSX,
               sheet_limits: SheetLimits = BUDGET_SHEET) -> None:
    """A workbook that openpyxl may load in full: bounded zip, no DTD, and rows, columns,
    cells and merged ranges within the limits (a lone cell at row 1 048 576 would make
    the reader walk a million rows)."""
    data = read_bounded(upload, limits.max_bytes)
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
