"""Documents of other förbund: minutes, rounded amounts, unrecognised layouts, the same
document twice, the förbund's own wordings, and lists corrected on the review page."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

from insatsportal.applications.models import Application
from insatsportal.cases.models import Decision
from insatsportal.imports import services
from insatsportal.imports.models import ImportedDocument, ImportTerm
from insatsportal.imports.parsing.tests.fidelity import read_fixture
from insatsportal.imports.parsing.tests.ocr_marks import needs_ocr

from .helpers import review_post_data, seed

FIXTURES = Path(__file__).resolve().parents[1] / "parsing" / "tests" / "fixtures"
Status = ImportedDocument.Status


@pytest.fixture
def kansli(login):
    return login("kansli")


def _token(response) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', response.content.decode())[1]


def _upload(name: str, text: str | None = None) -> ImportedDocument:
    content = text.encode() if text is not None else (FIXTURES / name).read_bytes()
    return services.document_upload(actor=None, content=content, filename=name)


def test_the_review_page_edits_and_saves_goals_and_budget_rows(kansli):
    document = _upload("ansokan_tabellbudget.docx")
    url = reverse("imports:review", args=[document.pk])
    page = kansli.get(url)
    assert 'id="formset-goals"' in page.content.decode()
    lines = next(f for f in page.context["formsets"] if f.prefix == "lines")
    read_rows = lines.initial_form_count()
    titles = [row["title"].value() for row in lines.forms[:read_rows]]
    assert "Coach arbetslivsinriktad" in titles  # the wrapped Word cell, joined
    data = review_post_data(page) | {"form_token": _token(page)}
    data |= {  # a goal of our own, the first budget row re-titled, the travel row removed
        "goals-0-kind": "outcome", "goals-0-text": "Hälften går till arbete eller studier.",
        "goals-0-target_kind": "discharged_to_work_or_studies", "goals-0-target_value": "50",
        "lines-0-title": "Coach, arbetslivsinriktad",
    }
    travel = next(i for i, row in enumerate(lines) if row["category"].value() == "travel")
    data[f"lines-{travel}-DELETE"] = "on"
    response = kansli.post(url, data)
    assert response.status_code == 302, [f.errors for f in response.context["formsets"]]
    application = Application.objects.get(name="Jobbspåret Heby")
    goal = application.goals.get()
    assert (goal.text, goal.target_value) == ("Hälften går till arbete eller studier.", 50)
    budget_lines = list(application.budget.lines.all())
    assert "Coach, arbetslivsinriktad" in [line.title for line in budget_lines]
    assert "travel" not in [line.category for line in budget_lines]
    assert len(budget_lines) == read_rows - 1


def test_a_bad_budget_row_keeps_the_page_and_saves_nothing(kansli):
    document = _upload("ansokan_tabellbudget.docx")
    url = reverse("imports:review", args=[document.pk])
    page = kansli.get(url)
    data = review_post_data(page) | {"form_token": _token(page), "lines-0-amounts": "tusen"}
    response = kansli.post(url, data)
    assert response.status_code == 400
    assert "”tusen” är inte ett belopp." in response.content.decode()
    assert not Application.objects.filter(name="Jobbspåret Heby").exists()


def test_minutes_become_one_decision_per_granting_paragraph(kansli):
    minutes = _upload("protokoll_tre_paragrafer.txt")
    assert minutes.kind == ImportedDocument.Kind.MINUTES
    paragraphs = list(minutes.paragraphs.order_by("filename"))
    assert [p.filename for p in paragraphs] == [
        f"protokoll_tre_paragrafer.txt § {n}" for n in (12, 13, 14)]
    assert all(p.kind == ImportedDocument.Kind.DECISION for p in paragraphs)
    text = kansli.get(reverse("imports:review", args=[minutes.pk])).content.decode()
    assert text.count('href="/import/') >= 3 and "Arbetsbron Heby" in text

    url = reverse("imports:review", args=[paragraphs[1].pk])
    page = kansli.get(url)
    form = page.context["form"]
    assert str(form["decided_on"].value()) == "2024-02-15"  # the meeting's date
    assert form["owner"].value() == "Heby kommun"
    response = kansli.post(url, review_post_data(page) | {"form_token": _token(page)})
    assert response.status_code == 302, response.context["form"].errors
    decision = Decision.objects.get(case__title="Arbetsbron Heby")
    assert (decision.amount, decision.decided_on.isoformat()) == (950_000, "2024-02-15")
    assert decision.case.intervention.owner.name == "Heby kommun"

    for paragraph in (paragraphs[0], paragraphs[2]):
        kansli.post(reverse("imports:discard", args=[paragraph.pk]))
    minutes.refresh_from_db()
    assert minutes.status == Status.CONFIRMED  # every paragraph handled


def test_other_paragraphs_are_listed_and_left_alone(kansli):
    text = (FIXTURES / "protokoll_tre_paragrafer.txt").read_text("utf-8").replace(
        "§ 12", "§ 11 Val av justerare\nTill justerare valdes Anna Berg.\n\n§ 12", 1)
    minutes = _upload("protokoll.txt", text)
    assert minutes.paragraphs.count() == 3
    page = kansli.get(reverse("imports:review", args=[minutes.pk])).content.decode()
    assert "§ 11 Val av justerare" in page


def test_two_readings_of_the_amount_are_both_shown_and_the_user_chooses(kansli):
    document = _upload("beslut_avrundat.txt")
    url = reverse("imports:review", args=[document.pk])
    page = kansli.get(url)
    text = page.content.decode()
    assert "2\xa0400\xa0000 kr" in text or "2 400 000 kr" in text
    assert "2 385 000 kronor" in text
    data = review_post_data(page) | {"form_token": _token(page)}
    assert data["amount"] == ""  # neither reading is filled in
    refused = kansli.post(url, data)
    assert refused.status_code == 400
    document.refresh_from_db()
    assert document.is_open
    page = kansli.get(url)
    data = review_post_data(page) | {"form_token": _token(page), "amount_choice": "2385000"}
    response = kansli.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    assert Decision.objects.get(case__title="Steget ut Enköping").amount == 2_385_000


def test_an_unrecognised_document_shows_what_was_found_and_can_be_read_by_hand(kansli):
    text = ("Projektnamn: Bron\nProjektägare: Heby kommun\nKontakt: anna.berg@heby.se\n"
            "Vi börjar 2024-01-01 och söker 300 000 kr.\n")
    document = _upload("bron.txt", text)
    assert document.kind == ImportedDocument.Kind.UNKNOWN
    url = reverse("imports:review", args=[document.pk])
    page = kansli.get(url).content.decode()
    assert "känns inte igen" in page and "anna.berg@heby.se" in page
    assert "Projektnamn: Bron" in page and "2024-01-01" in page
    response = kansli.post(reverse("imports:read_as", args=[document.pk]),
                           {"kind": "application"})
    assert response.status_code == 302
    page = kansli.get(url)
    form = page.context["form"]
    assert (form["name"].value(), form["owner"].value()) == ("Bron", "Heby kommun")
    assert "Planerat startdatum" in page.content.decode()  # listed as not found


def test_another_export_of_an_imported_document_is_flagged_with_a_link(kansli):
    earlier = ImportedDocument.objects.get(filename=seed("003").name)
    text = seed("003").read_text("utf-8").replace("\n\n", "\r\n\r\n  ").upper()
    document = _upload("beslut-export.txt", text)
    assert document.same_as == earlier
    page = kansli.get(reverse("imports:review", args=[document.pk])).content.decode()
    assert reverse("imports:review", args=[earlier.pk]) in page
    assert "har lästs in förut" in page


@needs_ocr
def test_a_rescan_of_an_imported_decision_is_flagged_and_reads_the_same(kansli):
    earlier = ImportedDocument.objects.get(filename=seed("003").name)
    content = (FIXTURES / "beslut_003_skannad.pdf").read_bytes()
    document = services.document_upload(actor=None, content=content, filename="skannad.pdf",
                                        result=read_fixture("beslut_003_skannad.pdf"))
    assert document.same_as == earlier
    assert document.fields == earlier.fields


def test_the_office_adds_a_wording_and_the_reader_uses_it(kansli):
    text = ("Benämning på satsningen\nLyftet Heby\n\nInsatsägare\nOrganisation: Heby kommun\n"
            "\nSamverkansparter\nOrganisation: Arbetsförmedlingen\n\nBeskriv syftet med insatsen"
            "\nAtt lyfta.\n")
    assert services.document_upload(actor=None, content=text.encode(),
                                    filename="a.txt").fields["name"] is None
    response = kansli.post(reverse("imports:terms"),
                           {"key": "name", "wording": "Benämning på satsningen"})
    assert response.status_code == 302
    term = ImportTerm.objects.get()
    assert "Benämning på satsningen" in kansli.get(reverse("imports:terms")).content.decode()
    read = services.document_upload(actor=None, content=(text + "\n").encode(), filename="b.txt")
    assert read.fields["name"] == "Lyftet Heby"
    kansli.post(reverse("imports:term_remove", args=[term.pk]))
    assert not ImportTerm.objects.exists()


def test_only_the_office_adds_wordings(login):
    response = login("styrelse").post(reverse("imports:terms"),
                                      {"key": "name", "wording": "Namn"})
    assert response.status_code == 403
    assert not ImportTerm.objects.exists()


def test_years_are_not_amounts_and_a_signatory_is_a_name(kansli):
    document = ImportedDocument.objects.get(filename=seed("000").name)
    rows = {r["label"]: r["value"] for r in kansli.get(
        reverse("imports:review", args=[document.pk])).context["rows"]}
    years = [v for label, v in rows.items() if label.endswith("› År")]
    assert years == ["2022", "2023"]
    assert rows["Underskrift 1 › Namn"] == "Catrin Josephson"
    assert rows["Budget › Totalt från Samordningsförbundet"] == "3\xa0930\xa0000"
