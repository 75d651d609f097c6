"""The same form posted twice (double click, back button) is carried out once."""

import re
import uuid

import pytest
from django.http import HttpResponse, HttpResponseRedirect
from django.test import RequestFactory

from insatsportal.accounts.models import BackupCode
from insatsportal.core.idempotency import once_per_form
from insatsportal.core.models import AuditEntry, FormSubmission


def _reauthenticated(client):
    import time

    from insatsportal.accounts.guards import REAUTH_SESSION_KEY

    session = client.session
    session[REAUTH_SESSION_KEY] = time.time()
    session.save()
    return client


def _token(page: str) -> str:
    return re.search(r'name="form_token" value="([0-9a-f-]{36})"', page)[1]


def test_posting_the_create_form_twice_creates_one_set_of_backup_codes(login):
    client = _reauthenticated(login("kansli"))
    token = _token(client.get("/konto/tvastegs/reservkoder/").content.decode())
    first = client.post("/konto/tvastegs/reservkoder/nya/", {"form_token": token})
    codes_after_first = set(BackupCode.objects.values_list("code_hash", flat=True))
    second = client.post("/konto/tvastegs/reservkoder/nya/", {"form_token": token})
    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert set(BackupCode.objects.values_list("code_hash", flat=True)) == codes_after_first
    assert len(codes_after_first) == 10
    assert AuditEntry.objects.filter(action="account.backup_codes_created").count() == 1
    page = client.get(second["Location"], follow=True).content.decode()
    assert "redan skickat" in page


def test_each_rendering_of_the_form_gets_a_new_token(login):
    client = login("kansli")
    pages = [client.get("/konto/tvastegs/reservkoder/").content.decode() for _ in range(2)]
    assert _token(pages[0]) != _token(pages[1])


def test_a_post_without_a_token_is_refused(login):
    client = _reauthenticated(login("kansli"))
    response = client.post("/konto/tvastegs/reservkoder/nya/", {})
    assert response.status_code == 400
    assert not BackupCode.objects.exists()


def _view_that(status):
    calls = []

    @once_per_form
    def view(request):
        calls.append(1)
        AuditEntry.objects.count()  # a query inside the transaction
        if status == 302:
            return HttpResponseRedirect("/klart/")
        return HttpResponse("form with errors", status=200)

    return view, calls


@pytest.mark.django_db
def test_a_form_with_errors_keeps_its_token_usable():
    view, calls = _view_that(200)
    token = str(uuid.uuid4())
    request = RequestFactory().post("/", {"form_token": token})
    request.user = _anonymous()
    assert view(request).status_code == 200
    assert not FormSubmission.objects.filter(token=token).exists()
    ok, _ = _view_that(302)
    second = RequestFactory().post("/", {"form_token": token})
    second.user = _anonymous()
    assert ok(second)["Location"] == "/klart/"
    assert FormSubmission.objects.get(token=token).redirect_url == "/klart/"


@pytest.mark.django_db
def test_a_concurrent_duplicate_that_loses_the_insert_is_not_run(monkeypatch):
    """Two posts at once: the second finds the token taken when it inserts."""
    from django.contrib.messages.storage.fallback import FallbackStorage

    token = uuid.uuid4()
    FormSubmission.objects.create(token=token, redirect_url="/forsta/")
    view, calls = _view_that(302)
    real_filter = FormSubmission.objects.filter
    seen = []

    def first_lookup_misses(*args, **kwargs):
        seen.append(1)
        if len(seen) == 1:  # the pre-check ran before the other post committed
            return FormSubmission.objects.none()
        return real_filter(*args, **kwargs)

    monkeypatch.setattr(FormSubmission.objects, "filter", first_lookup_misses)
    request = RequestFactory().post("/", {"form_token": str(token)})
    request.user = _anonymous()
    request.session = {}
    request._messages = FallbackStorage(request)
    response = view(request)
    assert calls == []
    assert response["Location"] == "/forsta/"


def _anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
