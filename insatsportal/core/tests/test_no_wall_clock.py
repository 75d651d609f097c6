"""The suite must not flake on a busy machine: no test measures wall-clock time.

Speed is measured by the scripts in bench/, which print figures instead of failing.
"""

import os
import re
from pathlib import Path

from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

ROOT = Path(__file__).resolve().parents[3]
TIMERS = re.compile(r"\b(perf_counter|monotonic|process_time|timeit)\b|deadline\s*=\s*\d")


def _test_modules():
    for folder in (ROOT / "insatsportal", ROOT / "tests"):
        for path in folder.rglob("*.py"):
            if "tests" in path.parts or path.parent.name == "tests":
                yield path
    yield ROOT / "conftest.py"


def test_no_test_times_itself_with_the_wall_clock():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in _test_modules() if path != Path(__file__)
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if TIMERS.search(line)
    ]
    assert offenders == [], "move timing into bench/: " + ", ".join(offenders)


def test_hypothesis_runs_without_a_deadline_by_default():
    ci = hypothesis_settings.get_profile("ci")
    assert ci.deadline is None
    assert HealthCheck.too_slow in ci.suppress_health_check
    if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
        assert hypothesis_settings.default.deadline is None
