"""Skip only what needs Tesseract, and say what to install."""

import pytest

from insatsportal.imports.parsing.ocr_engine import missing_tools

_MISSING = missing_tools()
needs_ocr = pytest.mark.skipif(
    bool(_MISSING),
    reason=f"OCR of scanned PDFs not tested: {', '.join(_MISSING)} missing "
           "(apt-get install tesseract-ocr tesseract-ocr-swe poppler-utils)")
