"""Log lines: time, level, logger, request id and user id; JSON on request; secrets from files."""

import io
import json
import re

import pytest
from django.core.exceptions import ImproperlyConfigured

from insatsportal.core import logs
from insatsportal.core.tests.test_settings import PRODUCTION, _run_settings
from insatsportal.env import env_secret


@pytest.fixture
def log_lines(settings):
    """Log lines written by the handler the settings configure, during the test."""
    import logging.config

    stream = io.StringIO()

    def capture(fmt="text"):
        config = logs.logging_config(level="INFO", fmt=fmt)
        logging.config.dictConfig(config)
        handler = logging.getLogger().handlers[0]
        handler.setStream(stream)
        return stream

    yield capture
    logging.config.dictConfig(settings.LOGGING)


def test_a_log_line_has_time_level_logger_and_the_request_id(client, db, log_lines):
    stream = log_lines()
    response = client.post("/konto/logga-in/", {"username": "nobody", "password": "wrong"})
    request_id = response["X-Request-ID"]
    [line] = [x for x in stream.getvalue().splitlines() if "insatsportal.accounts" in x]
    assert re.match(
        r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} INFO insatsportal\.accounts\.services "
        rf"\[request={request_id} user=-\] Sign-in",
        line,
    )


def test_the_user_id_is_logged_and_never_the_name(login, log_lines):
    client = login("kansli")
    stream = log_lines()
    response = client.get("/finns-inte/")
    assert response.status_code == 404
    from insatsportal.accounts.models import User

    user = User.objects.get(username="kansli")
    [line] = [x for x in stream.getvalue().splitlines() if "Not Found" in x]
    assert f"user={user.pk}]" in line
    assert "kansli" not in line
    assert user.get_full_name() not in line


def test_a_plain_request_id_from_the_proxy_is_kept_and_a_strange_one_replaced(client, db):
    kept = client.get("/healthz", headers={"X-Request-ID": "nginx-0123456789abcdef"})
    assert kept["X-Request-ID"] == "nginx-0123456789abcdef"
    replaced = client.get("/healthz", headers={"X-Request-ID": "evil\nline 19800101-1234"})
    assert re.fullmatch(r"[0-9a-f]{32}", replaced["X-Request-ID"])


def test_json_lines_for_a_log_collector(client, db, log_lines):
    stream = log_lines("json")
    response = client.post("/konto/logga-in/", {"username": "nobody", "password": "wrong"})
    entries = [json.loads(x) for x in stream.getvalue().splitlines()]
    [entry] = [e for e in entries if e["logger"] == "insatsportal.accounts.services"]
    assert entry["level"] == "INFO"
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["user_id"] == "-"
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$", entry["time"])


def test_an_unknown_log_format_is_refused():
    with pytest.raises(ImproperlyConfigured, match="LOG_FORMAT"):
        logs.logging_config(fmt="xml")


def test_a_secret_is_read_from_the_file_the_environment_names(tmp_path, monkeypatch):
    secret = tmp_path / "password"
    secret.write_text("from-a-file\n")
    monkeypatch.delenv("EMAIL_HOST_PASSWORD", raising=False)
    monkeypatch.setenv("EMAIL_HOST_PASSWORD_FILE", str(secret))
    assert env_secret("EMAIL_HOST_PASSWORD") == "from-a-file"

    monkeypatch.setenv("EMAIL_HOST_PASSWORD", "also-set")
    with pytest.raises(ImproperlyConfigured, match="not both"):
        env_secret("EMAIL_HOST_PASSWORD")

    monkeypatch.delenv("EMAIL_HOST_PASSWORD")
    monkeypatch.setenv("EMAIL_HOST_PASSWORD_FILE", str(tmp_path / "missing"))
    with pytest.raises(ImproperlyConfigured, match="cannot read"):
        env_secret("EMAIL_HOST_PASSWORD")


def test_production_takes_its_keys_and_mail_password_from_files(tmp_path):
    files = {}
    for name in ("SECRET_KEY", "PARTICIPANT_KEYS", "PARTICIPANT_HASH_KEY"):
        path = tmp_path / name
        path.write_text(PRODUCTION[name])
        files[f"{name}_FILE"] = str(path)
    (tmp_path / "mail").write_text("relay-secret")
    env = {
        **{k: v for k, v in PRODUCTION.items() if k not in
           {"SECRET_KEY", "PARTICIPANT_KEYS", "PARTICIPANT_HASH_KEY"}},
        **files, "EMAIL_HOST_PASSWORD_FILE": str(tmp_path / "mail"),
        "EMAIL_USE_TLS": "1", "EMAIL_PORT": "587",
    }
    result = _run_settings(env, "print(len(s.SECRET_KEY), s.EMAIL_HOST_PASSWORD, s.EMAIL_TIMEOUT)")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["60", "relay-secret", "30"]


def test_starttls_and_ssl_together_are_refused():
    result = _run_settings({"EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"}, "pass")
    assert result.returncode != 0
    assert "EMAIL_USE_TLS" in result.stderr
