"""Mutation check of the permission matrix: each `can_*` capability of accounts/policy.py
is made to allow everything, one at a time, and the matrix (every URL × role, reads and
writes) must then fail somewhere. A capability whose mutant survives is one the matrix
does not test.

Not collected with the suite (the name does not start with test_); .ci/run runs it:
    .venv/bin/python -m pytest insatsportal/core/tests/mutation_check.py -q -p no:cacheprovider
One run of the whole matrix notes which capabilities refused something in each request; a
mutant that allows everything can only change rows where its capability refused, so each
mutant runs those rows and stops at the first that fails.
"""

import contextlib
import os
import sys
import types

from django.db import transaction

from insatsportal.accounts import policy
from insatsportal.core.tests import test_permission_matrix as matrix_tests
from insatsportal.core.tests.matrix import STAFF_ROLES

CAPABILITIES = sorted(name for name, value in vars(policy).items()
                      if name.startswith("can_") and callable(value))
# MUTANTS=can_view_,can_close_interventions runs only the capabilities with those prefixes.
MUTANTS = [name for name in CAPABILITIES
           if not os.environ.get("MUTANTS")
           or name.startswith(tuple(os.environ["MUTANTS"].split(",")))]


def _allow(user, *args, **kwargs):
    return True


def _recorder(user, *args, **kwargs):
    # Runs with the policy module's globals (its code object replaces a capability's body):
    # runs the original and notes the capability's name when it refused.
    name = _mutation_sys._getframe().f_code.co_name  # noqa: F821
    allowed = _mutation_originals[name](user, *args, **kwargs)  # noqa: F821
    if not allowed:
        _mutation_called.add(name)  # noqa: F821
    return allowed


def _inner(name):
    return getattr(policy, name).__wrapped__


@contextlib.contextmanager
def always_allowed(name: str):
    """Swap the capability's body for `return True`, wherever it is called from (views
    hold the function itself through their decorators, so the code object is replaced)."""
    check = _inner(name)
    original = check.__code__
    check.__code__ = _allow.__code__
    try:
        yield
    finally:
        check.__code__ = original


@contextlib.contextmanager
def recording():
    """Note which capabilities refused something in each request: a mutant that allows
    everything can only change the answer of such a row, so each mutant runs only those."""
    refused: set[str] = set()
    originals = {}
    for name in CAPABILITIES:
        check = _inner(name)
        copy = types.FunctionType(check.__code__, vars(policy), name, check.__defaults__)
        copy.__kwdefaults__ = check.__kwdefaults__
        originals[name] = (check, check.__code__, copy)
    vars(policy).update(_mutation_sys=sys, _mutation_called=refused,
                        _mutation_originals={n: o[2] for n, o in originals.items()})
    for name, (check, _code, _copy) in originals.items():
        check.__code__ = _recorder.__code__.replace(co_name=name)
    try:
        yield refused
    finally:
        for check, code, _copy in originals.values():
            check.__code__ = code
        for key in ("_mutation_sys", "_mutation_called", "_mutation_originals"):
            vars(policy).pop(key, None)


def _rows():
    for name in sorted(matrix_tests.WRITES):
        for role in STAFF_ROLES:
            yield "POST", name, role
    for name in sorted(matrix_tests.MATRIX):
        for role in STAFF_ROLES:
            yield "GET", name, role
    for name in matrix_tests.SIGNED_IN_PAGES:
        yield "GET", name, None  # signed in, without a role


def _get(role, name, *, login, demo):
    if role is None:
        matrix_tests.check_without_role(name, login=login, demo=demo)
        return
    url_for, expected = matrix_tests.MATRIX[name]
    response = login(role).get(url_for(demo))
    assert response.status_code == expected[role], (
        f"GET {name} as {role}: {response.status_code}, expected {expected[role]}")


def _run(row, *, login, demo) -> str | None:
    """The row's failure, or None; in a savepoint rolled back after it."""
    method, name, role = row
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


def test_the_matrix_catches_every_capability_made_to_allow_everything(login, demo):
    refused_in: dict[str, list] = {name: [] for name in CAPABILITIES}
    failures = []
    for row in _rows():
        with recording() as refused:
            failure = _run(row, login=login, demo=demo)
        if failure:
            failures.append(failure)
        for name in refused:
            refused_in[name].append(row)
    assert not failures, f"The matrix fails without a mutant: {failures[:5]}"

    caught, survived = {}, []
    for capability in MUTANTS:
        with always_allowed(capability):
            caught[capability] = next(
                (failure for row in refused_in[capability]
                 if (failure := _run(row, login=login, demo=demo))), None)
        if caught[capability] is None:
            survived.append(f"{capability} (refused in {len(refused_in[capability])} rows)")
        else:
            print(f"{capability}: caught by {caught[capability]}")
    print(f"Mutants caught: {len(MUTANTS) - len(survived)} of {len(MUTANTS)}")
    assert not survived, f"Capabilities made to allow everything the matrix misses: {survived}"
