"""An upload of 20 documents through the background queue (issue 13).

    make bench-import       # or: DEMO_MODE=1 .venv/bin/python bench/import_jobs.py

Uses DATABASE_URL (default: SQLite in db/, as `make run`), migrates and loads the demo if
needed, then as the office (test client, second factor verified) uploads 20 text
documents (the five seeds, the parser's text, Word and PDF fixtures and a scanned PDF,
cycled, each made unique for this run):

- with the database queue: the time until the upload request answers, then the time
  `manage.py db_worker --batch` (its own process) takes to read all 20 (the background
  time), while another person signs in five times a second: how many sign-ins went through,
  how many the database refused (SQLite's "database is locked"), the slowest;
- for comparison, the same kind of upload read inside the request (TASKS_BACKEND=immediate),
  as every upload was before.

Prints the figures; asserts nothing about time (the tests never measure the clock).
"""

import io
import subprocess
import sys
import time
import uuid
from pathlib import Path

from common import BASE_DIR, setup_django, signed_in_client

SEEDS = BASE_DIR / "insatsportal" / "demo" / "seeds"
FIXTURES = BASE_DIR / "insatsportal" / "imports" / "parsing" / "tests" / "fixtures"
COUNT = 20


def _unique(path: Path, mark: str) -> bytes:
    """The file with this run's mark: a line of text, a Word property, a PDF comment."""
    if path.suffix == ".txt":
        return (path.read_text("utf-8") + f"\n\nInläsning {mark}\n").encode("utf-8")
    if path.suffix == ".docx":
        import docx

        document = docx.Document(str(path))
        document.core_properties.comments = mark
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    return path.read_bytes() + f"\n% {mark}\n".encode()  # after %%EOF: readers ignore it


def documents(run: str) -> list:
    """The five seeds, the text fixtures, a Word file, two PDFs with text and a scan."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    sources = sorted(SEEDS.glob("*.txt")) + [FIXTURES / name for name in (
        "projekt_ansokan.txt", "beslut_avrundat.txt", "protokoll_tre_paragrafer.txt",
        "ansokan_tabellbudget.docx", "ansokan_tabeller.pdf", "ansokan_tvaspalt.pdf",
        "beslut_003_skannad.pdf")]
    files = []
    for n in range(COUNT):
        source = Path(sources[n % len(sources)])
        files.append(SimpleUploadedFile(f"{run}-{n:02d}-{source.name}",
                                        _unique(source, f"{run}-{n}")))
    return files


def upload(client, files) -> tuple[float, str]:
    from django.urls import reverse

    start = time.perf_counter()
    response = client.post(reverse("imports:list"), {"files": files})
    elapsed = time.perf_counter() - start
    if response.status_code != 302:
        raise SystemExit(f"The upload answered {response.status_code}, not a redirect.")
    return elapsed, response.url


def main() -> None:
    setup_django()
    from django.core.management import call_command
    from django.db import OperationalError
    from django.test import Client, override_settings

    from insatsportal.accounts.models import User
    from insatsportal.jobs.models import Job

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    client = signed_in_client("kansli")
    client.get("/")  # warm up: templates, word lists

    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=queue):
        answered, url = upload(client, documents(uuid.uuid4().hex[:8]))
    # The worker in its own process, as make run and the worker service run it, while
    # another person signs in again and again (each sign-in writes the session).
    start = time.perf_counter()
    worker = subprocess.Popen(  # noqa: S603 - our interpreter and manage.py
        [sys.executable, str(BASE_DIR / "manage.py"), "db_worker", "--batch",
         "--no-startup-delay", "--no-reload", "-v", "0"], cwd=BASE_DIR)
    board_member = User.objects.get(username="styrelse")
    signed_in, refused, slowest = 0, 0, 0.0
    while worker.poll() is None:
        began = time.perf_counter()
        try:
            Client().force_login(board_member)  # writes the session and last_login
            signed_in += 1
        except OperationalError:
            refused += 1
        slowest = max(slowest, time.perf_counter() - began)
        time.sleep(0.2)  # a busy office: five sign-ins a second
    background = time.perf_counter() - start
    job = Job.objects.get(pk=url.rstrip("/").rsplit("/", 1)[-1])
    failed = job.items.filter(status="failed").count()
    print(f"database queue: the upload of {COUNT} documents answered in {answered:.2f} s; "
          f"the worker read them in {background:.1f} s "
          f"({job.get_status_display()}, {job.done}/{job.total}, {failed} not readable)")
    print(f"meanwhile another person signed in {signed_in} times, refused {refused} times "
          f"(slowest sign-in {slowest:.2f} s)")

    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        inline, _url = upload(client, documents(uuid.uuid4().hex[:8]))
    print(f"read inside the request (TASKS_BACKEND=immediate, as before): {inline:.1f} s")


if __name__ == "__main__":
    main()
