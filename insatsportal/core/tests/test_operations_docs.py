"""The operator's guide names every setting the code reads."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _read(path):
    return (ROOT / path).read_text(encoding="utf-8")


def test_every_environment_variable_is_in_the_operators_guide():
    read = set(re.findall(r'env_\w+\("([A-Z_]+)"', _read("insatsportal/settings.py")))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', _read("gunicorn.conf.py")))
    read |= set(re.findall(r'os\.environ\.get\("([A-Z_]+)"', _read("deploy/scheduler.py")))
    guide = _read("docs/operations.md")
    missing = sorted(name for name in read if f"`{name}`" not in guide
                     and f"`{name} /" not in guide)
    assert missing == []


def test_the_readme_links_the_guide_and_the_keys_come_before_migrate():
    assert "docs/operations.md" in _read("README.md")
    guide = _read("docs/operations.md")
    assert guide.index("participant_keys") < guide.index("manage migrate")
