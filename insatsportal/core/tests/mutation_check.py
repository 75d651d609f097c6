"""Mutation check of the permission matrix: each `can_*` capability of accounts/policy.py
is made to allow everything, one at a time, and the matrix (every URL × role, reads and
writes) must then fail somewhere. A capability whose mutant survives is one the matrix
does not test.

Not collected with the suite (the name does not start with test_); .ci/run runs it:
    .venv/bin/python -m pytest insatsportal/core/tests/mutation_check.py -q -p no:cacheprovider
Each mutant stops at the first matrix row that catches it, so a run takes minutes.
"""

import contextlib

import pytest
from django.db import transaction

from insatsportal.accounts import policy
from insatsportal.core.tests import test_permission_matrix as matrix_tests
from insatsportal.core.tests.matrix import STAFF_ROLES

CAPABILITIES = sorted(name for name, value in vars(policy).items()
                      if name.startswith("can_") and callable(value))


def _allow(user, *args, **kwargs):
    return True


@contextlib.contextmanager
def always_allowed(name: str):
    """Swap the capability's body for `return True`, wherever it is called from (views
    hold the function itself through their decorators, so the code object is replaced)."""
    check = getattr(policy, name).__wrapped__
    original = check.__code__
    check.__code__ = _allow.__code__
    try:
        yield
    finally:
        check.__code__ = original


def _rows():
    for name in sorted(matrix_tests.WRITES):
        for role in STAFF_ROLES:
            yield "POST", name, role
    for name in sorted(matrix_tests.MATRIX):
        for role in STAFF_ROLES:
            yield "GET", name, role


def _get(role, name, *, login, demo):
    url_for, expected = matrix_tests.MATRIX[name]
    response = login(role).get(url_for(demo))
    assert response.status_code == expected[role], (
        f"GET {name} as {role}: {response.status_code}, expected {expected[role]}")


def first_catch(*, login, demo) -> str | None:
    """The first matrix row that fails, each row in a savepoint rolled back after it."""
    for method, name, role in _rows():
        check = matrix_tests.check_write if method == "POST" else _get
        try:
            with transaction.atomic():
                try:
                    check(role, name, login=login, demo=demo)
                finally:
                    transaction.set_rollback(True)
        except AssertionError as caught:
            return str(caught).splitlines()[0]
        except Exception as crash:  # a view that breaks under the mutant is caught as well
            return f"{method} {name} as {role}: {crash!r}"
    return None


def test_the_matrix_passes_without_a_mutant(login, demo):
    assert first_catch(login=login, demo=demo) is None


@pytest.mark.parametrize("capability", CAPABILITIES)
def test_the_matrix_catches_the_capability_always_allowed(capability, login, demo):
    with always_allowed(capability):
        caught = first_catch(login=login, demo=demo)
    assert caught, f"policy.{capability} made to allow everything: the whole matrix passed"
    print(f"{capability}: caught by {caught}")
