"""A real OpenID provider for tests: the npm package oidc-provider, run by Node.

tests/oidc/ holds the package.json and package-lock.json; `npm ci` there installs it.
The provider runs on a free loopback port; a sign-in is a form post of the account's `sub`.
"""

import http.cookiejar
import json
import os
import shutil
import socket
import subprocess
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

OIDC_DIR = Path(__file__).resolve().parents[3] / "tests" / "oidc"
CLIENT_ID = "insatsportal"
CLIENT_SECRET = "test-only-client-secret"  # noqa: S105
REDIRECT_URI = "http://testserver/konto/sso/tillbaka/"


def unavailable_reason() -> str | None:
    if shutil.which("node") is None:
        return "node is not installed: the single sign-on tests need Node 20+"
    if not (OIDC_DIR / "node_modules" / "oidc-provider").is_dir():
        return "oidc-provider is not installed: run `npm ci` in tests/oidc"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Provider:
    issuer: str
    process: subprocess.Popen

    def settings(self) -> dict:
        return {
            "SSO_ENABLED": True,
            "OIDC_RP_CLIENT_ID": CLIENT_ID,
            "OIDC_RP_CLIENT_SECRET": CLIENT_SECRET,
            "OIDC_ISSUER": self.issuer,
            "OIDC_OP_AUTHORIZATION_ENDPOINT": f"{self.issuer}/auth",
            "OIDC_OP_TOKEN_ENDPOINT": f"{self.issuer}/token",
            "OIDC_OP_USER_ENDPOINT": f"{self.issuer}/me",
            "OIDC_OP_JWKS_ENDPOINT": f"{self.issuer}/jwks",
            "OIDC_RP_SIGN_ALGO": "RS256",
            "OIDC_CREATE_USER": True,
            "AUTHENTICATION_BACKENDS": [
                "django.contrib.auth.backends.ModelBackend",
                "insatsportal.accounts.sso.SSOBackend",
            ],
        }

    def sign_in(self, authorization_url: str, login: str) -> str:
        """Play the browser at the provider; return the redirect back to the portal."""

        class StopAtPortal(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, req, fp, code, msg, headers, newurl):
                if newurl.startswith("http://testserver/"):
                    raise _BackToPortal(newurl)
                return super().redirect_request(req, fp, code, msg, headers, newurl)

        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), StopAtPortal()
        )
        try:
            page = opener.open(authorization_url, timeout=10)  # noqa: S310 - loopback only
            form_action = page.geturl().rstrip("/") + "/login"
            opener.open(form_action, data=urllib.parse.urlencode({"login": login}).encode(),
                        timeout=10)  # noqa: S310
        except _BackToPortal as back:
            return back.url
        raise AssertionError("the provider did not send the browser back to the portal")


class _BackToPortal(Exception):
    def __init__(self, url):
        super().__init__(url)
        self.url = url


def start(accounts: dict) -> Provider:
    port = _free_port()
    env = {
        **os.environ,
        "OIDC_PORT": str(port),
        "OIDC_CLIENT": json.dumps({"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET,
                                   "redirect_uris": [REDIRECT_URI]}),
        "OIDC_ACCOUNTS": json.dumps(accounts),
    }
    process = subprocess.Popen(  # noqa: S603
        [shutil.which("node"), "provider.mjs"], cwd=OIDC_DIR, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    ready = threading.Event()
    line = []

    def read():
        line.append(process.stdout.readline())
        ready.set()

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(30) or not line[0].startswith("ready "):
        process.kill()
        pytest.fail(f"the OpenID provider did not start: {line}")
    return Provider(issuer=line[0].split()[1], process=process)
