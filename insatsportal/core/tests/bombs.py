"""Hostile files built in memory: zip bombs as .docx and .xlsx, entity bombs, sparse and
merged sheets, and small real PDFs and images for the consent scan."""

import functools
import io
import zipfile

_PARAGRAPH = b"<w:p><w:r><w:t>Insatsportalen</w:t></w:r></w:p>"
_ROW = b'<row><c t="inlineStr"><is><t>Insatsportalen</t></is></c></row>'


def _blank(kind: str) -> bytes:
    if kind == "docx":
        import docx

        document = docx.Document()
        document.add_paragraph("Ansökan")
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


def replaced(kind: str, part: str, content: bytes | None = None, *, chunks=(),
             extra: dict | None = None, method=zipfile.ZIP_DEFLATED) -> bytes:
    """A real blank .docx or .xlsx with one part replaced (by bytes or by streamed chunks)
    and `extra` parts added."""
    source = zipfile.ZipFile(io.BytesIO(_blank(kind)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            if info.filename != part:
                out.writestr(info.filename, source.read(info))
        info = zipfile.ZipInfo(part)
        info.compress_type = method
        with out.open(info, "w", force_zip64=True) as handle:
            if content is not None:
                handle.write(content)
            for chunk in chunks:
                handle.write(chunk)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return buffer.getvalue()


@functools.cache
def docx_bomb(megabytes: int = 100) -> bytes:
    """A Word document whose body unpacks to `megabytes` MB of paragraphs."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
            b'2006/main"><w:body>')
    block = _PARAGRAPH * (1024 * 1024 // len(_PARAGRAPH))
    return replaced("docx", "word/document.xml",
                    chunks=[head, *([block] * megabytes), b"</w:body></w:document>"])


@functools.cache
def xlsx_bomb(megabytes: int = 100) -> bytes:
    """A workbook whose first sheet unpacks to `megabytes` MB of rows."""
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData>")
    block = _ROW * (1024 * 1024 // len(_ROW))
    return replaced("xlsx", "xl/worksheets/sheet1.xml",
                    chunks=[head, *([block] * megabytes), b"</sheetData></worksheet>"])


def sheet(body: bytes) -> bytes:
    """A workbook whose first sheet holds `body` inside <worksheet>."""
    return replaced("xlsx", "xl/worksheets/sheet1.xml", (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + body + b"</worksheet>"))


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
          b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')


def pdf(pages: int = 1, *, script: str | None = None, size=(595, 842)) -> bytes:
    """A real PDF of blank pages; `script` adds a JavaScript OpenAction."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(*size)
    if script:
        action = writer._add_object(DictionaryObject({  # noqa: SLF001 - a raw action object
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(script)}))
        writer.root_object[NameObject("/OpenAction")] = action
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_bomb(megabytes: int = 60) -> bytes:
    """A one-page PDF whose content stream inflates to `megabytes` MB of spaces."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    content = DecodedStreamObject()
    content.set_data(b" " * (megabytes * 1024 * 1024))
    page[NameObject("/Contents")] = writer._add_object(  # noqa: SLF001 - a raw stream
        content.flate_encode())
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_image(width: int, height: int) -> bytes:
    """A one-page PDF naming an image of width × height (its data left out)."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    image = StreamObject()
    image.update({NameObject("/Type"): NameObject("/XObject"),
                  NameObject("/Subtype"): NameObject("/Image"),
                  NameObject("/Width"): NumberObject(width),
                  NameObject("/Height"): NumberObject(height)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): DictionaryObject(
        {NameObject("/Im1"): writer._add_object(image)})})  # noqa: SLF001 - a raw stream
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image(fmt: str = "PNG", size=(200, 300)) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", size, 255).save(buffer, fmt)
    return buffer.getvalue()
