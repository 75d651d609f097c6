"""Forms that guide: every help text and error an input points to exists, a posted form
with problems starts with a summary linking to each field, and every message is Swedish.

The pages come from the permission matrix, so a new form is swept as soon as it is listed.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from insatsportal.core.idempotency import FIELD_NAME
from insatsportal.core.tests.urlwalk import collect_matrix
from insatsportal.interventions.models import Intervention

MATRIX = collect_matrix()
ROLES = ["kansli", "insatsansvarig", "deltagaransvarig"]


class _Refs(HTMLParser):
    """ids on the page, and what aria-describedby, label[for] and in-page links point to."""

    def __init__(self):
        super().__init__()
        self.ids, self.refs = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        for target in (attrs.get("aria-describedby") or "").split():
            self.refs.append((tag, "aria-describedby", target))
        if tag == "label" and attrs.get("for"):
            self.refs.append((tag, "for", attrs["for"]))
        if tag == "a" and (attrs.get("href") or "").startswith("#") and len(attrs["href"]) > 1:
            self.refs.append((tag, "href", attrs["href"][1:]))

    def dangling(self):
        return [ref for ref in self.refs if ref[2] not in self.ids]


def _dangling(html):
    parser = _Refs()
    parser.feed(html)
    return parser.dangling()


@pytest.mark.parametrize("role", ROLES)
def test_every_page_points_only_to_ids_that_exist(role, login, demo):
    client, problems = login(role), {}
    for name, (url_for, expected) in sorted(MATRIX.items()):
        if expected[role] != 200:
            continue
        response = client.get(url_for(demo))
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            if found := _dangling(response.content.decode()):
                problems[name] = found
    assert problems == {}


def test_an_empty_login_says_what_is_missing_in_swedish(client, demo):
    page = client.post(reverse("accounts:login"), {"username": "", "password": ""})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Formuläret har 2 fel" in html
    assert '<a href="#id_username">Användarnamn: Detta fält måste fyllas i.</a>' in html
    assert 'aria-describedby="id_username_error"' in html and 'id="id_username_error"' in html
    assert _dangling(html) == []


def test_a_registration_with_problems_keeps_the_text_and_links_each_problem(login):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    page = login("deltagaransvarig").post(
        reverse("participants:register", args=[intervention.pk]),
        {"personnummer": "19900101-0000", "name": "Kvar Text", "sex": ""})
    html = page.content.decode()
    start = html.index('<div class="error-summary"')
    summary = html[start:html.index("</div>", start)]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    for field in ("personnummer", "sex", "consent_given_on", "consent_form_version"):
        assert f'href="#id_{field}"' in summary
    assert 'value="Kvar Text"' in html
    assert 'aria-invalid="true"' in html
    # Help texts are where the inputs say they are.
    assert 'aria-describedby="id_personnummer_helptext id_personnummer_error"' in html
    assert 'id="id_personnummer_helptext"' in html
    assert _dangling(html) == []


def test_forms_ask_the_browser_not_to_validate_so_its_english_never_shows(login):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    html = login("deltagaransvarig").get(
        reverse("participants:register", args=[intervention.pk])).content.decode()
    assert 'src="/static/core/forms.js"' in html  # sets noValidate on every form
    assert '<form method="post" novalidate' in html or "novalidate" in html


WRITES = collect_matrix("WRITES")


def test_every_form_posted_empty_shows_its_problems_in_a_summary_with_working_links(
        login, demo):
    """Each POST endpoint of the matrix, posted empty by a role allowed to write: a page
    that answers with fields in error starts with a summary, and points only to ids that
    exist (the errors' own ids included)."""
    problems, checked = {}, []
    for name, write in sorted(WRITES.items()):
        role = next((r for r, status in write.expected.items()
                     if status == 302 and r != "anonymous"), None)
        if role is None:
            continue
        client, url = login(role), write.url(demo)
        # Forms sent once carry a one-time token: take it from the page, as a browser does.
        token = re.search(rf'name="{FIELD_NAME}" value="([^"]+)"', client.get(url).content.decode())
        response = client.post(url, {FIELD_NAME: token.group(1)} if token else {})
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        if 'aria-invalid="true"' not in html:
            continue
        checked.append(name)
        if "data-error-summary" not in html:
            problems[name] = "no error summary"
        elif found := _dangling(html):
            problems[name] = found
    assert len(checked) >= 5, checked  # forms where an empty post is a problem
    assert problems == {}
