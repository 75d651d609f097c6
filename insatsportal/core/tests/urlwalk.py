"""Every named URL pattern and the matrix rows that build a URL for each.

Used by the permission matrix and the security sweeps (headers, CSRF, second factor).
"""

import importlib

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

# Django's own admin and language switch are covered by their own tests.
SKIPPED_NAMESPACES = {"admin"}
# The API answers GET only (405 otherwise, tested in api/tests with its token matrix).
READ_ONLY_NAMESPACES = {"api_v1"}
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


def collect_matrix(name: str = "MATRIX") -> dict:
    """{"app:name": (url_for(demo), expected statuses)} from every app's tests/matrix.py
    (or, with name="WRITES", {"app:name": Write(...)})."""
    matrix = {}
    for config in apps.get_app_configs():
        if not config.name.startswith("insatsportal."):
            continue
        try:
            module = importlib.import_module(f"{config.name}.tests.matrix")
        except ModuleNotFoundError:
            continue
        matrix.update(getattr(module, name, {}))
    return matrix


def accepted_methods(view) -> list[str] | None:
    """The methods a view's require_http_methods (or require_POST, require_safe) allows;
    None when it does not restrict them."""
    seen = set()
    while view is not None and id(view) not in seen:
        seen.add(id(view))
        code = getattr(view, "__code__", None)
        for name, cell in zip(code.co_freevars if code else (), view.__closure__ or (),
                              strict=False):
            if name == "request_method_list":
                return list(cell.cell_contents)
        view = getattr(view, "__wrapped__", None)
    return None


def write_patterns(patterns=None, namespace=""):
    """Yield "namespace:name" of every named pattern whose view accepts a POST."""
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in SKIPPED_NAMESPACES | READ_ONLY_NAMESPACES:
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from write_patterns(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and entry.name not in SKIPPED_NAMES:
            methods = accepted_methods(entry.callback)
            if methods is None or "POST" in methods:
                yield f"{namespace}{entry.name}"
