"""Forms that guide: every help text and error an input points to exists, a posted form
with problems starts with a summary linking to each field, and every message is Swedish.

The pages come from the permission matrix, so a new form is swept as soon as it is listed.
"""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

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


class _HiddenInputs(HTMLParser):
    """The hidden inputs of a page's POST form for `action` (csrf, one-time token, version,
    formset counts): what a browser sends when the user fills in nothing."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.done, self.data = action, False, False, {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and not self.done and (a.get("method") or "").lower() == "post" \
                and a.get("action", "") in ("", self.action):
            self.inside = True
        elif self.inside and tag == "input" and a.get("type") == "hidden" and a.get("name"):
            self.data.setdefault(a["name"], a.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form" and self.inside:
            self.inside, self.done = False, True


def _empty_post(client, url):
    page = client.get(url)
    reader = _HiddenInputs(url)
    if page.status_code == 200 and "text/html" in page["Content-Type"]:
        reader.feed(page.content.decode())
    # A browser always sends the csrf field, so the form is bound even with nothing filled in.
    return client.post(url, {"csrfmiddlewaretoken": "x", **reader.data})


REFUSED = (401, 403, 404, 405)
# Forms that posted empty must answer with their problems; the sweep below must keep
# finding them (a change that silences it, e.g. a form no longer bound, fails here).
MUST_COMPLAIN = {
    "accounts:password_reset", "accounts:user_create", "applications:new",
    "applications:edit", "cases:meetings", "cases:recommendation",
    "economy:fiscal_year", "participants:register", "participants:edit",
    "participants:follow_up_policy", "reports:deviations", "reports:meetings",
    "socioeconomics:parameter_create",
}


def test_every_form_posted_empty_shows_its_problems_in_a_summary_with_working_links(
        login, demo):
    """Each POST endpoint of the matrix, posted with nothing filled in by the first role
    allowed to use it: a page that answers with problems starts with a summary that links
    each field's problem to the field, and points only to ids that exist."""
    problems, checked = {}, set()
    for name, write in sorted(WRITES.items()):
        role = next((r for r, status in write.expected.items()
                     if status not in REFUSED and r != "anonymous"), None)
        if role is None:
            continue
        client, url = login(role), write.url(demo)
        response = _empty_post(client, url)
        if response.status_code not in (200, 400) or \
                "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        if 'aria-invalid="true"' not in html and 'class="errorlist' not in html:
            continue
        checked.add(name)
        if "data-error-summary" not in html:
            problems[name] = "no error summary"
        elif 'aria-invalid="true"' in html and not re.search(
                r'data-error-summary.*?<a href="#[^"]+">', html, re.S):
            problems[name] = "the summary links to no field"
        elif found := _dangling(html):
            problems[name] = found
    assert MUST_COMPLAIN - checked == set(), sorted(checked)
    assert problems == {}


def _post_forms(source):
    """The text of each <form method="post"> … </form> of a template."""
    return re.findall(r'<form[^>]*method="post".*?</form>', source, re.S | re.I)


def _shows_summary(block, seen=()):
    if "error_summary" in block:
        return True
    from django.template.loader import get_template

    for name in re.findall(r'{%\s*include\s+"([^"]+)"', block):
        if name not in seen:
            source = get_template(name).template.source
            if _shows_summary(source, (*seen, name)):
                return True
    return False


# A form's fields drawn from a Django form: a loop over its fields, a field template, a
# whole form written out.
DRAWS_FIELDS = re.compile(r'{%\s*for field in|_field\.html|_form\.html|\.as_div|'
                          r'\.as_p\b|\.as_field_group|{{\s*form\s*}}')


def test_every_template_form_with_fields_starts_with_an_error_summary():
    """Each POST form of every template that draws a Django form's fields has
    {% error_summary %} (itself or in a template it includes): a new form cannot forget it."""
    from pathlib import Path

    from django.conf import settings

    root = Path(settings.BASE_DIR) / "insatsportal"
    missing, validating = [], []
    for path in sorted(root.rglob("templates/**/*.html")):
        for block in _post_forms(path.read_text("utf-8")):
            where = f"{path.relative_to(root)}: {block[:80]}"
            if DRAWS_FIELDS.search(block) and not _shows_summary(block):
                missing.append(where)
            # Without JavaScript too, the browser's own (English) messages never show.
            if "novalidate" not in block[:block.index(">") + 1]:
                validating.append(where)
    assert missing == []
    assert validating == []
