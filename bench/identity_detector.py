"""How long the personnummer detector for free text takes on ordinary and hostile text.

Run: .venv/bin/python bench/identity_detector.py. Prints figures; fails nothing (speed is
measured here, not in the tests).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "insatsportal.settings")

import django  # noqa: E402

django.setup()

from insatsportal.participants.identity import contains_identity_number  # noqa: E402

TEXTS = {
    "a 10 kB note": "Deltagaren har haft möte 2024-03-01 och ska ringa 070-123 45 67. " * 150,
    "a 10 kB note ending in a number": "Vanlig text om insatsen. " * 400 + "19900101–0017",
    "100 kB of spaced digits": " ".join(str(i % 10) for i in range(50_000)),
    "100 kB of '1 '": "1 " * 50_000,
    "100 kB of digits": "7" * 100_000,
    "10 kB of full-width digits": "１２３ " * 2_500,
}


def main() -> None:
    for name, text in TEXTS.items():
        runs = []
        for _ in range(5):
            started = time.perf_counter()
            found = contains_identity_number(text)
            runs.append(time.perf_counter() - started)
        print(f"{name:34} {len(text):7} chars  found={found!s:5}  "
              f"best {min(runs) * 1000:7.1f} ms  worst {max(runs) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
