"""From a file (path or bytes) to plain text: .docx, .pdf with a text layer, .txt/.html."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .ocr_engine import ocr_pdf
from .result import ImportReadError

SUPPORTED = (".docx", ".pdf", ".txt", ".text", ".html", ".htm", ".md")
# Below this many letters per page a PDF is a scan: its text layer is empty or noise.
_MIN_LETTERS_PER_PAGE = 40


def load(path_or_bytes: str | Path | bytes, filename: str | None) -> tuple[bytes, str]:
    if isinstance(path_or_bytes, bytes | bytearray):
        return bytes(path_or_bytes), filename or ""
    path = Path(path_or_bytes)
    try:
        return path.read_bytes(), filename or path.name
    except OSError as exc:
        raise ImportReadError(f"Filen {path.name} kunde inte öppnas ({exc.strerror}).") from exc


def detect_format(data: bytes, filename: str) -> str:
    suffix = Path(filename).suffix.lower()
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    if suffix == ".doc" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportReadError(
            f"{filename or 'Filen'} är i det gamla Word-formatet (.doc); spara den som .docx "
            "och försök igen.")
    if suffix in SUPPORTED or not suffix:
        if b"\x00" in data[:4096]:
            raise ImportReadError(f"{filename or 'Filen'} är ingen textfil och kan inte läsas.")
        return ".txt"
    raise ImportReadError(
        f"Filtypen {suffix} stöds inte; använd .docx, .pdf eller .txt.")


def to_text(data: bytes, filename: str) -> tuple[str, bool]:
    """The file's text, and whether it came from OCR of a scan."""
    kind = detect_format(data, filename)
    if kind == ".pdf":
        return _pdf_text(data, filename)
    if kind == ".docx":
        return _docx_text(data, filename), False
    return _decode(data), False


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _docx_text(data: bytes, filename: str) -> str:
    import docx  # python-docx; imported here so .txt reading needs no extra packages
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ImportReadError(f"{filename or 'Filen'} är inte ett läsbart Word-dokument.") from exc
    except Exception as exc:  # noqa: BLE001 - lxml and zip raise many kinds on damage
        raise ImportReadError(f"{filename or 'Filen'} är skadad och kan inte läsas.") from exc
    lines: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, document).text)
        elif tag == "tbl":
            lines.extend(_table_lines(Table(child, document)))
            lines.append("")
    return "\n".join(lines)


def _table_lines(table) -> list[str]:
    """Rows as tab-separated cells; merged cells (repeated by python-docx) once."""
    out = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            nested = [ln for t in cell.tables for ln in _table_lines(t)]
            text = "\n".join([cell.text] + nested) if nested else cell.text
            cells.append(text.replace("\n", " ").strip())
        out.append("\t".join(cells))
    return out


def _pdf_text(data: bytes, filename: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ImportReadError(f"{filename or 'PDF-filen'} är lösenordsskyddad.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ImportReadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ImportReadError(f"{filename or 'PDF-filen'} är skadad och kan inte läsas.") from exc
    letters = sum(ch.isalpha() for page in pages for ch in page)
    if not pages or letters < _MIN_LETTERS_PER_PAGE * len(pages):
        return ocr_pdf(data, filename), True
    pages = _with_tables(data, pages)
    return _join_wrapped_amounts("\n".join(pages)), False


def _with_tables(data: bytes, pages: list[str]) -> list[str]:
    """Pages that hold ruled tables (a budget, the signatures) read cell by cell with
    pdfplumber, a cell's wrapped lines joined; other pages keep pypdf's text, which
    follows the columns of a two-column layout."""
    try:
        import pdfplumber
    except ImportError:  # pragma: no cover - a project dependency; without it, text only
        return pages
    out = list(pages)
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for index, page in enumerate(pdf.pages):
                tables = sorted(page.find_tables(), key=lambda t: t.bbox[1])
                if tables:
                    out[index] = _page_with_tables(page, tables)
    except Exception:  # noqa: BLE001 - pdfminer raises many kinds; pypdf's text stands
        return pages
    return out


def _page_with_tables(page, tables) -> str:
    parts, top = [], 0.0
    for table in tables:
        x0, t_top, x1, t_bottom = table.bbox
        if t_top > top:
            parts.append(page.crop((0, top, page.width, t_top)).extract_text() or "")
        for row in table.extract():
            cells = [" ".join((cell or "").split()) for cell in row]
            parts.append("\t".join(cells).rstrip("\t"))
        top = t_bottom
    if top < page.height:
        parts.append(page.crop((0, top, page.width, page.height)).extract_text() or "")
    return "\n".join(parts)


def _join_wrapped_amounts(text: str) -> str:
    """A narrow column wraps "1 400 000 kr" as "1" and "400 000 kr": join them again."""
    return re.sub(r"(?<=\s)(\d{1,3})\n(\d{3}(?: \d{3})*(?: kr\b| kronor\b|\b))", r"\1 \2",
                  text)
