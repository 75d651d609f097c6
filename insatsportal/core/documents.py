"""Documents the system writes (decision proposals, reports) as .docx and PDF.

A document is a list of plain blocks; one renderer per format, so a proposal or a
report is built once and downloaded in either format. Every PDF is tagged PDF/UA-1 with
the document's title and Swedish as its language; every Word file is marked sv-SE.
"""

import io
from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str
    lead: str = ""  # a bold first word, e.g. "att" in an att-clause


# Tables wider than this get a landscape page of their own in the PDF.
WIDE_TABLE_COLUMNS = 6
PDF_VARIANT = "pdf/ua-1"  # tagged, with title and language (WeasyPrint sets the rest)
LANGUAGE = "sv-SE"


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # right-aligned columns

    @property
    def wide(self) -> bool:
        return len(self.header) > WIDE_TABLE_COLUMNS


@dataclass
class Document:
    title: str
    blocks: list = field(default_factory=list)
    reference: str = ""  # case number or similar, printed in the header
    kind: str = ""  # what the document is ("Förslag till beslut"), first in its title

    @property
    def full_title(self) -> str:
        """The title a reader's PDF viewer or Word shows: kind and heading."""
        return f"{self.kind}: {self.title}" if self.kind else self.title

    def heading(self, text: str, level: int = 2) -> "Document":
        self.blocks.append(Heading(text, level))
        return self

    def paragraph(self, text: str, lead: str = "") -> "Document":
        if text:
            self.blocks.append(Paragraph(text, lead))
        return self

    def table(self, header, rows, numeric=()) -> "Document":
        self.blocks.append(Table(list(header), [list(r) for r in rows], set(numeric)))
        return self


def render_docx(document: Document) -> bytes:
    from docx import Document as WordDocument
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    word = WordDocument()
    word.core_properties.title = document.full_title
    word.core_properties.language = LANGUAGE
    _mark_language(word)
    if document.reference:
        word.sections[0].header.paragraphs[0].text = document.reference
    word.add_heading(document.title, level=1)
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=min(max(block.level, 1), 4))
        elif isinstance(block, Paragraph):
            paragraph = word.add_paragraph()
            if block.lead:
                paragraph.add_run(f"{block.lead} ").bold = True
            paragraph.add_run(block.text)
        elif isinstance(block, Table):
            table = word.add_table(rows=1, cols=len(block.header), style="Table Grid")
            for cell, text in zip(table.rows[0].cells, block.header, strict=True):
                cell.text = text
                cell.paragraphs[0].runs[0].bold = True
            for row in block.rows:
                cells = table.add_row().cells
                for index, (cell, text) in enumerate(zip(cells, row, strict=True)):
                    cell.text = str(text)
                    if index in block.numeric:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def _mark_language(word) -> None:
    """Swedish for spelling and screen readers: the default run language of every style."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    defaults = word.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    language = properties.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        properties.append(language)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        language.set(qn(attribute), LANGUAGE)
    # Styles of the default template that name a language of their own.
    for element in word.styles.element.iter(qn("w:lang")):
        if element is not language:
            element.set(qn("w:val"), LANGUAGE)


def render_html(document: Document) -> str:
    return render_to_string("core/document.html", {"document": document})


def _rendered(html: str, stylesheet: str):
    from weasyprint import CSS, HTML

    return HTML(string=html).render(stylesheets=[CSS(filename=finders.find(stylesheet))])


def html_to_pdf(html: str, stylesheet: str) -> bytes:
    """A tagged PDF of a page, styled by a static stylesheet (pages carry no inline styles).

    The page's <title> and <html lang> become the PDF's title and language.
    """
    return _rendered(html, stylesheet).write_pdf(pdf_variant=PDF_VARIANT)


def pdf_combine(parts: list[tuple[str, str]]) -> bytes:
    """One tagged PDF of several (html, stylesheet) parts; the first gives title and language.

    Each part keeps its own look (a proposal and the application annexed to it)."""
    rendered = [_rendered(html, stylesheet) for html, stylesheet in parts]
    pages = [page for document in rendered for page in document.pages]
    return rendered[0].copy(pages).write_pdf(pdf_variant=PDF_VARIANT)


def render_pdf(document: Document) -> bytes:
    return html_to_pdf(render_html(document), "core/document.css")
