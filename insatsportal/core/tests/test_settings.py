import os
import subprocess
import sys

import pytest

PRODUCTION = {"APP_ENV": "production", "ALLOWED_HOSTS": "example.org",
              "SECRET_KEY": "x" * 60,
              "PARTICIPANT_KEYS": "dGVzdC1vbmx5LXByb2R1Y3Rpb24ta2V5LTAwMDAwMDA=",
              "PARTICIPANT_HASH_KEY": "h" * 40}


def _load_settings(env):
    """Import the settings in a fresh interpreter with exactly `env` set."""
    clean = {k: v for k, v in os.environ.items()
             if k not in {"APP_ENV", "SECRET_KEY", "DEMO_MODE", "DEBUG"}}
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "-c", "import insatsportal.settings as s; print(s.DEBUG, s.DEMO_MODE)"],
        env={**clean, **env}, capture_output=True, text=True, check=False,
    )


def test_production_settings_start_with_a_secret_key():
    assert _load_settings(PRODUCTION).returncode == 0


def test_production_requires_a_secret_key():
    result = _load_settings({**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.parametrize("flag", ["DEMO_MODE", "DEBUG"])
def test_production_refuses_demo_mode_and_debug(flag):
    result = _load_settings({**PRODUCTION, flag: "1"})
    assert result.returncode != 0
    assert "DEMO_MODE and DEBUG must be off" in result.stderr


def test_a_typo_in_a_boolean_is_an_error_not_false():
    result = _load_settings({"DEMO_MODE": "kanske"})
    assert result.returncode != 0
    assert "DEMO_MODE must be true or false" in result.stderr
