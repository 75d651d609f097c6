"""How long reading each seed document takes (the parser alone, no database).

    .venv/bin/python bench/import_speed.py

Prints per seed the median and 95th percentile of 20 reads after one warm-up read (which
loads the word list). A figure, not a test: the suite asserts no wall-clock time.
"""

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from insatsportal.imports.parsing import read_document  # noqa: E402
from insatsportal.imports.parsing.tests.expected import SEED_FILES  # noqa: E402
from insatsportal.imports.parsing.tests.register import resolve  # noqa: E402

SEEDS = ROOT / "insatsportal" / "demo" / "seeds"
RUNS = 20


def main():
    print("seed\tmedian_ms\tp95_ms")
    for seed, name in sorted(SEED_FILES.items()):
        read_document(SEEDS / name, resolve_organisation=resolve)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            read_document(SEEDS / name, resolve_organisation=resolve)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        print(f"{seed}\t{statistics.median(times):.0f}\t{times[int(0.95 * (RUNS - 1))]:.0f}")


if __name__ == "__main__":
    main()
