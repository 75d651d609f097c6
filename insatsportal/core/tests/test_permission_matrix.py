import pytest

from insatsportal.core.tests.matrix import ROLES
from insatsportal.core.tests.urlwalk import collect_matrix, named_patterns

MATRIX = collect_matrix()
_named_patterns = named_patterns


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
