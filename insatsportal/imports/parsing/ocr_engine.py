"""Text from a scanned PDF: pages rendered by pdftoppm (poppler-utils) and read by Tesseract
with its Swedish data (tesseract-ocr, tesseract-ocr-swe from Debian) through pytesseract."""

from __future__ import annotations

import os
import shutil

# pdftoppm with fixed arguments, no shell
import subprocess  # nosec B404
import tempfile
from pathlib import Path

from .result import ImportReadError

DPI = 200
_PAGE_LIMIT = 30  # an archive scan beyond this is split before import


def missing_tools() -> list[str]:
    """What this machine lacks to read scans (empty when it can)."""
    missing = [tool for tool in ("tesseract", "pdftoppm") if shutil.which(tool) is None]
    if not missing:
        try:
            import pytesseract

            if "swe" not in pytesseract.get_languages(config=""):
                missing.append("tesseract-ocr-swe")
        except Exception:  # noqa: BLE001 - a broken install reads as missing
            missing.append("pytesseract")
    return missing


def ocr_pdf(data: bytes, filename: str) -> str:
    """OCR every page; raise ImportReadError with a clear message when it cannot be done."""
    missing = missing_tools()
    if missing:
        raise ImportReadError(
            f"Filen är en skannad PDF utan textlager ({filename or 'okänt namn'}), och "
            f"textigenkänning saknas på servern ({', '.join(missing)}); be driftansvarig "
            "installera tesseract-ocr, tesseract-ocr-swe och poppler-utils.")
    import pytesseract
    from PIL import Image

    # One thread a page: Tesseract's own threads only compete on a small shared server.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "scan.pdf"
        pdf.write_bytes(data)
        try:
            # pdftoppm found on PATH, fixed arguments, no shell
            subprocess.run(  # noqa: S603  # nosec B603
                [shutil.which("pdftoppm"), "-r", str(DPI), "-gray", "-png", "-l", str(_PAGE_LIMIT),
                 str(pdf), str(Path(tmp) / "page")],
                check=True, capture_output=True, timeout=300)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
            raise ImportReadError(
                f"{filename or 'PDF-filen'} är skadad och kan inte läsas.") from exc
        pages = []
        for image_path in sorted(Path(tmp).glob("page*.png")):
            with Image.open(image_path) as image:
                pages.append(pytesseract.image_to_string(image, lang="swe",
                                                         config="--psm 1"))
    text = "\n".join(pages)
    if sum(ch.isalpha() for ch in text) < 40:
        raise ImportReadError(
            f"Textigenkänningen hittade ingen läsbar text i {filename or 'PDF-filen'}.")
    return text
