"""Reading real files: a .docx built with python-docx, PDFs with and without text."""

import io

import docx
import pytest
from pypdf import PdfWriter

from insatsportal.imports.parsing import ImportReadError, read_document

from .ocr_marks import needs_ocr

APPLICATION_PARAGRAPHS = [
    ("Insatsens namn", "Vägen vidare i Tierp"),
    ("Insatsägare (*)", "Organisation: Tierps kommun Socialförvaltningen\n"
                        "Kontaktperson: Anna Andersson\nE-post: anna.andersson@tierp.se"),
    ("Samverkansparter (*)", "Organisation: FK\nKontaktperson: Bo Berg\n"
                             "E-post: bo.berg@forsakringskassan.se"),
    ("Beskriv syftet med insatsen (*)", "Att stödja personer 18-64 år till arbete."),
    ("Beskriv målen med insatsen (*)", "Effektmål:\n• Minst 10 deltagare går till arbete "
                                       "eller studier per år"),
    ("Planerad insatstid", "Planerat startdatum: 1 januari 2024\n"
                           "Planerat slutdatum: 31/12-2025\n"
                           "Eventuellt slutdatum för intag av personer i insatsen: 2025-09-30"),
    ("Ange förväntat antal deltagare: 40 deltagare per år", ""),
]


def _docx_bytes(budget_rows=None) -> bytes:
    document = docx.Document()
    for heading, body in APPLICATION_PARAGRAPHS:
        document.add_heading(heading, level=2)
        for line in body.split("\n"):
            if line:
                document.add_paragraph(line)
    document.add_heading("Budget - detaljerad Vägen vidare", level=2)
    document.add_paragraph("Kostnader att rekvirera från Samordningsförbundet")
    rows = budget_rows or [
        ("Kostnader i kr", "Huvudinsatsägare", "", "", "", "ATT REKVIRERA"),
        ("", "Tierps kommun", "", "", "", ""),
        ("Lönekostnader inkl PO", "tjänst i %", "från", "till", "", ""),
        ("1. Coach", "100%", "2024-01-01", "2025-12-31", "1 100 000", "1 100 000"),
        ("Summa lönekostnader", "100%", "", "", "1 100 000", "1 100 000"),
        ("Utvärdering", "", "", "", "50 000", "50 000"),
        ("Summa övriga kostnader", "", "", "", "50 000", "50 000"),
        ("Totalt från Samordningsförbundet", "", "", "", "1 150 000", "1 200 000"),
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _resolver(text, email):
    names = {"tierps kommun": "Tierps kommun", "fk": "Försäkringskassan"}
    if email and email.endswith("@tierp.se"):
        return "Tierps kommun"
    return names.get((text or "").strip().lower())


def test_it_reads_a_docx_application_with_a_budget_table():
    result = read_document(_docx_bytes(), filename="ansokan.docx",
                           resolve_organisation=_resolver)
    fields = result.fields
    assert result.kind == "application"
    assert result.source == "ansokan.docx"
    assert fields["name"] == "Vägen vidare i Tierp"
    assert fields["owner"] == {"organisation": "Tierps kommun", "unit": "Socialförvaltningen",
                               "contact_name": "Anna Andersson",
                               "email": "anna.andersson@tierp.se"}
    assert fields["partners"][0]["organisation"] == "Försäkringskassan"
    assert fields["planned_start"].isoformat() == "2024-01-01"
    assert fields["planned_end"].isoformat() == "2025-12-31"
    assert fields["intake_end"].isoformat() == "2025-09-30"
    assert (fields["age_min"], fields["age_max"]) == (18, 64)
    assert fields["expected_participants"]["per_year"] == 40
    line = fields["budget"]["salary_lines"][0]
    assert (line["title"], line["fte_percent"], line["amount"]) == ("Coach", 100, 1_100_000)
    # The table's own total is wrong (1 200 000 against 1 150 000): it must say so.
    assert fields["budget"]["from_association_total"] == 1_200_000
    assert any("1 150 000" in w["message"] and "1 200 000" in w["message"]
               for w in result.warnings)
    assert any("Underskrift" in w["message"] or "underskrift" in w["message"]
               for w in result.warnings)


def _pdf_bytes(html: str) -> bytes:
    weasyprint = pytest.importorskip("weasyprint")
    return weasyprint.HTML(string=html).write_pdf()


def test_it_reads_a_pdf_with_a_text_layer():
    html = """<html><body>
    <p>Förslag till beslut</p>
    <p>Förbundsstyrelsen föreslås besluta</p>
    <p>att bevilja finansiellt stöd till insatsen Steg för steg Heby för perioden
    2024-01-01 till 2025-12-31, maximalt 2,4 miljoner kronor</p>
    <p>Ärendet</p><p>Heby kommun utgör insatsägare. Heby kommun och Region Uppsala ansöker
    om medel.</p>
    <p>Bedömning</p><p>Insatsen ligger i linje med inriktningen.</p>
    <p>Åsa Fichtel, Förbundschef</p></body></html>"""
    result = read_document(_pdf_bytes(html), filename="beslut.pdf")
    assert result.kind == "decision"
    assert result.fields["max_amount"] == 2_400_000
    assert result.fields["intervention_name"] == "Steg för steg Heby"
    assert result.fields["period_end"].isoformat() == "2025-12-31"
    assert result.fields["owner_organisation"] == "Heby kommun"
    assert result.fields["partners"] == ["Region Uppsala"]
    assert result.fields["is_extension"] is False


def _blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_it_says_what_to_install_when_a_scan_cannot_be_read(monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # a server without Tesseract and poppler
    with pytest.raises(ImportReadError, match="skannad PDF utan textlager.*tesseract-ocr-swe"):
        read_document(_blank_pdf(), filename="skannad.pdf")


@needs_ocr
def test_it_reports_a_scan_with_nothing_to_read():
    with pytest.raises(ImportReadError, match="ingen läsbar text"):
        read_document(_blank_pdf(), filename="skannad.pdf")


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"PK\x03\x04 not really a zip", "trasig.docx", "inte ett läsbart Word-dokument"),
    (b"%PDF-1.4 garbage", "trasig.pdf", "skadad"),
    (b"\xd0\xcf\x11\xe0 old word", "gammal.doc", "gamla Word-formatet"),
    (b"anything", "bild.png", "stöds inte"),
    (b"", "tom.txt", "ingen text"),
    (b"Hej, det h\xe4r \xe4r ett brev om lunch.", "brev.txt", "känns inte igen"),
])
def test_it_gives_a_one_line_swedish_error_for_unreadable_files(data, name, message):
    with pytest.raises(ImportReadError, match=message) as info:
        read_document(data, filename=name)
    assert "\n" not in str(info.value)


def test_it_reads_a_path_and_reports_a_missing_file(tmp_path):
    path = tmp_path / "saknas.docx"
    with pytest.raises(ImportReadError, match="kunde inte öppnas"):
        read_document(path)
    path.write_bytes(_docx_bytes())
    assert read_document(path).source == str(path)
