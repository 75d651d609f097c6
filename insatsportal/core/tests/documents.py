"""What every generated document must be: tagged, titled, Swedish, with nothing cut off."""

import io
import re

import docx
import pypdf
from docx.oxml.ns import qn

SHOW_TEXT = (b"Tj", b"TJ", b"'", b'"')


def pdf_checked(content: bytes, *, title: str) -> str:
    """Assert a tagged PDF titled `title` in Swedish whose text stays on its pages; its text."""
    assert content.startswith(b"%PDF"), content[:40]
    pdf = pypdf.PdfReader(io.BytesIO(content))
    root = pdf.trailer["/Root"]
    assert "/StructTreeRoot" in root, "the PDF is not tagged"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "sv"
    assert pdf.metadata.title == title, pdf.metadata.title
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    for number, page in enumerate(pdf.pages, start=1):
        assert _text_beyond_the_right_edge(page) == [], f"text cut off on page {number}"
    return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def _text_beyond_the_right_edge(page) -> list:
    """Text drawn past the page's right edge: columns a reader never sees."""
    right = float(page.mediabox.right)
    beyond = []

    def visit(operator, operands, cm, tm):
        if operator in SHOW_TEXT:
            x = cm[0] * tm[4] + cm[2] * tm[5] + cm[4]
            if x > right:
                beyond.append(round(x))

    page.extract_text(visitor_operand_before=visit)
    return beyond


def docx_checked(content: bytes, *, title: str) -> docx.document.Document:
    """Assert a Word file titled `title`, marked Swedish, whose headings are heading styles."""
    word = docx.Document(io.BytesIO(content))
    assert word.core_properties.title == title, word.core_properties.title
    assert word.core_properties.language == "sv-SE"
    defaults = word.styles.element.find(qn("w:docDefaults"))
    language = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert language.get(qn("w:val")) == "sv-SE"
    languages = {element.get(qn("w:val")) for element in word.styles.element.iter(qn("w:lang"))}
    assert languages == {"sv-SE"}, languages
    headings = [p for p in word.paragraphs if re.fullmatch(r"Heading \d", p.style.name)]
    assert headings and headings[0].style.name == "Heading 1"
    return word


def docx_text(word) -> str:
    return " ".join([p.text for p in word.paragraphs]
                    + [cell.text for table in word.tables for row in table.rows
                       for cell in row.cells])
