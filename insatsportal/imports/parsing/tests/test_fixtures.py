"""Documents of our own making in other förbund's layouts, against hand-written answers."""

from pathlib import Path

import pytest

from insatsportal.imports.parsing import (
    ImportReadError,
    UnrecognisedDocument,
    read_document,
    read_text,
)
from insatsportal.imports.parsing.ocr import repair_text

from .expected import EXPECTED
from .expected_fixtures import FIXTURES
from .fidelity import FIXTURE_DIR, fixture_score, read_fixture
from .ocr_marks import needs_ocr

SEED_003 = next((Path(__file__).resolve().parents[3] / "demo" / "seeds").glob("003_*"))


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=needs_ocr) if FIXTURES[n].get("needs_ocr") else n for n in FIXTURES])
def test_it_reads_every_field_the_fixture_states(name):
    correct, stated, problems = fixture_score(name)
    assert problems == []
    assert correct == stated


@needs_ocr
def test_a_scan_of_seed_003_gives_the_decision_of_its_text(resolver):
    scanned = read_fixture("beslut_003_skannad.pdf")
    text = read_document(SEED_003, resolve_organisation=resolver)
    assert scanned.extra["scanned"] is True
    assert scanned.kind == text.kind == "decision"
    assert scanned.fields == text.fields == {
        **scanned.fields, **{k: v for k, v in EXPECTED["003"]["fields"].items()
                             if k in ("max_amount", "proposer", "decision_body")}}
    # every value of a scan is proposed as less sure than the same value in a text file
    assert max(scanned.confidence.values()) < min(text.confidence.values())


def test_minutes_with_three_paragraphs_give_three_decisions(resolver):
    result = read_document(FIXTURE_DIR / "protokoll_tre_paragrafer.txt",
                           resolve_organisation=resolver)
    assert result.kind == "minutes"
    items = result.extra["items"]
    assert [i["paragraph"] for i in items] == [12, 13, 14]
    assert [i["fields"]["max_amount"] for i in items] == [1_850_000, 950_000, 1_200_000]
    assert all(i["extra"]["document_date"].isoformat() == "2024-02-15" for i in items)
    assert items[1]["sources"]["max_amount"] == "högst 950 tkr"


def test_paragraphs_that_grant_nothing_are_listed_and_left_alone(resolver):
    text = (FIXTURE_DIR / "protokoll_tre_paragrafer.txt").read_text("utf-8").replace(
        "§ 12", "§ 11 Val av justerare\nTill justerare valdes Anna Berg.\n\n§ 12", 1)
    result = read_text(text, resolve_organisation=resolver)
    assert len(result.extra["items"]) == 3
    assert result.extra["other_paragraphs"] == [{"number": 11, "title": "Val av justerare"}]


def test_a_rounded_grant_beside_an_exact_figure_offers_both(resolver):
    result = read_document(FIXTURE_DIR / "beslut_avrundat.txt", resolve_organisation=resolver)
    (conflict,) = result.conflicts
    assert conflict["field"] == "max_amount"
    assert [o["value"] for o in conflict["options"]] == [2_400_000, 2_385_000]
    assert "2,4 miljoner" in conflict["options"][0]["source"]
    assert "2 385 000 kronor" in conflict["options"][1]["source"]
    assert result.confidence["max_amount"] < result.confidence["period_start"]


def test_an_unrecognised_document_says_what_was_found():
    text = ("Minnesanteckningar från nätverksträff\n\nDeltagare: Anna Berg, Per Holm\n"
            "Datum: 2024-05-14\nKontakt: anna.berg@heby.se\n\nVi pratade om 150 000 kr.\n")
    with pytest.raises(UnrecognisedDocument) as info:
        read_text(text)
    assert "känns inte igen" in str(info.value)
    assert "fält: Deltagare, Datum, Kontakt" in str(info.value)
    assert info.value.found["emails"] == ["anna.berg@heby.se"]
    assert info.value.found["dates"] == ["2024-05-14"]
    assert isinstance(info.value, ImportReadError)


def test_a_person_may_read_an_unrecognised_document_as_an_application(resolver):
    text = "Projektnamn: Bron\nProjektägare: Heby kommun\nVi börjar 2024-01-01.\n"
    with pytest.raises(UnrecognisedDocument):
        read_text(text, resolve_organisation=resolver)
    result = read_text(text, resolve_organisation=resolver, kind="application")
    assert result.kind == "application"
    assert result.extra["read_as_chosen"] is True
    assert result.fields["name"] == "Bron"
    assert result.fields["owner"]["organisation"] == "Heby kommun"
    assert "age_min" in result.missing


def test_clean_text_keeps_its_own_spelling():
    text = SEED_003.read_text("utf-8").replace(
        "en fortsatt dialog", "en fortsatta dialog och fortsatta möten")
    result = read_text(text)
    assert result.extra["ocr_repaired_words"] == 0
    assert "fortsatta dialog och fortsatta möten" in result.extra["case_text"]


def test_the_same_text_in_another_form_has_the_same_digest():
    text = SEED_003.read_text("utf-8")
    other = "<p>" + text.upper().replace("\n\n", "</p><p>").replace("ä", "a") + "</p>"
    assert read_text(text).extra["text_digest"] == read_text(other).extra["text_digest"]
    changed = text.replace("3 391 000", "3 390 000")
    assert read_text(changed).extra["text_digest"] != read_text(text).extra["text_digest"]


def test_ocr_repair_keeps_valid_words_and_mends_damaged_ones():
    text, changed = repair_text("De fortsatta mötena férdelas slumpmassigt mellan parterna.")
    assert text == "De fortsatta mötena fördelas slumpmässigt mellan parterna."
    assert changed == 2
