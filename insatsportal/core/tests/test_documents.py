import io

import docx
import pypdf

from insatsportal.core.documents import Document, render_docx, render_pdf


def _proposal():
    document = Document(title="Ansökan En väg in – steget vidare", reference="Dnr 2022-07")
    document.heading("Förslag till beslut")
    document.heading("Arbetsutskottet föreslår förbundsstyrelsen besluta", level=3)
    document.paragraph("bevilja finansiellt stöd, maximalt 3 391 000 kronor", lead="att")
    document.heading("Budget")
    document.table(["Post", "Belopp"], [["Lönekostnader", "3 000 000"]], numeric={1})
    return document


def test_the_word_file_has_real_headings_and_bold_att():
    word = docx.Document(io.BytesIO(render_docx(_proposal())))
    styles = [(p.style.name, p.text) for p in word.paragraphs if p.text]
    assert styles[0] == ("Heading 1", "Ansökan En väg in – steget vidare")
    assert ("Heading 2", "Förslag till beslut") in styles
    att = next(p for p in word.paragraphs if p.text.startswith("att "))
    assert att.runs[0].bold is True
    assert word.tables[0].cell(1, 1).text == "3 000 000"
    assert word.sections[0].header.paragraphs[0].text == "Dnr 2022-07"


def test_the_pdf_reads_as_the_document():
    pdf = pypdf.PdfReader(io.BytesIO(render_pdf(_proposal())))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Förslag till beslut" in text
    assert "maximalt 3 391 000 kronor" in text
