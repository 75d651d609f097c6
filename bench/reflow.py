"""Reflow sweep: how wide every page is at 320 CSS pixels, for every role that may open it.

    DEMO_MODE=1 DATABASE_URL=postgres://… .venv/bin/python bench/reflow.py \
        --base-url http://127.0.0.1:8000 [--width 320] [--role kansli …]

Needs a running demo server (`make run`) on the same database and Debian's chromium. Walks
every page of the permission matrix that a role gets with 200 (the matrix builds the URL
from the demo data, as the permission test does) and prints the page's scroll width; pages
wider than the window scroll sideways (WCAG 1.4.10) and are listed with the widest elements.
The browser test tests/browser/test_reflow.py holds the main pages to this; this script is
the full survey.
"""

import argparse
import shutil
import sys

from common import setup_django

# The widest elements that stick out of the window, to say what to fix.
CULPRITS = """(width) => [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1 && e.offsetParent !== null
               && !e.closest('.table-scroll'))
  .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string'
            ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
            + ' ' + Math.round(e.getBoundingClientRect().right))
  .slice(-4)"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--width", type=int, default=320)
    parser.add_argument("--role", action="append")
    options = parser.parse_args()
    setup_django()
    from django.db import transaction
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    from insatsportal.core.tests.matrix import STAFF_ROLES
    from insatsportal.core.tests.urlwalk import collect_matrix
    from insatsportal.organisations.models import Association

    demo = Association.objects.order_by("pk").first()
    # URLs first: Django's ORM must not run inside Playwright's event loop.
    urls = {}
    for name, (url_for, _expected) in sorted(collect_matrix().items()):
        try:
            with transaction.atomic():
                urls[name] = url_for(demo)
        except Exception as error:  # noqa: BLE001 - a survey reports and goes on
            print(f"{name:45} (no URL: {error.__class__.__name__}: {error})")
    matrix = collect_matrix()
    roles = options.role or list(STAFF_ROLES)
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Debian's chromium is not installed.")
    wide = total = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for role in roles:
            context = browser.new_context(base_url=options.base_url, locale="sv-SE",
                                          viewport={"width": options.width, "height": 800})
            page = context.new_page()
            page.goto("/konto/logga-in/")
            page.get_by_label("Användarnamn").fill(role)
            page.get_by_label("Lösenord").fill("insatsportal-demo")
            page.get_by_role("button", name="Logga in").click()
            page.wait_for_load_state()
            for name, (_url_for, expected) in sorted(matrix.items()):
                if expected.get(role) != 200 or name not in urls:
                    continue
                url = urls[name]
                try:
                    response = page.goto(url)
                except PlaywrightError:  # a download, not a page
                    continue
                if response is None or "text/html" not in response.headers.get("content-type",
                                                                                 ""):
                    continue
                if not page.locator("main").count():  # an htmx fragment, not a page
                    continue
                total += 1
                width = page.evaluate("document.documentElement.scrollWidth")
                if width > options.width:
                    wide += 1
                    culprits = ", ".join(page.evaluate(CULPRITS, options.width))
                    print(f"{role:17} {name:45} {width:5} px  {culprits}")
            context.close()
        browser.close()
    print(f"{wide} of {total} pages wider than {options.width} px.")
    return 1 if wide else 0


if __name__ == "__main__":
    sys.exit(main())
