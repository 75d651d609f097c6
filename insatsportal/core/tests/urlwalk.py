"""Every named URL pattern and the matrix rows that build a URL for each.

Used by the permission matrix and the security sweeps (headers, CSRF, second factor).
"""

import importlib

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

# Django's own admin and language switch are covered by their own tests.
SKIPPED_NAMESPACES = {"admin"}
SKIPPED_NAMES = {"set_language"}


def named_patterns(patterns=None, namespace=""):
    """Yield "namespace:name" for every named URL pattern of the project."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from named_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in SKIPPED_NAMES:
            yield f"{namespace}{entry.name}"


def collect_matrix() -> dict:
    """{"app:name": (url_for(demo), expected statuses)} from every app's tests/matrix.py."""
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
