"""Through the real queue: the database backend (django-tasks-db) stores the task when the
upload commits, and `manage.py db_worker --batch` runs it, as `make run`'s worker does."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from insatsportal.imports.models import ImportedDocument
from insatsportal.jobs.models import Job

from .helpers import decisions

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                              "QUEUES": ["default"]}}


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload",
                 verbosity=0, stdout=StringIO())


@pytest.mark.django_db(transaction=True)
def test_twenty_documents_wait_in_the_database_queue_until_the_worker_reads_them(
        login, settings):
    settings.TASKS = DATABASE_QUEUE
    kansli = login("kansli")
    before = ImportedDocument.objects.count()

    response = kansli.post(reverse("imports:list"), {"files": decisions(20)})

    job = Job.objects.get()
    assert response.url == reverse("jobs:detail", args=[job.pk])
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and str(queued.id) == job.task_id
    assert ImportedDocument.objects.count() == before  # the request read nothing
    assert "0 av 20 dokument lästa" in kansli.get(response.url).content.decode()

    run_worker()

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL" and queued.return_value == 20
    job.refresh_from_db()
    assert (job.status, job.done) == (Job.Status.DONE, 20)
    assert ImportedDocument.objects.count() == before + 20
    page = kansli.get(response.url, HTTP_HX_REQUEST="true")
    assert page.status_code == 286
    assert "Klart: 20 dokument hanterade." in page.content.decode()
