import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from insatsportal.applications.models import Application
from insatsportal.imports import services
from insatsportal.imports.mapping import application_data
from insatsportal.imports.models import ImportedDocument

from .helpers import review_post_data, seed, seed_copy


def _upload(client, *files):
    """Upload and let the background reading run (it starts after commit)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("imports:list"), {"files": list(files)})
    return client.get(response.url)


def _file(path, name=None):
    return SimpleUploadedFile(name or path.name, path.read_bytes())


def _token(response) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', response.content.decode())[1]


@pytest.fixture
def kansli(login):
    return login("kansli")


@pytest.fixture
def jobbcentrum_copy(tmp_path):
    return seed_copy("002", tmp_path, replace=("Jobbcentrum, - din väg framåt",
                                               "Jobbcentrum – en ny väg"))


def test_the_office_uploads_several_files_and_a_bad_one_does_not_stop_the_others(
        kansli, jobbcentrum_copy):
    before = ImportedDocument.objects.count()
    bad = SimpleUploadedFile("gammal.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 64)
    response = _upload(kansli, bad, _file(jobbcentrum_copy))
    text = response.content.decode()
    assert "gamla Word-formatet" in text
    assert "kopia-002.txt" in text
    assert ImportedDocument.objects.count() == before + 1
    assert ImportedDocument.objects.get(filename="kopia-002.txt").is_open


def test_the_same_document_twice_is_refused_and_points_to_the_earlier_import(kansli):
    before = ImportedDocument.objects.count()
    earlier = ImportedDocument.objects.get(filename=seed("000").name)
    response = _upload(kansli, _file(seed("000"), name="en-vag-in.txt"))
    text = response.content.decode()
    assert "redan lästs in" in text
    assert earlier.filename in text
    assert ImportedDocument.objects.count() == before


def test_a_discarded_document_may_be_uploaded_again(demo, jobbcentrum_copy):
    content = jobbcentrum_copy.read_bytes()
    first = services.document_upload(actor=None, content=content, filename="a.txt")
    with pytest.raises(services.DuplicateDocumentError) as refused:
        services.document_upload(actor=None, content=content, filename="b.txt")
    assert refused.value.earlier == first
    services.document_discard(actor=None, document=first)
    assert services.document_upload(actor=None, content=content, filename="c.txt").is_open


def test_the_review_page_shows_warnings_first_then_every_field_with_its_source(
        kansli, jobbcentrum_copy, django_assert_max_num_queries):
    document = services.document_upload(actor=None, content=jobbcentrum_copy.read_bytes(),
                                        filename="jc.txt")
    with django_assert_max_num_queries(40):
        response = kansli.get(reverse("imports:review", args=[document.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    warnings_at = text.index('id="import-warnings"')
    assert warnings_at < text.index('id="import-missing"') < text.index('id="import-fields"')
    assert "Överenskommelsens text avviker" in text  # the altered agreement text
    assert "2022-01-01–2024-12-31, utanför insatsens planerade tid" in text
    assert "<q>Dnr. 2021-15</q>" in text  # the case number with the text it came from
    missing = text[text.index('id="import-missing"'):text.index('id="import-fields"')]
    assert "Sista dag för intag" in missing


def test_confirming_creates_the_corrected_application_once(kansli, jobbcentrum_copy):
    document = services.document_upload(actor=None, content=jobbcentrum_copy.read_bytes(),
                                        filename="jc.txt")
    url = reverse("imports:review", args=[document.pk])
    page = kansli.get(url)
    data = review_post_data(page)
    data["anchoring_discussed"] = "on"
    data |= {"name": "Jobbcentrum – rättat namn", "age_max": "64",
             "planned_end": "31/12/2024", "form_token": _token(page)}
    first = kansli.post(url, data)
    second = kansli.post(url, data)
    application = Application.objects.get(name="Jobbcentrum – rättat namn")
    assert first.status_code == 302 and first["Location"] == reverse(
        "applications:detail", args=[application.pk])
    assert second.status_code == 302
    assert Application.objects.filter(name="Jobbcentrum – rättat namn").count() == 1
    assert application.planned_end.isoformat() == "2024-12-31"
    assert application.budget.stated_total == 5350000
    document.refresh_from_db()
    assert (document.status, document.application) == (ImportedDocument.Status.CONFIRMED,
                                                       application)


def test_bad_input_keeps_the_text_and_saves_nothing(kansli, jobbcentrum_copy):
    document = services.document_upload(actor=None, content=jobbcentrum_copy.read_bytes(),
                                        filename="jc.txt")
    url = reverse("imports:review", args=[document.pk])
    page = kansli.get(url)
    data = review_post_data(page)
    data |= {"planned_start": "31 februari", "form_token": _token(page)}
    response = kansli.post(url, data)
    assert response.status_code == 400
    assert "31 februari" in response.content.decode()
    document.refresh_from_db()
    assert document.is_open


def test_a_decision_is_linked_to_the_application_it_answers_with_the_difference_flagged(
        kansli, tmp_path):
    copy = seed_copy("000", tmp_path)
    application_doc = services.document_upload(actor=None, content=copy.read_bytes(),
                                               filename="ansokan.txt")
    application = services.document_confirm_application(
        actor=None, document=application_doc, data=application_data(application_doc.result))
    decision_doc = services.document_upload(
        actor=None, content=seed_copy("003", tmp_path).read_bytes(), filename="beslut.txt")
    url = reverse("imports:review", args=[decision_doc.pk])
    page = kansli.get(url)
    text = page.content.decode()
    assert "Beslutet gäller högst 3 391 000 kr, ansökan avser 3 930 000 kr" in text
    assert "skiljer sig från ansökans 2022-01-01–2023-12-31" in text
    form = page.context["form"]
    assert form["application"].value() == application.pk
    data = {name: form[name].value() or "" for name in form.fields}
    data |= {"decided_on": "2022-09-22", "committee_date": "2022-09-01",
             "amount": "3 391 000", "form_token": _token(page)}
    response = kansli.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    decision_doc.refresh_from_db()
    case = decision_doc.case
    assert case.application == application
    assert case.decisions.get().amount == 3391000
    assert case.intervention.name == "En väg in – steget vidare"
    assert case.proposal.proposer == "working_committee"


def test_discarding_creates_nothing(kansli, jobbcentrum_copy):
    document = services.document_upload(actor=None, content=jobbcentrum_copy.read_bytes(),
                                        filename="jc.txt")
    before = Application.objects.count()
    response = kansli.post(reverse("imports:discard", args=[document.pk]))
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.status == ImportedDocument.Status.DISCARDED
    assert Application.objects.count() == before


def test_the_list_page_needs_few_queries(kansli, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        assert kansli.get(reverse("imports:list")).status_code == 200


def test_a_signature_without_organisation_is_shown_on_its_row(kansli, jobbcentrum_copy):
    document = services.document_upload(actor=None, content=jobbcentrum_copy.read_bytes(),
                                        filename="jc.txt")
    url = reverse("imports:review", args=[document.pk])
    page = kansli.get(url)
    data = review_post_data(page)
    # A browser sends each untouched select's first option, the blank rows' too: those rows
    # stay blank rows, not rows with problems.
    formsets = {formset.prefix: formset for formset in page.context["formsets"]}
    for prefix, field in (("goals", "kind"), ("lines", "funding"), ("lines", "section"),
                          ("signatures", "role")):
        last = int(data[f"{prefix}-TOTAL_FORMS"]) - 1
        data[f"{prefix}-{last}-{field}"] = formsets[prefix].empty_form[field].field.choices[0][0]
    data |= {"name": "Jobbcentrum – underskrift", "age_max": "64",
             "signatures-0-member": "", "signatures-0-organisation": "",
             "form_token": _token(page)}
    response = kansli.post(url, data)
    html = response.content.decode()
    assert response.status_code == 400
    assert ('<a href="#id_signatures-0-organisation">Underskrifter, rad 1: Organisation som den '
            'skrivits: Välj medlem eller skriv organisationens namn.</a>') in html
    assert html.count('aria-invalid="true"') == 1  # that field only
    data |= {"signatures-0-organisation": "Enköpings kommun", "form_token": _token(response)}
    assert kansli.post(url, data).status_code == 302
    assert Application.objects.filter(name="Jobbcentrum – underskrift").exists()
