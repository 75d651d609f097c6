"""Benchmark: how fast a zip bomb is refused, as .docx on the import page and as .xlsx on
the budget upload, and what another signed-in user notices meanwhile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/insatsportal_bench_uploads \\
        .venv/bin/python bench/upload_bombs.py

Builds the bombs in memory (about 500 kB each, unpacking to about 150 MB, like the files
measured on the unguarded service: a 568 kB .xlsx of 192 MB ran for over 3 minutes and
1 GB, a 492 kB .docx timed out after 150 s). Prints:
  1. the guard alone (core/uploads/), median and max of BENCH_RUNS refusals, and what it
     adds to an honest Word application and budget workbook;
  2. the whole request through Django's test client on PostgreSQL (the demo loaded),
     with the check that nothing was saved;
  3. another user's page loads before and while bombs are posted in a second thread.
A figure, not a test: the suite asserts refusal and nothing saved, never a time.
"""

import io
import os
import statistics
import sys
import threading
import time
import zipfile

from common import create_database, postgres_url, setup_django

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/insatsportal_bench_uploads"
RUNS = int(os.environ.get("BENCH_RUNS", 20))
BOMB_MB = 150


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _line(label: str, times: list[float]) -> None:
    print(f"  {label:<44} median {_ms(statistics.median(times)):>10}   "
          f"max {_ms(max(times)):>10}")


def guard_alone(bombs_by_kind: dict) -> None:
    from django.core.exceptions import ValidationError

    print("1. The guard alone (no database):")
    for kind, (content, check) in bombs_by_kind.items():
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            try:
                check(content)
            except ValidationError:
                times.append(time.perf_counter() - started)
            else:
                sys.exit(f"The {kind} bomb was not refused.")
        _line(f".{kind} bomb refused", times)


def signed_in_client(username: str):
    """As common.signed_in_client, for several clients in one process."""
    from django.test import Client

    from conftest import verify_second_factor
    from insatsportal.accounts.models import User

    user = User.objects.get(username=username)
    client = Client()
    client.force_login(user)
    verify_second_factor(client, user)
    return client


def guard_cost() -> None:
    """What the guard adds to an honest upload: a Word application with tables and the
    budget workbook as the system writes it."""
    from pathlib import Path

    from insatsportal.applications import selectors
    from insatsportal.applications.excel import budget_to_xlsx
    from insatsportal.core import uploads

    fixture = (Path(__file__).resolve().parents[1] / "insatsportal" / "imports" / "parsing"
               / "tests" / "fixtures" / "ansokan_tabellbudget.docx").read_bytes()
    draft = _draft()
    budget = budget_to_xlsx(name=draft.name, planned_start=draft.planned_start,
                            planned_end=draft.planned_end, data=selectors.budget_data(draft))
    print("   What the guard adds to an honest file:")
    for label, content, check in ((f"Word application ({len(fixture) // 1024} kB)", fixture,
                                   uploads.docx_check),
                                  (f"budget workbook ({len(budget) // 1024} kB)", budget,
                                   uploads.xlsx_check)):
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            check(content)
            times.append(time.perf_counter() - started)
        _line(label + " passed", times)


def _counts():
    from insatsportal.core.models import AuditEntry
    from insatsportal.imports.models import ImportedDocument

    return ImportedDocument.objects.count(), AuditEntry.objects.count()


def _post(client, url, field, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    started = time.perf_counter()
    response = client.post(url, {field: SimpleUploadedFile(name, content)})
    elapsed = time.perf_counter() - started
    if response.status_code != 400:
        sys.exit(f"{url} answered {response.status_code}, not 400.")
    return elapsed


def _draft():
    """The owner's draft application the bench uploads budgets to (made once)."""
    from insatsportal.accounts.models import User
    from insatsportal.applications import services
    from insatsportal.applications.models import Application
    from insatsportal.applications.tests.conftest import complete_data

    name = "Bänkprov: budget som zipbomb"
    return (Application.objects.filter(name=name).first()
            or services.application_create_from_data(
                actor=User.objects.get(username="insatsansvarig"),
                data=complete_data(name=name)))


def through_the_pages(docx: bytes, xlsx: bytes) -> None:
    from insatsportal.applications import selectors

    print("2. The whole request (test client, PostgreSQL), nothing saved:")
    office, owner = signed_in_client("kansli"), signed_in_client("insatsansvarig")
    application = _draft()
    budget_url = f"/ansokningar/{application.pk}/budget/las-in/"
    _post(office, "/import/", "files", "ansokan.docx", docx)  # warm-up: templates, catalogues
    _post(owner, budget_url, "file", "budget.xlsx", xlsx)
    before, budget = _counts(), selectors.budget_data(application)
    times = [_post(office, "/import/", "files", "ansokan.docx", docx) for _ in range(RUNS)]
    _line(".docx bomb on the import page", times)
    times = [_post(owner, budget_url, "file", "budget.xlsx", xlsx) for _ in range(RUNS)]
    _line(".xlsx bomb on the budget upload", times)
    saved = _counts() != before or selectors.budget_data(application) != budget
    print(f"  saved anything: {'YES' if saved else 'no'} (documents, audit entries, budget)")


def another_user(docx: bytes) -> None:
    from django.db import connection

    print("3. Another user's page (/import/) meanwhile:")
    reader = signed_in_client("kansli")
    attacker = signed_in_client("kansli")

    def load(count):
        times = []
        for _ in range(count):
            started = time.perf_counter()
            assert reader.get("/import/").status_code == 200  # noqa: S101
            times.append(time.perf_counter() - started)
        return times

    load(3)
    _line("alone", load(RUNS))
    stop = threading.Event()
    posted = []

    def attack():
        while not stop.is_set():
            posted.append(_post(attacker, "/import/", "files", "bomb.docx", docx))
        connection.close()

    thread = threading.Thread(target=attack)
    thread.start()
    try:
        during = load(RUNS)
    finally:
        stop.set()
        thread.join()
    _line(f"while {len(posted)} bombs were posted", during)


def main():
    create_database(postgres_url("upload_bombs.py", DEFAULT_URL))
    setup_django()
    from django.core.management import call_command
    from django.test.utils import setup_test_environment

    from insatsportal.core import uploads
    from insatsportal.core.tests import bombs

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    setup_test_environment()
    docx, xlsx = bombs.docx_bomb(BOMB_MB), bombs.xlsx_bomb(BOMB_MB)
    for kind, content in (("docx", docx), ("xlsx", xlsx)):
        unpacked = sum(m.file_size for m in zipfile.ZipFile(io.BytesIO(content)).infolist())
        print(f"The .{kind} bomb: {len(content) / 1024:.0f} kB, unpacks to "
              f"{unpacked / 1024 / 1024:.0f} MB.")
    pdf = bombs.pdf_bomb(BOMB_MB)
    print(f"The .pdf bomb: {len(pdf) / 1024:.0f} kB, its page unpacks to {BOMB_MB} MB.")
    guard_alone({"docx": (docx, uploads.docx_check), "xlsx": (xlsx, uploads.xlsx_check),
                 "pdf": (pdf, uploads.pdf_check)})
    guard_cost()
    through_the_pages(docx, xlsx)
    another_user(docx)


if __name__ == "__main__":
    main()
