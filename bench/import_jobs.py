"""An upload of 20 documents through the background queue (issue 13).

    make bench-import       # or: DEMO_MODE=1 .venv/bin/python bench/import_jobs.py

Uses DATABASE_URL (default: SQLite in db/, as `make run`), migrates and loads the demo if
needed, then as the office (test client, second factor verified) uploads 20 text
documents (the five seeds and three fixtures, cycled, each made unique for this run):

- with the database queue: the time until the upload request answers, then the time
  `manage.py db_worker --batch` takes to read all 20 (the background time);
- for comparison, the same kind of upload read inside the request (TASKS_BACKEND=immediate),
  as every upload was before.

Prints the figures; asserts nothing about time (the tests never measure the clock).
"""

import time
import uuid
from io import StringIO
from pathlib import Path

from common import BASE_DIR, setup_django, signed_in_client

SEEDS = BASE_DIR / "insatsportal" / "demo" / "seeds"
FIXTURES = BASE_DIR / "insatsportal" / "imports" / "parsing" / "tests" / "fixtures"
COUNT = 20


def documents(run: str) -> list:
    from django.core.files.uploadedfile import SimpleUploadedFile

    sources = sorted(SEEDS.glob("*.txt")) + [FIXTURES / name for name in (
        "projekt_ansokan.txt", "beslut_avrundat.txt", "protokoll_tre_paragrafer.txt")]
    files = []
    for n in range(COUNT):
        source = sources[n % len(sources)]
        text = Path(source).read_text("utf-8") + f"\n\nInläsning {run}-{n}\n"
        files.append(SimpleUploadedFile(f"{run}-{n:02d}-{source.name}", text.encode()))
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
    from django.test import override_settings

    from insatsportal.jobs.models import Job

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    client = signed_in_client("kansli")
    client.get("/")  # warm up: templates, word lists

    queue = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    with override_settings(TASKS=queue):
        answered, url = upload(client, documents(uuid.uuid4().hex[:8]))
        start = time.perf_counter()
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload",
                     verbosity=0, stdout=StringIO())
        background = time.perf_counter() - start
    job = Job.objects.get(pk=url.rstrip("/").rsplit("/", 1)[-1])
    print(f"database queue: the upload of {COUNT} documents answered in {answered:.2f} s; "
          f"the worker read them in {background:.1f} s "
          f"({job.get_status_display()}, {job.done}/{job.total})")

    immediate = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with override_settings(TASKS=immediate):
        inline, _url = upload(client, documents(uuid.uuid4().hex[:8]))
    print(f"read inside the request (TASKS_BACKEND=immediate, as before): {inline:.1f} s")


if __name__ == "__main__":
    main()
