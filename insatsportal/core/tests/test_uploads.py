"""The upload guard on its own: files in, Swedish refusals out, nothing parsed first."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from insatsportal.core import uploads
from insatsportal.core.tests import bombs

SCAN_MAX = 5 * 1024 * 1024


def _refusal(check, content, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        check(content, **kwargs)
    return " ".join(caught.value.messages)


def test_a_zip_bomb_is_refused_as_docx_and_as_xlsx():
    assert "zipbomb" in _refusal(uploads.docx_check, bombs.docx_bomb(100))
    assert "zipbomb" in _refusal(uploads.xlsx_check, bombs.xlsx_bomb(100))
    assert "zipbomb" in _refusal(uploads.document_check, bombs.docx_bomb(100))


def test_a_small_file_packed_a_hundredfold_is_a_bomb_too():
    packed = bombs.replaced("docx", "word/media/x.xml", b"<a/>" * 1_000_000)
    assert "zipbomb" in _refusal(uploads.docx_check, packed)


def test_real_office_files_pass_and_are_left_readable_from_the_start():
    upload = SimpleUploadedFile("a.docx", bombs.replaced("docx", "word/x.xml", b"<a/>"))
    uploads.docx_check(upload)
    assert upload.read(4) == b"PK\x03\x04"
    uploads.xlsx_check(bombs.sheet(b'<sheetData><row r="80"><c r="K80" t="s"><v>0</v></c>'
                                   b'</row></sheetData><mergeCells><mergeCell ref="A1:J2"/>'
                                   b"</mergeCells>"))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "utf-32"])
def test_entity_declarations_are_refused_in_any_encoding(encoding):
    xml = f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE a [<!ENTITY b "c">]><a/>'
    content = bombs.replaced("docx", "word/document.xml", xml.encode(encoding))
    assert "XML-entiteter" in _refusal(uploads.docx_check, content)


def test_too_many_parts_and_other_compression_methods_are_refused():
    parts = {f"word/p{i}.xml": b"<a/>" for i in range(1001)}
    assert "fler än 1000 delar" in _refusal(
        uploads.docx_check, bombs.replaced("docx", "word/x.xml", b"<a/>", extra=parts))
    bzip2 = bombs.replaced("docx", "word/document.xml", b"<a/>", method=zipfile.ZIP_BZIP2)
    assert "skadad" in _refusal(uploads.docx_check, bzip2)


@pytest.mark.parametrize("body", [
    b'<sheetData><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>',
    b"<sheetData><row><x:c r='XFD1' xmlns:x='y'/></row></sheetData>",
    b'<sheetData/><mergeCells><mergeCell ref = "A1:A1048576"/></mergeCells>',
    b"<sheetData><row>" + b"<c/>" * 100_001 + b"</row></sheetData>",
])
def test_a_sheet_with_too_many_rows_columns_or_cells_is_refused(body):
    assert "Arbetsboken har fler än" in _refusal(uploads.xlsx_check, bombs.sheet(body))


def test_a_workbook_with_notes_styles_and_several_sheets_passes():
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["A1"].font = "Lön", Font(bold=True)
    sheet["E80"] = 1200000
    sheet["A2"].comment = Comment("Heltid hela perioden", "Insatsägare")
    sheet.merge_cells("A3:J3")
    workbook.create_sheet("Anteckningar")["B2"] = "=SUM(Budget!E1:E80)"
    buffer = io.BytesIO()
    workbook.save(buffer)
    uploads.xlsx_check(buffer.getvalue())


def test_xml_nested_deeper_than_excel_writes_is_refused():
    deep = b"<sheetData><row><c><is>" + b"<t>" * 1000 + b"</t>" * 1000 + b"</is></c></row>"
    assert "djupare än Excel" in _refusal(uploads.xlsx_check, bombs.sheet(deep + b"</sheetData>"))
    broken = bombs.sheet(b"<sheetData><row></sheetData>")
    assert "skadad" in _refusal(uploads.xlsx_check, broken)


def test_a_sheet_under_another_name_is_checked_and_pictures_are_not_parsed():
    sparse = b'<worksheet><sheetData><row r="1048576"/></sheetData></worksheet>'
    hidden = bombs.replaced("xlsx", "xl/worksheets/sheet1.xml", b"<worksheet/>",
                            extra={"xl/worksheets/blad.dat": sparse})
    assert "Arbetsboken har fler än" in _refusal(uploads.xlsx_check, hidden)
    svg = b'<?xml version="1.0"?><!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x"><svg/>'
    uploads.docx_check(bombs.replaced("docx", "word/media/image1.svg", svg))


def test_what_is_not_a_zip_is_named_for_what_was_expected():
    assert _refusal(uploads.xlsx_check, b"hej") == "Filen är inte en Excelfil (.xlsx)."
    assert _refusal(uploads.docx_check, b"hej") == "Filen är inte ett Word-dokument (.docx)."


def test_the_size_is_refused_before_anything_is_read():
    class Huge(io.BytesIO):
        size = 50 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("read although too large")

    assert "större än 5 MB" in _refusal(uploads.xlsx_check, Huge(b"PK"))


def test_pdf_pages_and_page_size_are_limited():
    uploads.pdf_check(bombs.pdf(3))
    assert "fler än 100 sidor" in _refusal(uploads.pdf_check, bombs.pdf(101))
    assert "A0" in _refusal(uploads.pdf_check, bombs.pdf(1, size=(5000, 400)))
    assert "skadad" in _refusal(uploads.pdf_check, b"%PDF-1.7\ntrasig")


def test_a_pdf_whose_streams_unpack_past_the_budget_is_refused():
    bomb = bombs.pdf_bomb(60)
    assert len(bomb) < 200_000
    assert "packas upp till långt mer" in _refusal(uploads.pdf_check, bomb)
    uploads.pdf_check(bombs.pdf_bomb(5))


def test_a_pdf_image_too_large_to_render_is_refused():
    uploads.pdf_check(bombs.pdf_image(5000, 7000))
    assert "större än 100 megapixlar" in _refusal(uploads.pdf_check,
                                                  bombs.pdf_image(100_000, 100_000))


def test_a_password_protected_pdf_is_refused():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bombs.pdf(1))))
    writer.encrypt("hemligt")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "lösenordsskyddad" in _refusal(uploads.pdf_check, buffer.getvalue())


@pytest.mark.parametrize("name, content, kind", [
    ("samtycke.pdf", bombs.pdf(2), "application/pdf"),
    ("samtycke.PDF", bombs.pdf(1), "application/pdf"),
    ("samtycke.jpg", bombs.image("JPEG"), "image/jpeg"),
    ("samtycke.png", bombs.image("PNG"), "image/png"),
    ("", bombs.image("PNG"), "image/png"),
])
def test_a_scan_is_what_its_bytes_say(name, content, kind):
    assert uploads.scan_check(content, max_bytes=SCAN_MAX, name=name) == kind


@pytest.mark.parametrize("name, content, message", [
    ("samtycke.pdf", b"<html><script>alert(1)</script>", "måste vara en PDF-, JPEG- eller PNG"),
    ("samtycke.pdf", bombs.image("JPEG"), "stämmer inte med dess namn (.pdf)"),
    ("samtycke.png", bombs.pdf(1), "stämmer inte med dess namn (.png)"),
    ("samtycke.pdf", bombs.pdf(1, script="app.alert(1)"), "JavaScript"),
    ("samtycke.pdf", bombs.pdf(21), "fler än 20 sidor"),
    ("samtycke.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "skadad"),
    ("samtycke.png", bombs.image("PNG", size=(10_000, 7_000)), "större än 60 megapixlar"),
])
def test_a_scan_that_is_not_what_it_claims_is_refused(name, content, message):
    assert message in _refusal(uploads.scan_check, content, max_bytes=SCAN_MAX, name=name)


def test_a_script_hidden_in_a_page_action_is_found():
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, TextStringObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(bombs.pdf(2))))
    writer.pages[1][NameObject("/AA")] = DictionaryObject({NameObject("/O"): DictionaryObject({
        NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("x")})})
    buffer = io.BytesIO()
    writer.write(buffer)
    assert "JavaScript" in _refusal(uploads.scan_check, buffer.getvalue(), max_bytes=SCAN_MAX)


def test_a_long_text_file_is_refused_for_import():
    assert uploads.document_check(b"Ansokan\n" * 1000) == ".txt"
    assert "högst 2 MB" in _refusal(uploads.document_check, b"x" * (2 * 1024 * 1024 + 1))


def test_every_upload_field_in_the_code_passes_the_guard():
    """A new file field must call core/uploads/: the sweep finds every form that takes a
    file (forms.FileField or a subclass) and the guard call in the same module."""
    import re
    from pathlib import Path

    root = Path(uploads.__file__).resolve().parents[2]
    modules = [path for path in root.rglob("*.py")
               if "tests" not in path.parts and "migrations" not in path.parts
               and re.search(r"forms\.(File|Image)Field\b", path.read_text("utf-8"))]
    assert {p.relative_to(root).as_posix() for p in modules} == {
        "applications/forms.py", "imports/forms.py", "participants/forms.py"}
    for path in modules:
        assert re.search(r"uploads\.\w+_check\(", path.read_text("utf-8")), path
