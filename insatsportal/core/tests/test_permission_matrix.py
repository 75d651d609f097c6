import importlib

import pytest
from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

from insatsportal.core.tests.matrix import ROLES

# Django's own admin and language switch are covered by their own tests.
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"set_language"}


def _named_patterns(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in SKIPPED_NAMES:
            yield f"{namespace}{entry.name}"


def _matrix():
    matrix = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("insatsportal."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        matrix.update(getattr(module, "MATRIX", {}))
    return matrix


MATRIX = _matrix()


def test_it_covers_every_url_pattern():
    missing = sorted(set(_named_patterns()) - set(MATRIX))
    assert missing == [], f"URL patterns missing from the permission matrix: {missing}"


def test_it_has_no_stale_entries():
    stale = sorted(set(MATRIX) - set(_named_patterns()))
    assert stale == []


@pytest.mark.parametrize("name", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_it_answers_each_role_as_expected(name, role, login, demo):
    url_for, expected = MATRIX[name]
    response = login(role).get(url_for(demo))
    assert response.status_code == expected[role], (
        f"{name} as {role}: {response.status_code}, expected {expected[role]}"
    )
