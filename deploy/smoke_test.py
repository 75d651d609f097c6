#!/usr/bin/env python3
"""Smoke test of the systemd route: the app under gunicorn, production settings, PostgreSQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres python deploy/smoke_test.py

Creates a uniquely named database, runs the documented install steps (migrate,
collectstatic, first_install), starts `gunicorn -c gunicorn.conf.py` on a free loopback
port with APP_ENV=production and fresh keys, and then, as nginx would forward it
(X-Forwarded-Proto: https): GET /healthz, the login page and a static file, and signs in
as the first office user through the printed one-time link (password, then the
authenticator enrolment with a TOTP code). Stops gunicorn and drops the database.
`--url URL` only checks /healthz and the login page of a server already running
(the container smoke test).
"""

import argparse
import http.client
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from restore_drill import create_database, drop_database, with_database  # noqa: E402


class Browser:
    """A tiny HTTP client that keeps cookies itself (Secure cookies over the loopback)."""

    def __init__(self, host: str, port: int, *, proxy_https: bool = True):
        self.host, self.port, self.cookies = host, port, {}
        self.proxy_https = proxy_https

    def request(self, method: str, path: str, form: dict | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.proxy_https:
            headers["X-Forwarded-Proto"] = "https"
            headers["Origin"] = f"https://{self.host}:{self.port}"
            headers["Referer"] = f"https://{self.host}:{self.port}{path}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        content = response.read()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        conn.close()
        return response, content

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, form):
        return self.request("POST", path, form)


def csrf_token(content: bytes) -> str:
    return re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content).group(1).decode()


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"SMOKE TEST FAILED: {what}")
    print(f"ok  {what}")


def wait_for(browser: Browser, seconds: int = 60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            response, content = browser.get("/healthz")
            return response, content
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"SMOKE TEST FAILED: no answer on /healthz within {seconds} s")


def check_pages(browser: Browser) -> None:
    response, content = wait_for(browser)
    check(response.status == 200 and b'"database": "ok"' in content,
          "/healthz answers 200, database ok")
    response, content = browser.get("/konto/logga-in/")
    check(response.status == 200 and b"csrfmiddlewaretoken" in content, "login page answers 200")
    check("default-src 'self'" in (response.getheader("Content-Security-Policy") or ""),
          "Content-Security-Policy is sent")
    check("max-age=" in (response.getheader("Strict-Transport-Security") or ""),
          "HSTS is sent in production")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def totp_code(hex_key: str) -> str:
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(hex_key)):06d}"


def manage(env, *args) -> str:
    result = subprocess.run(  # noqa: S603 - our interpreter and manage.py
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT,
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def systemd_route(base_url: str) -> None:
    from cryptography.fernet import Fernet

    name = f"ip_smoke_{time.strftime('%Y%m%d%H%M%S')}_{os.getpid()}"
    port = free_port()
    static_root = tempfile.mkdtemp(prefix="ip-static-")
    env = {
        **{k: v for k, v in os.environ.items() if k not in {"DEMO_MODE", "OTP_DEMO_SKIP", "DEBUG"}},
        "APP_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "PARTICIPANT_KEYS": Fernet.generate_key().decode(),
        "PARTICIPANT_HASH_KEY": secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": with_database(base_url, name),
        "SITE_URL": f"https://127.0.0.1:{port}",
        "STATIC_ROOT": static_root,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend",
    }
    create_database(base_url, name)
    server = None
    try:
        started = time.perf_counter()
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        output = manage(env, "first_install", "--association", "Samordningsförbundet Röktest",
                        "--member", "Röktestby kommun=kommun", "--username", "kansliet",
                        "--email", "kansliet@forbund.example")
        link = re.search(r"^https://\S+$", output, re.M).group(0)
        print(f"ok  install steps (migrate, collectstatic, first_install) in "
              f"{time.perf_counter() - started:.1f} s")
        server = subprocess.Popen(  # noqa: S603
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "gunicorn.conf.py"],
            env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        browser = Browser("127.0.0.1", port)
        check_pages(browser)
        response, _ = Browser("127.0.0.1", port, proxy_https=False).get("/konto/logga-in/")
        check(response.status == 301 and response.getheader("Location", "").startswith("https://"),
              "plain HTTP is redirected to HTTPS")
        css = sorted(Path(static_root).rglob("*.css"))[0].relative_to(static_root)
        response, _ = browser.get(f"/static/{css}")
        check(response.status == 200, f"static file /static/{css} served by WhiteNoise")

        # The first office user: one-time link, new password, then the authenticator.
        response, _ = browser.get(urlsplit(link).path)
        set_password = urlsplit(response.getheader("Location")).path
        response, content = browser.get(set_password)
        password = "Smoke-" + secrets.token_urlsafe(12)
        response, _ = browser.post(set_password, {
            "csrfmiddlewaretoken": csrf_token(content),
            "new_password1": password, "new_password2": password,
        })
        check(response.status == 302, "the one-time link sets the office user's password")
        response, content = browser.get("/konto/logga-in/")
        response, _ = browser.post("/konto/logga-in/", {
            "csrfmiddlewaretoken": csrf_token(content), "username": "kansliet",
            "password": password,
        })
        check(response.status == 302 and "/tvastegs/installera/" in response.getheader("Location"),
              "the password signs in and leads to the authenticator enrolment")
        response, content = browser.get("/konto/tvastegs/installera/")
        browser.post("/konto/tvastegs/installera/", {
            "csrfmiddlewaretoken": csrf_token(content), "action": "start"})
        import psycopg

        with psycopg.connect(env["DATABASE_URL"]) as conn:
            key = conn.execute("SELECT key FROM otp_totp_totpdevice WHERE confirmed = false"
                               ).fetchone()[0]
        response, content = browser.get("/konto/tvastegs/installera/")
        response, _ = browser.post("/konto/tvastegs/installera/", {
            "csrfmiddlewaretoken": csrf_token(content), "code": totp_code(key)})
        check(response.status == 302, "a code from the authenticator confirms it")
        response, content = browser.get("/konto/anvandare/")
        check(response.status == 200 and b"kansliet" in content,
              "the office user is signed in and sees the user administration")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                out, _ = server.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                out, _ = server.communicate()
            lines = out.decode(errors="replace").splitlines()
            print("gunicorn log (last lines):")
            print("\n".join("    " + line for line in lines[-8:]))
        drop_database(base_url, name)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", help="only check a running server (e.g. http://127.0.0.1:8000)")
    args = parser.parse_args()
    if args.url:
        parts = urlsplit(args.url)
        check_pages(Browser(parts.hostname, parts.port or 80))
        return 0
    base_url = os.environ.get("DATABASE_URL", "")
    if not base_url.startswith(("postgres://", "postgresql://")):
        print("The smoke test needs DATABASE_URL=postgres://… (PostgreSQL).", file=sys.stderr)
        return 2
    systemd_route(base_url)
    print("Smoke test passed: gunicorn, production settings, PostgreSQL.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
