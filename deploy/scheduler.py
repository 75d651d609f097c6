#!/usr/bin/env python3
"""The daily jobs for a container (compose's `scheduler` service); systemd uses a timer.

Runs `send_reminders`, `apply_retention` and `prune_jobs` once a day at DAILY_AT (HH:MM,
local time of TZ, default 06:30), each in its own process so that one failing never stops
the other.
"""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JOBS = [["send_reminders"], ["apply_retention"], ["prune_jobs"]]


def next_run(now: datetime.datetime, at: str) -> datetime.datetime:
    hour, minute = (int(part) for part in at.split(":"))
    candidate = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return candidate if candidate > now else candidate + datetime.timedelta(days=1)


def main() -> None:
    at = os.environ.get("DAILY_AT", "06:30")
    while True:
        now = datetime.datetime.now()
        wait = (next_run(now, at) - now).total_seconds()
        print(f"scheduler: next run at {next_run(now, at):%Y-%m-%d %H:%M}", flush=True)
        time.sleep(wait)
        for job in JOBS:
            result = subprocess.run(  # noqa: S603 - our interpreter and manage.py
                [sys.executable, str(ROOT / "manage.py"), *job], cwd=ROOT, check=False
            )
            print(f"scheduler: {job[0]} exited {result.returncode}", flush=True)


if __name__ == "__main__":
    main()
