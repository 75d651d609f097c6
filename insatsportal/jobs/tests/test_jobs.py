"""Long work in the background: an upload answers at once with a page that shows how far
the reading has come, then each document's outcome; a failed job says why and keeps the
files; exports and the board's papers are made in the background with a download."""

import re

import pytest
from django.db import OperationalError
from django.test import TestCase
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.imports import tasks as import_tasks
from insatsportal.imports.models import ImportedDocument
from insatsportal.jobs import services
from insatsportal.jobs.models import Job, JobItem

from .helpers import decisions

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def kansli(login):
    return login("kansli")


def _start_upload(client, files):
    """POST the files without running the job: the answer the person gets at once."""
    return client.post(reverse("imports:list"), {"files": files})


def test_an_upload_of_twenty_documents_answers_at_once_with_the_progress(kansli):
    before = ImportedDocument.objects.count()
    response = _start_upload(kansli, decisions(20))
    job = Job.objects.get()
    assert response.status_code == 302 and response.url == reverse("jobs:detail", args=[job.pk])
    # nothing is read within the request: the twenty files wait in the job
    assert ImportedDocument.objects.count() == before
    assert job.items.filter(status=JobItem.Status.WAITING).count() == 20
    page = kansli.get(response.url).content.decode()
    assert "0 av 20 dokument lästa" in page
    assert re.search(r'<progress max="20" value="0"[^>]*aria-labelledby="job-progress-label"',
                     page)
    assert 'hx-trigger="every 1s"' in page  # htmx asks again until the job ends


def test_the_page_follows_the_reading_step_by_step_and_stops_asking_when_done(kansli):
    _start_upload(kansli, decisions(4))
    job = Job.objects.get()
    items = list(services.job_waiting_items(job))
    services.job_item_handled(items[0], message="läst")
    fragment = kansli.get(reverse("jobs:detail", args=[job.pk]), **HTMX)
    assert fragment.status_code == 200  # still running: keep polling
    assert '<progress max="4" value="1"' in fragment.content.decode()
    assert "1 av 4 dokument lästa" in fragment.content.decode()

    import_tasks.documents_read.call(str(job.pk))  # the worker's call, in this process
    done = kansli.get(reverse("jobs:detail", args=[job.pk]), **HTMX)
    assert done.status_code == 286  # htmx stops polling
    text = done.content.decode()
    assert "Klart: 4 dokument hanterade." in text and "<progress" not in text
    assert text.count("lästes in som beslut eller förslag till beslut") == 3
    assert "Jobbet är klart." in text  # announced in the status region
    for document in ImportedDocument.objects.filter(filename__startswith="beslut-0"):
        assert reverse("imports:review", args=[document.pk]) in text


def test_twenty_documents_are_read_in_the_background_each_with_its_review_link(kansli):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _start_upload(kansli, decisions(20))
    job = Job.objects.get()
    assert job.status == Job.Status.DONE and job.done == 20
    assert ImportedDocument.objects.filter(filename__startswith="beslut-").count() == 20
    page = kansli.get(response.url).content.decode()
    assert page.count(">Klar<") == 20
    assert "hx-trigger" not in page


def test_a_bad_file_gets_its_reason_and_the_others_are_read(kansli):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("gammal.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _start_upload(kansli, [bad, *decisions(1)])
    page = kansli.get(response.url).content.decode()
    assert "gamla Word-formatet" in page and "Kunde inte läsas" in page
    assert Job.objects.get().status == Job.Status.DONE


def test_a_failed_job_says_why_keeps_the_files_and_can_be_tried_again(kansli, monkeypatch):
    from insatsportal.imports import services as import_services

    with TestCase.captureOnCommitCallbacks(execute=True):
        _start_upload(kansli, [])  # no file: nothing is started
    assert not Job.objects.exists()

    real = import_services.document_upload
    calls = []

    def fails_on_the_second(**kwargs):
        calls.append(kwargs["filename"])
        if len(calls) == 2:
            raise OperationalError("the database went away")
        return real(**kwargs)

    monkeypatch.setattr(import_services, "document_upload", fails_on_the_second)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _start_upload(kansli, decisions(3))
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED and job.done == 1
    page = kansli.get(response.url).content.decode()
    assert "oväntat fel (OperationalError)" in page and "Inget har gått förlorat" in page
    assert "the database went away" not in page  # the technical text stays in the log
    # the two files not read are still there, with their content
    waiting = job.items.filter(status=JobItem.Status.WAITING)
    assert [i.name for i in waiting] == ["beslut-02.txt", "beslut-03.txt"]
    assert all(i.content for i in waiting)

    with TestCase.captureOnCommitCallbacks(execute=True):
        kansli.post(reverse("jobs:retry", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == Job.Status.DONE and job.done == 3 and job.attempts == 2
    assert ImportedDocument.objects.filter(filename__startswith="beslut-0").count() == 3


def test_a_file_the_reader_chokes_on_gets_its_reason_and_the_others_are_read(
        kansli, monkeypatch):
    from insatsportal.imports import services as import_services

    real = import_services.document_upload

    def chokes_on_the_first(**kwargs):
        if kwargs["filename"] == "beslut-01.txt":
            raise RecursionError("deep")
        return real(**kwargs)

    monkeypatch.setattr(import_services, "document_upload", chokes_on_the_first)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _start_upload(kansli, decisions(2))
    job = Job.objects.get()
    assert job.status == Job.Status.DONE
    page = kansli.get(response.url).content.decode()
    assert "”beslut-01.txt” kunde inte läsas på grund av ett oväntat fel (RecursionError)." in page
    assert job.items.get(name="beslut-01.txt").content  # kept
    assert ImportedDocument.objects.filter(filename="beslut-02.txt").exists()


def test_the_job_page_needs_few_queries_with_many_documents(kansli,
                                                             django_assert_max_num_queries):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _start_upload(kansli, decisions(20))
    with django_assert_max_num_queries(12):
        assert kansli.get(response.url).status_code == 200
    with django_assert_max_num_queries(12):
        assert kansli.get(response.url, **HTMX).status_code == 286


def test_only_a_failed_job_is_tried_again(kansli):
    _start_upload(kansli, decisions(1))
    job = Job.objects.get()
    response = kansli.post(reverse("jobs:retry", args=[job.pk]), follow=True)
    assert "Bara ett jobb som har misslyckats kan försökas igen." in response.content.decode()
    assert Job.objects.get().status == Job.Status.QUEUED


def test_a_job_is_seen_only_by_the_person_who_started_it(kansli, login, demo):
    _start_upload(kansli, decisions(1))
    job = Job.objects.get()
    other = User.objects.create_user("kansli2", password="x" * 12)
    other.roles.create(role="kansli")
    assert login(other).get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert login("styrelse").get(reverse("jobs:detail", args=[job.pk])).status_code == 404
    assert kansli.get(reverse("jobs:list")).content.decode().count(job.title) == 1


def test_a_backend_that_does_not_answer_fails_the_job_with_the_reason(kansli, settings):
    # a queue that refuses the task, as Redis that is down refuses the enqueue
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["annan"]}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _start_upload(kansli, decisions(1))
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.status == Job.Status.FAILED
    assert "bakgrundstjänsten svarade inte" in kansli.get(response.url).content.decode()
    assert job.items.get().content  # the file is kept


def test_a_task_the_backend_records_as_failed_shows_as_failed(kansli, settings):
    """E.g. RQ's timeout stopped the work before the job could record why."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                                  "QUEUES": ["default"]}}
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = _start_upload(kansli, decisions(1))
    DBTaskResult.objects.get().set_failed(TimeoutError())
    page = kansli.get(response.url).content.decode()
    assert "oväntat fel (TimeoutError)" in page and "Försök igen" in page
    with TestCase.captureOnCommitCallbacks(execute=True):
        kansli.post(reverse("jobs:retry", args=[Job.objects.get().pk]))
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # queued again


def test_finished_jobs_and_their_files_are_removed_after_the_retention(kansli, settings):
    import datetime
    from io import StringIO

    from django.core.management import call_command
    from django.utils import timezone

    settings.JOB_RETENTION_DAYS = 30
    with TestCase.captureOnCommitCallbacks(execute=True):
        _start_upload(kansli, decisions(1))
    _start_upload(kansli, decisions(2)[1:])  # still waiting for the worker
    old = timezone.now() - datetime.timedelta(days=31)
    Job.objects.update(created_at=old)
    out = StringIO()
    call_command("prune_jobs", stdout=out)
    assert "1 finished job(s) removed." in out.getvalue()
    assert list(Job.objects.values_list("status", flat=True)) == [Job.Status.QUEUED]
    assert JobItem.objects.count() == 1  # the waiting job's file is kept
