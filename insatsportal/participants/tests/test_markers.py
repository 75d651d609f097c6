"""Plant unique marker values in every participant field; no one outside the scope sees them.

Every URL pattern of the system (the permission matrix), every participant URL
with the planted record's id, and the name search are requested as each role
that may not see the participant; none of the answers may hold a marker.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from insatsportal.core.tests.matrix import ROLES
from insatsportal.core.tests.test_permission_matrix import MATRIX
from insatsportal.participants.tests.planting import MARKERS, plant

pytestmark = pytest.mark.django_db

# The participant's consent names Region Uppsala only: the AF case worker is outside too.
OUTSIDE = [r for r in ROLES if r != "deltagaransvarig"]


def _participant_routes(patterns=None, namespace=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _participant_routes(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name and "<uuid:pk>" in str(entry.pattern):
            yield f"{namespace}{entry.name}"


def _found(text: str) -> list[str]:
    return [marker for marker in MARKERS if marker.casefold() in text.casefold()]


def _urls(demo, participant):
    urls = [url_for(demo) for url_for, _ in MATRIX.values()]
    urls += [reverse(name, args=[participant.pk]) for name in _participant_routes()]
    return urls


def test_the_coordinator_sees_the_markers_so_the_test_can_fail(login, demo):
    participant = plant()
    page = login("deltagaransvarig").get(f"/deltagare/{participant.pk}/").content.decode()
    assert set(_found(page)) >= {MARKERS[0], MARKERS[1]}


@pytest.mark.parametrize("role", OUTSIDE)
def test_no_page_search_or_export_reveals_a_marker_outside_the_scope(login, demo, role):
    participant = plant()
    client = login(role)
    leaks = {}
    for url in _urls(demo, participant):
        response = client.get(url)
        found = _found(response.content.decode(errors="replace"))
        if found:
            leaks[url] = found
    search = client.post(f"/deltagare/insats/{participant.intervention_id}/sok/",
                         {"q": MARKERS[0]}, follow=True)
    if _found(search.content.decode()):
        leaks["search"] = _found(search.content.decode())
    assert leaks == {}
