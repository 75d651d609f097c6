"""Documents the system writes (decision proposals, reports) as .docx and PDF.

A document is a list of plain blocks; one renderer per format, so a proposal or a
report is built once and downloaded in either format.
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


@dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    numeric: set[int] = field(default_factory=set)  # right-aligned columns


@dataclass
class Document:
    title: str
    blocks: list = field(default_factory=list)
    reference: str = ""  # case number or similar, printed in the header

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
    word.core_properties.title = document.title
    word.core_properties.language = "sv-SE"
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


def render_html(document: Document) -> str:
    return render_to_string("core/document.html", {"document": document})


def render_pdf(document: Document) -> bytes:
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find("core/document.css"))
    return HTML(string=render_html(document)).write_pdf(stylesheets=[stylesheet])
