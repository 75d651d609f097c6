"""Per-document reading time on the seeds.

Run: python -m insatsportal.imports.parsing.bench [PATH ...]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from . import read_document
from .ocr import _vocabulary

SEEDS = Path(__file__).resolve().parents[2] / "demo" / "seeds"


def main(argv: list[str]) -> None:
    paths = [Path(p) for p in argv] or sorted(SEEDS.glob("*.txt"))
    _vocabulary()  # loaded once per process; not part of a document's time
    for path in paths:
        start = time.perf_counter()
        result = read_document(path)
        cold = time.perf_counter() - start
        runs = 5
        start = time.perf_counter()
        for _ in range(runs):
            read_document(path)
        warm = (time.perf_counter() - start) / runs
        print(f"{path.name}: {result.kind:<11} first {cold * 1000:6.1f} ms, "
              f"then {warm * 1000:6.1f} ms per read")


if __name__ == "__main__":
    main(sys.argv[1:])
