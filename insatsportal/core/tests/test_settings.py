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
    return _run_settings(env, "print(s.DEBUG, s.DEMO_MODE)")


def _run_settings(env, code):
    clean = {k: v for k, v in os.environ.items()
             if k not in {"APP_ENV", "SECRET_KEY", "DEMO_MODE", "DEBUG", "OTP_DEMO_SKIP"}}
    return subprocess.run(  # noqa: S603 - fixed command, our own interpreter
        [sys.executable, "-c", f"import insatsportal.settings as s; {code}"],
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


def test_production_refuses_the_demo_skip_of_the_second_factor():
    result = _load_settings({**PRODUCTION, "OTP_DEMO_SKIP": "1"})
    assert result.returncode != 0
    assert "OTP_DEMO_SKIP" in result.stderr


def test_the_demo_skip_needs_demo_mode_and_follows_it_by_default():
    assert _load_settings({"OTP_DEMO_SKIP": "1"}).returncode != 0
    on = _run_settings({"DEMO_MODE": "1"}, "print(s.OTP_DEMO_SKIP)")
    assert on.stdout.strip() == "True"
    off = _run_settings({"DEMO_MODE": "1", "OTP_DEMO_SKIP": "0"}, "print(s.OTP_DEMO_SKIP)")
    assert off.stdout.strip() == "False"
    assert _run_settings({}, "print(s.OTP_DEMO_SKIP)").stdout.strip() == "False"


def test_production_cookies_are_secure_httponly_and_samesite_with_hsts():
    code = (
        "print(s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.SESSION_COOKIE_SAMESITE,"
        " s.CSRF_COOKIE_SECURE, s.CSRF_COOKIE_HTTPONLY, s.CSRF_COOKIE_SAMESITE,"
        " s.LANGUAGE_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT,"
        " s.SECURE_CONTENT_TYPE_NOSNIFF, s.SECURE_REFERRER_POLICY)"
    )
    result = _run_settings(PRODUCTION, code)
    assert result.stdout.split() == [
        "True", "True", "Lax", "True", "True", "Lax", "True", "31536000", "True", "True",
        "same-origin",
    ]


def test_hsts_is_sent_over_https_in_production(client, db, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    response = client.get("/konto/logga-in/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_session_cookies_are_httponly_and_samesite(login):
    client = login("kansli")
    response = client.post("/konto/logga-ut/")
    assert response.status_code == 302
    from django.test import Client

    from insatsportal.demo.services import DEMO_PASSWORD

    fresh = Client()
    fresh.post("/konto/logga-in/", {"username": "kansli", "password": DEMO_PASSWORD})
    cookie = fresh.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_postgresql_connections_run_without_jit_keeping_options_of_the_url():
    url = "postgres://app@db.invalid:5432/insatsportal?options=-c%20search_path%3Dapp"
    result = _run_settings({"DATABASE_URL": url},
                           "print(s.DATABASES['default']['OPTIONS']['options'])")
    assert result.stdout.strip() == "-c search_path=app -c jit=off"
    sqlite = _run_settings({"DATABASE_URL": "sqlite:///x.sqlite3"},
                           "print(s.DATABASES['default'].get('OPTIONS', {}))")
    assert "jit" not in sqlite.stdout
