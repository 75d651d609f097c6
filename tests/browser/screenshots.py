"""Screenshots of the main pages at 1 366 and 320 CSS pixels, for docs/screenshots/.

    make run                                   # the demo on http://127.0.0.1:8000
    DEMO_MODE=1 .venv/bin/python tests/browser/screenshots.py [--base-url URL]

Needs Debian's chromium and the demo server's database in DATABASE_URL (the URLs are built
from the demo data as the permission matrix builds them). Each page is captured from the top,
at most --max-height pixels long, so that the files stay small; a page taller than that is
cut and its full height is printed. Not a test: run it after a visible change and commit
the PNG files.
"""

import argparse
import shutil
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(BASE_DIR))
sys.path.insert(0, str(BASE_DIR / "bench"))

WIDTHS = (1366, 320)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default=str(BASE_DIR / "docs" / "screenshots"))
    parser.add_argument("--max-height", type=int, default=2400)
    parser.add_argument("--only", action="append", help="file stem, e.g. budget")
    options = parser.parse_args()

    from common import setup_django

    setup_django()
    from django.urls import reverse
    from playwright.sync_api import sync_playwright

    from tests.browser.pages import SCREENSHOTS, demo_draft, demo_sign_in, demo_urls

    urls = demo_urls({name for _stem, _role, name in SCREENSHOTS})
    draft = demo_draft()  # the form and the budget with content, not an empty draft
    urls["applications:edit"] = reverse("applications:edit", args=[draft.pk])
    urls["applications:budget"] = reverse("applications:budget", args=[draft.pk])
    chromium = shutil.which("chromium")
    if not chromium:
        sys.exit("Debian's chromium is not installed.")
    out = Path(options.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for stem, role, name in SCREENSHOTS:
            if options.only and stem not in options.only:
                continue
            for width in WIDTHS:
                context = browser.new_context(
                    base_url=options.base_url, locale="sv-SE",
                    viewport={"width": width, "height": 900 if width > 600 else 720})
                page = context.new_page()
                demo_sign_in(page, role)
                page.goto(urls[name])
                page.wait_for_load_state("networkidle")
                height = page.evaluate("document.documentElement.scrollHeight")
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                path = out / f"{stem}-{width}.png"
                page.screenshot(path=str(path), full_page=True, clip={
                    "x": 0, "y": 0, "width": width, "height": min(height, options.max_height)})
                print(f"{path.name:34} {role:17} page {scroll_width} × {height} px")
                context.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
