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


MATRIX = {
    "core:start": (_url("core:start"), statuses(200)),
    "core:healthz": (_url("core:healthz"), statuses(200, anonymous=200)),
}
