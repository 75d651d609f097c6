"""An upload answers at once; the page follows the background reading by itself (htmx)
and shows each document's outcome when the worker is done (issue 13)."""

from io import StringIO

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.django_db(transaction=True)
def test_the_job_page_follows_the_worker_without_a_reload(sign_in, settings, tmp_path,
                                                          csp_violations):
    from django.core.management import call_command

    from insatsportal.imports.tests.helpers import seed

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}
    text = seed("003").read_text("utf-8")
    paths = []
    for n in (1, 2):
        path = tmp_path / f"beslut-{n}.txt"
        path.write_text(text.replace("En väg in-steget vidare", f"Insats {n}"), "utf-8")
        paths.append(str(path))

    page = sign_in("kansli")
    page.goto("/import/")
    page.get_by_label("Dokument").set_input_files(paths)
    page.get_by_role("button", name="Läs in dokumenten").click()
    page.wait_for_url("**/jobb/*/")
    bar = page.get_by_role("progressbar")
    expect(bar).to_have_attribute("value", "0")
    expect(page.get_by_text("0 av 2 dokument lästa")).to_be_visible()

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0,
                 stdout=StringIO())

    # no reload: htmx asks again and swaps in the outcome
    expect(page.get_by_text("Klart: 2 dokument hanterade.")).to_be_visible(timeout=15_000)
    expect(page.get_by_role("progressbar")).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text="Jobbet är klart.")).to_have_count(1)
    page.get_by_role("link", name="beslut-1.txt").click()
    page.wait_for_url("**/import/*/")
    assert csp_violations == []
