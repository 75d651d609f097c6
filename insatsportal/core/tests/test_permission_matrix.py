import pytest

from insatsportal.accounts.models import User
from insatsportal.core.tests.fingerprint import changed_tables, database_fingerprint
from insatsportal.core.tests.matrix import LOGIN_REDIRECT, REFUSED, ROLES
from insatsportal.core.tests.urlwalk import collect_matrix, named_patterns, write_patterns

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


# A signed-in user whose roles were all withdrawn keeps their own account pages and the
# start page (which says they have no role), and is refused every other page.
OWN_PAGES = ("accounts:", "core:start")
SIGNED_IN_PAGES = sorted(name for name, (_url, expected) in MATRIX.items()
                         if expected["anonymous"] == LOGIN_REDIRECT)


def check_without_role(name, *, login, demo):
    url_for, expected = MATRIX[name]
    user = User.objects.create_user("utan_roll", password="utan-roll-losen")
    response = login(user).get(url_for(demo))
    # 405 (a POST-only address) is answered before any role is asked.
    own = name.startswith(OWN_PAGES) or expected["rapportlasare"] == 405
    wanted = expected["rapportlasare"] if own else 403
    assert response.status_code == wanted, (
        f"{name} without a role: {response.status_code}, expected {wanted}")


@pytest.mark.parametrize("name", SIGNED_IN_PAGES)
def test_a_user_without_a_role_is_refused_all_but_their_own_account(name, login, demo):
    check_without_role(name, login=login, demo=demo)


WRITES = collect_matrix("WRITES")


def test_it_covers_every_write_endpoint():
    # A key may name a variant after the pattern: "applications:edit decided".
    covered = {key.split()[0] for key in WRITES}
    missing = sorted(set(write_patterns()) - covered)
    assert missing == [], f"Write endpoints missing from the matrix's WRITES: {missing}"
    assert sorted(covered - set(_named_patterns())) == []


def post_as(role, name, *, login, demo):
    """POST the row's data as `role`; the response and the tables the request changed."""
    row = WRITES[name]
    url = row.url(demo)  # may create the record it points at
    data = row.data(demo, url)
    client = login(role)
    before = database_fingerprint()
    response = client.post(url, data)
    return response, changed_tables(before, database_fingerprint())


def check_write(role, name, *, login, demo):
    response, changed = post_as(role, name, login=login, demo=demo)
    expected = WRITES[name].expected[role]
    assert response.status_code == expected, (
        f"POST {name} as {role}: {response.status_code}, expected {expected}")
    anonymous = role == "anonymous" and not WRITES[name].public
    if expected in REFUSED or anonymous:
        assert changed == [], f"POST {name} as {role} was refused but changed {changed}"
    if anonymous:
        assert response["Location"].startswith("/konto/logga-in/?next="), name


@pytest.mark.parametrize("name", sorted(WRITES))
@pytest.mark.parametrize("role", ROLES)
def test_a_write_answers_each_role_and_a_refused_one_changes_nothing(name, role, login, demo):
    check_write(role, name, login=login, demo=demo)


def _first_writer(name):
    """The first role the row expects to write (302 after the write), if any."""
    if not WRITES[name].writes:
        return None
    return next((role for role, status in WRITES[name].expected.items()
                 if status == 302 and role != "anonymous"), None)


@pytest.mark.parametrize("name", sorted(n for n in WRITES if _first_writer(n)))
def test_each_write_row_changes_data_for_a_role_allowed_to_write(name, login, demo):
    """The rows' data really writes, so the refusals above are tested on a working write."""
    role = _first_writer(name)
    _response, changed = post_as(role, name, login=login, demo=demo)
    assert changed, f"POST {name} as {role} changed nothing"
