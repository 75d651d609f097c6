"""A file that would exhaust the server is refused before it is read, and nothing is kept."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from insatsportal.core.models import AuditEntry
from insatsportal.core.tests import bombs
from insatsportal.imports import services
from insatsportal.imports.models import ImportedDocument

BOMB = "Filen packas upp till långt mer än den väger (en så kallad zipbomb) och läses inte."


@pytest.fixture
def kansli(login):
    return login("kansli")


def _counts():
    return ImportedDocument.objects.count(), AuditEntry.objects.count()


@pytest.mark.parametrize("name, content, message", [
    ("ansokan.docx", bombs.docx_bomb(100), BOMB),
    ("ansokan.docx", bombs.replaced("docx", "word/document.xml",
                                    bombs.LAUGHS + b"<a>&lol2;</a>"), "XML-entiteter"),
    ("skannad.pdf", bombs.pdf(101), "PDF-filen har fler än 100 sidor"),
    ("affisch.pdf", bombs.pdf(1, size=(14400, 14400)), "större än A0-papper"),
    ("packad.pdf", bombs.pdf_bomb(60), "PDF-filen packas upp till långt mer än den väger"),
    ("lang.txt", b"Ans\xc3\xb6kan " * 300_000, "En textfil får vara högst 2 MB."),
])
def test_a_hostile_upload_is_refused_with_its_name_and_nothing_is_kept(
        kansli, name, content, message):
    before = _counts()
    response = kansli.post(reverse("imports:list"),
                           {"files": [SimpleUploadedFile(name, content)]})
    page = response.content.decode()
    assert response.status_code == 400
    assert f"”{name}”: " in page and message in page
    assert _counts() == before


def test_a_bomb_among_good_files_refuses_the_upload_and_keeps_none(kansli, tmp_path):
    before = _counts()
    good = SimpleUploadedFile("ny.txt", "Ansökan om medel\nInsatsens namn: Ny väg".encode())
    response = kansli.post(reverse("imports:list"), {"files": [
        good, SimpleUploadedFile("bomb.docx", bombs.docx_bomb(100))]})
    assert response.status_code == 400
    assert BOMB in response.content.decode()
    assert _counts() == before
    assert kansli.get(reverse("imports:list")).status_code == 200


def test_the_service_refuses_a_bomb_however_it_is_called(demo):
    """The import command and a background task read through the same guard."""
    before = _counts()
    with pytest.raises(services.DocumentImportError, match="zipbomb"):
        services.document_upload(actor=None, content=bombs.docx_bomb(100),
                                 filename="bomb.docx")
    assert _counts() == before


def test_a_plain_word_document_passes_the_guard(demo):
    document = services.document_upload(actor=None, content=bombs.replaced(
        "docx", "word/document.xml", (
            b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
            b'2006/main"><w:body><w:p><w:r><w:t>Hej</w:t></w:r></w:p></w:body></w:document>')),
        filename="hej.docx")
    assert document.kind == ImportedDocument.Kind.UNKNOWN
