"""Helpers for the permission matrix: every URL pattern × every role → status.

Each app lists its URL patterns in `<app>/tests/matrix.py` as
    MATRIX = {"app:name": (url_for(demo) -> str, expected statuses)}
and test_permission_matrix.py fails when a pattern is missing.
"""

ROLES = (
    "anonymous",
    "kansli",
    "styrelse",
    "insatsansvarig",
    "deltagaransvarig",
    "handlaggare",
    "rapportlasare",
)
STAFF_ROLES = ROLES[1:]
LOGIN_REDIRECT = 302


def statuses(default: int, *, anonymous: int = LOGIN_REDIRECT, **by_role: int) -> dict[str, int]:
    """Expected status per role: `default` for every signed-in role unless named."""
    unknown = set(by_role) - set(STAFF_ROLES)
    if unknown:
        raise ValueError(f"Unknown roles: {unknown}")
    return {"anonymous": anonymous, **{role: by_role.get(role, default) for role in STAFF_ROLES}}


def only(*roles: str, denied: int = 403) -> dict[str, int]:
    """200 for the named roles, `denied` for the other signed-in roles."""
    return statuses(denied, **{role: 200 for role in roles})


def _url(name, *args):
    from django.urls import reverse

    return lambda demo: reverse(name, args=args)


def _history_entry(name):
    """An overwritten narrative of a quarterly report: the entry the office may restore."""

    def url_for(demo):
        from django.urls import reverse

        from insatsportal.accounts.models import User
        from insatsportal.interventions.models import Intervention
        from insatsportal.reports.models import QuarterlyReport
        from insatsportal.reports.quarterly.services import report_save

        intervention = Intervention.objects.get(name="En väg in – steget vidare")
        report, _created = QuarterlyReport.objects.get_or_create(
            intervention=intervention, year=2024, quarter=3)
        owner = User.objects.get(username="insatsansvarig")
        for text in ("Först.", "Sedan."):
            report_save(report=report, actor=owner, went_well=text)
        from insatsportal.core.audit import audit_history

        return reverse(name, args=[audit_history(report).first().uuid])

    return url_for


MATRIX = {
    "core:start": (_url("core:start"), statuses(200)),
    "core:healthz": (_url("core:healthz"), statuses(200, anonymous=200)),
    "core:history_entry": (_history_entry("core:history_entry"), statuses(403, kansli=200)),
    "core:history_restore": (_history_entry("core:history_restore"), statuses(405)),
}


# --- Writes ------------------------------------------------------------------
# Each app also lists its write endpoints in `<app>/tests/matrix.py` as
#     WRITES = {"app:name": Write(url_for(demo), data_for(demo), expected statuses)}
# The POST is sent as every role; a refusal must leave every table as it was.
REFUSED = (403, 404, 405)


class Write:
    """A POST endpoint: its URL, data the allowed roles' write succeeds with, and the
    status each role gets (302 after a successful write, 403 for a section the role may not
    enter, 404 for an object outside its scope, 405 where only another method is allowed).
    """

    def __init__(self, url, data, expected: dict[str, int], *, writes: bool = True,
                 public: bool = False):
        """`writes=False`: the allowed POST keeps its effect out of the tables (a search
        kept in the session). `public`: open without signing in (login, password reset)."""
        self.url, self._data, self.expected = url, data, expected
        self.writes, self.public = writes, public

    def data(self, demo, url: str) -> dict:
        if isinstance(self._data, FromPage):
            return self._data.read(url)
        return self._data(demo) if callable(self._data) else dict(self._data)


class FromPage:
    """The data of the page's own form as `role` gets it, with `changes` on top: a write
    of a large form that the allowed role would make."""

    def __init__(self, role: str, **changes):
        self.role, self.changes = role, changes

    def read(self, url: str) -> dict:
        from django.test import Client
        from django_otp import DEVICE_ID_SESSION_KEY
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from insatsportal.accounts.models import User
        from insatsportal.core.tests.formdata import page_form_data

        user = User.objects.get(username=self.role)
        client = Client()
        client.force_login(user)
        device = (TOTPDevice.objects.filter(user=user, confirmed=True).first()
                  or TOTPDevice.objects.create(user=user, name="matrix", confirmed=True))
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
        return {**page_form_data(client, url), **self.changes}


def office(status: int = 302, *, denied: int = 403, **by_role: int) -> dict[str, int]:
    """`status` for the office, `denied` for the other signed-in roles unless named."""
    return statuses(denied, kansli=status, **by_role)


def form_token() -> dict:
    """A fresh one-time token for forms under `once_per_form`."""
    import uuid

    return {"form_token": str(uuid.uuid4())}


WRITES = {
    "core:history_restore": Write(_history_entry("core:history_restore"),
                                  {"field": "went_well"}, office()),
}
