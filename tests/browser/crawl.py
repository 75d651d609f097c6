"""One walk over every main page of every role, shared by the axe test
(test_accessibility.py) and the reflow test (test_reflow.py).

"Every main page" is one URL per named URL pattern that the permission matrix
(insatsportal/*/tests/matrix.py) answers with 200 for the role, built from the demo data
as the matrix builds it; downloads, htmx fragments and JSON are left out by what they
answer (no HTML document with a title). Each role signs in once, in one browser context, and
each page is loaded once: its width is measured at 320 CSS pixels (WCAG 1.4.10), then the
window is widened to 1 280 pixels and axe-core checks WCAG 2.1 A and AA. Every link on the
page is looked up in the matrix: a link the role may not follow is reported.

Then each form with fields is sent once, empty (the browser's own checks switched off, so
that the server answers), by the first role that may open it, and axe checks the page that
answers with the errors.

The walk runs once per test process; the two tests read its result.
"""

import hashlib
from urllib.parse import urlsplit

from django.urls import Resolver404, resolve

from insatsportal.core.tests.matrix import STAFF_ROLES
from insatsportal.core.tests.urlwalk import collect_matrix

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NARROW = {"width": 320, "height": 720}
WIDE = {"width": 1280, "height": 800}
# The API's documentation page is Django Ninja's Swagger UI, not the service's own markup.
NOT_MAIN_PAGES = {"api_v1:openapi-view"}

# The page's width at 320 px, what sticks out of the window outside a scrolling region (to
# say what to fix), and scrolling regions a keyboard user cannot reach or a reader not name.
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const page = document.documentElement.scrollWidth;
  const culprits = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.table-scroll'))
    .slice(-3).map(e => e.tagName.toLowerCase()
                        + (typeof e.className === 'string' && e.className.trim()
                           ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
  const regions = [...document.querySelectorAll('.table-scroll.scrolls')]
    .filter(r => r.tabIndex !== 0 || r.getAttribute('role') !== 'region'
                 || !(r.getAttribute('aria-label') || r.getAttribute('aria-labelledby')))
    .length;
  return {page, width, culprits, regions};
}"""

AXE_RUN = """async (tags) => {
  // Only violations are wanted: axe then keeps no detail of what passed (much faster).
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                          resultTypes: ['violations']});
  return result.violations.map(v => `${v.id} (${v.impact}): ${v.help} — ` +
      v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '));
}"""

# The forms of the page's <main> that have a field to fill in (forms of buttons only are
# actions, not sent here).
FORMS_WITH_FIELDS = """() => [...document.querySelectorAll('main form')]
  .map((form, index) => ({form, index}))
  .filter(({form}) => form.method === 'post' && [...form.elements].some(el =>
      (['TEXTAREA', 'SELECT'].includes(el.tagName) || (el.tagName === 'INPUT'
       && !['hidden', 'checkbox', 'radio', 'submit', 'button', 'reset'].includes(el.type)))
      && !el.disabled))
  .map(({index}) => index)"""

# Empty every field of the form and send it as its first submit button would, past the
# browser's checks and past htmx, so that the server's messages are what the user sees.
SEND_EMPTY = """(index) => {
  const form = document.querySelectorAll('main form')[index];
  for (const el of form.elements) {
    if (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT'
        && !['hidden', 'checkbox', 'radio', 'submit', 'button', 'reset'].includes(el.type))) {
      el.value = '';
    } else if (el.tagName === 'SELECT' && [...el.options].some(o => o.value === '')) {
      el.value = '';
    }
  }
  const button = form.querySelector('button:not([type]), button[type=submit], input[type=submit]');
  if (button && button.name) {
    const pressed = document.createElement('input');
    pressed.type = 'hidden';
    pressed.name = button.name;
    pressed.value = button.value;
    form.appendChild(pressed);
  }
  if (button && button.hasAttribute('formaction')) form.action = button.formAction;
  form.noValidate = true;
  HTMLFormElement.prototype.submit.call(form);
}"""

# The markup of the page's <main>, without the values of hidden fields (a fresh CSRF or
# form token on every request): a role whose page is the same as one already checked for
# another role gets the same answer from axe, so axe is not run again. (The header, which
# differs by role, is checked on each role's first page.)
MAIN_MARKUP = """() => {
  const main = (document.querySelector('main') || document.body).cloneNode(true);
  main.querySelectorAll('input[type=hidden]').forEach(el => el.removeAttribute('value'));
  return main.outerHTML;
}"""

_RESULT = {}


def main_page_urls(demo) -> dict[str, str]:
    """{"app:name": URL} for every pattern some staff role may open (200 in the matrix)."""
    from django.db import transaction

    urls = {}
    # The start page first: each role's header is checked there.
    for name, (url_for, expected) in sorted(collect_matrix().items(),
                                            key=lambda item: (item[0] != "core:start", item[0])):
        if name in NOT_MAIN_PAGES or not any(expected.get(r) == 200 for r in STAFF_ROLES):
            continue
        with transaction.atomic():
            urls[name] = url_for(demo)
    return urls


def _axe(page, source) -> list[str]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=source)
    return page.evaluate(AXE_RUN, WCAG_TAGS)


def _refused_links(page, role, matrix) -> list[str]:
    """Links on the page (header and main) to a pattern the matrix refuses the role."""
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    refused = []
    for href in set(page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")):
        parts = urlsplit(href)
        if f"{parts.scheme}://{parts.netloc}" != origin:
            continue
        try:
            name = resolve(parts.path).view_name
        except Resolver404:
            continue
        status = matrix.get(name, (None, {}))[1].get(role)
        if status in (403, 404, 405):
            refused.append(f"{parts.path} ({name}: {status})")
    return refused


def _open(page, url):
    """The response if the URL is a page of the service (an HTML document), else None."""
    from playwright.sync_api import Error as PlaywrightError

    try:
        response = page.goto(url)
    except PlaywrightError:  # a download starts: not a page
        return None
    if response is None or "text/html" not in response.headers.get("content-type", ""):
        return None
    # An htmx fragment has no <title>; a page has one (the print view has no <main>).
    if response.status == 200 and not page.locator("head > title").count():
        return None
    return response


def walk(browser, base_url, sign_in, urls, axe_source, roles=STAFF_ROLES) -> dict:
    """Visit every main page of every role and send every form empty; what was found."""
    matrix = collect_matrix()
    result = {"pages": 0, "violations": [], "wide": {}, "refused": [], "not_ok": [],
              "skipped": set(), "same_as_checked": 0, "forms": 0, "forms_accepted": []}
    contexts, pages, forms = {}, {}, {}
    checked = set()
    for role in roles:
        context = browser.new_context(base_url=base_url, locale="sv-SE", bypass_csp=True,
                                      viewport=NARROW)
        contexts[role] = context
        page = pages[role] = sign_in(role, target=context.new_page())
        for name, url in urls.items():
            if matrix[name][1].get(role) != 200:
                continue
            response = _open(page, url)
            if response is None:
                result["skipped"].add(name)
                continue
            if response.status != 200:
                result["not_ok"].append(f"{role}: {name} {url} ({response.status})")
                continue
            result["pages"] += 1
            found = page.evaluate(MEASURE)
            if found["page"] > found["width"] or found["regions"]:
                result["wide"][f"{role}: {name} {url}"] = found
            markup = hashlib.sha256(page.evaluate(MAIN_MARKUP).encode()).hexdigest()
            if markup in checked:
                result["same_as_checked"] += 1
            elif axe_source:
                checked.add(markup)
                page.set_viewport_size(WIDE)
                result["violations"] += [f"{role}: {url}: {line}"
                                         for line in _axe(page, axe_source)]
                page.set_viewport_size(NARROW)
            result["refused"] += [f"{role}: {url} links to {link}"
                                  for link in _refused_links(page, role, matrix)]
            for index in page.evaluate(FORMS_WITH_FIELDS):
                forms.setdefault((name, index), (role, url))
    # Forms in error, once each, after every page is seen (an empty form that is accepted
    # changes data).
    for (name, index), (role, url) in sorted(forms.items()):
        page = pages[role]
        page.set_viewport_size(WIDE)
        if _open(page, url) is None:
            continue
        with page.expect_navigation() as navigation:
            page.evaluate(SEND_EMPTY, index)
        status = navigation.value.status if navigation.value else 0
        label = f"{role}: form {index + 1} of {name} {url}"
        if status >= 500:
            result["not_ok"].append(f"{label} answered {status}")
            continue
        if not page.locator("[data-error-summary], [aria-invalid=true], .errorlist").count():
            result["forms_accepted"].append(label)
            continue
        result["forms"] += 1
        if axe_source:
            result["violations"] += [f"{label}, in error: {line}"
                                     for line in _axe(page, axe_source)]
    for context in contexts.values():
        context.close()
    return result


def walk_once(browser, base_url, sign_in, demo, axe_source) -> dict:
    """The walk's result, made by the first test of the process that asks for it."""
    if not _RESULT:
        urls = main_page_urls(demo)  # before Playwright: the ORM stays out of its loop
        _RESULT.update(walk(browser, base_url, sign_in, urls, axe_source))
        print(f"\nWalk: {_RESULT['pages']} pages ({_RESULT['same_as_checked']} the same as "
              f"one checked) and {_RESULT['forms']} forms in error; "
              f"not pages: {sorted(_RESULT['skipped'])}; "
              f"forms accepted empty: {_RESULT['forms_accepted']}")
    return _RESULT


walk_once.result = _RESULT
