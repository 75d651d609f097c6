"""A made-up OCR'd application unlike the seeds: other wording, damage and layout."""

from datetime import date
from pathlib import Path

from insatsportal.imports.parsing import read_document

VARIANT = Path(__file__).parent / "data" / "variant_ocr_application.txt"


def test_it_reads_an_unseen_layout(resolver):
    result = read_document(VARIANT, resolve_organisation=resolver)
    f = result.fields
    assert result.kind == "application"
    assert f["owner"] == {"organisation": "Östhammars kommun", "unit": "Arbetsmarknadsenheten",
                          "contact_name": "Lena Ek", "email": "lena.ek@osthammar.se"}
    assert [(p["organisation"], p["contact_name"]) for p in f["partners"]] == [
        ("Arbetsförmedlingen", "Per Holm"), ("Försäkringskassan", "Sara Lind")]
    assert (f["planned_start"], f["planned_end"]) == (date(2022, 3, 1), date(2024, 2, 28))
    assert (f["age_min"], f["age_max"]) == (18, 29)
    assert f["expected_participants"] == {"per_year": 30, "total": 60}
    assert f["budget"]["from_association_total"] == 1_300_000  # "tkr" that really is tkr
    targets = {(t["kind"], t["value"]) for g in result.extra["goals"]["outcome"]
               + result.extra["goals"]["output"] for t in g["targets"]}
    assert targets == {("share_with_action_plan", 40), ("discharged_to_work_or_studies", 12),
                       ("participants_per_year", 30), ("meetings_per_year", 4)}
    assert "Överenskommelsen saknas i ansökan." in [w["message"] for w in result.warnings]
    assert "intake_end" in result.missing


def test_it_warns_when_participant_numbers_disagree(tmp_path, resolver):
    text = VARIANT.read_text("utf-8").replace("60 deltagare totalt", "90 deltagare totalt")
    path = tmp_path / "ansokan.txt"
    path.write_text(text, "utf-8")
    result = read_document(path, resolve_organisation=resolver)
    assert any(w["field"] == "expected_participants" for w in result.warnings)
