"""One test per seed: every field the document states, as written out in expected.py."""

import pytest

from insatsportal.imports.parsing import read_document
from insatsportal.imports.parsing.compare import compare_decision_with_application

from .expected import EXPECTED, SEED_FILES, leaves


def _read(seeds, resolver, seed):
    return read_document(seeds / SEED_FILES[seed], resolve_organisation=resolver)


def _messages(result, field_prefix=""):
    return [w["message"] for w in result.warnings if w["field"].startswith(field_prefix)]


def _assert_fields(result, seed):
    data = result.to_json()
    assert data["kind"] == EXPECTED[seed]["kind"]
    assert data["source"].endswith(SEED_FILES[seed])
    want = dict(leaves(EXPECTED[seed]["fields"]))
    have = dict(leaves(data["fields"]))
    wrong = {p: (w, have.get(p)) for p, w in want.items() if have.get(p) != w}
    assert wrong == {}


def test_it_reads_seed_000_application_with_budget(seeds, resolver):
    result = _read(seeds, resolver, "000")
    _assert_fields(result, "000")
    # The "Kostnader i thr" heading over kronor amounts is flagged, not obeyed.
    assert any("tkr" in m and "kronor" in m for m in _messages(result, "budget"))
    assert any("Region Uppsala" in m for m in _messages(result, "signatures[2].date"))
    assert any("Region Uppsala" in m for m in _messages(result, "signatures[2].name"))
    # The OCR'd agreement is the template text: no alteration reported.
    assert _messages(result, "agreement") == []
    assert "Knivsta kommun Vård- och omsorgskontoret" in result.sources["owner.organisation"]
    assert result.extra["budget"]["subtotals"]["association.other_total"]["total"] == 294_000


def test_it_reads_seed_000_goals_staffing_and_budget_rows(seeds, resolver):
    result = _read(seeds, resolver, "000")
    goals = result.extra["goals"]
    assert len(goals["overall"]) == 2
    targets = {(t["kind"], t["value"]) for g in goals["outcome"] + goals["output"]
               for t in g["targets"]}
    assert {("share_with_action_plan", 100), ("discharged_to_work_or_studies", 15),
            ("followed_up", 15), ("meetings_per_year", 6),
            ("participants_per_year", 60)} <= targets
    staff = {(s["title"], s["fte_percent"], s["count"]) for s in result.extra["staffing"]}
    assert ("Arbetsmarknadssekreterare", 100, 2) in staff
    assert ("Insatsansvarig", 20, 1) in staff
    rows = {(r["section"], r["category"]): r["amount"] for r in result.extra["budget"]["rows"]}
    assert rows[("association", "staff_training")] == 100_000
    assert rows[("association", "interpreter")] == 30_000
    assert rows[("association", "phone_it")] == 45_000
    assert rows[("co_financing", "premises_rent")] == 310_000


def test_it_reads_seed_001_application_without_budget(seeds, resolver):
    result = _read(seeds, resolver, "001")
    _assert_fields(result, "001")
    assert any("16–65" in m for m in _messages(result, "age_max"))
    assert any("budget" in w["field"] for w in result.warnings)
    assert len([m for m in _messages(result, "signatures") if "kunde inte läsas" in m]) == 2
    assert "budget" in result.missing
    goals = result.extra["goals"]
    assert {g["part"] for g in goals["outcome"]} == {"Samordningsteam", "Ungdomssatsningen"}


def test_it_reads_seed_002_and_flags_its_budget_errors(seeds, resolver):
    result = _read(seeds, resolver, "002")
    _assert_fields(result, "002")
    outside = [w for w in result.warnings
               if w["field"].startswith("budget.salary_lines") and "utanför" in w["message"]]
    assert len(outside) == 5
    assert "2024-12-31" in outside[0]["message"]
    assert any("tkr" in m for m in _messages(result, "budget"))
    agreement = _messages(result, "agreement")
    assert len(agreement) == 1 and "parter" in agreement[0]
    assert any("underskriften" in m for m in _messages(result, "owner.contact_name"))
    assert result.sources["owner.contact_name"].startswith("underskrift")
    summary = {s["owner"]: s["from_association"] for s in result.extra["budget"]["summary"]}
    assert summary == {"Enköpings kommun": 5_010_000, AF: 340_000, "Summa": 5_350_000}
    owners = result.extra["budget"]["subtotals"]["association_total"]["owners"]
    assert owners == [5_010_000, 340_000]


AF = "Arbetsförmedlingen"


def test_it_reads_seed_003_decision_proposal(seeds, resolver):
    result = _read(seeds, resolver, "003")
    _assert_fields(result, "003")
    assert len(result.extra["att_clauses"]) == 3
    assert result.extra["case_text"].startswith("Ansökan")
    assert "Lokusgruppen" in result.extra["assessment_text"]
    assert "3 391 000" in result.sources["max_amount"]


def test_it_reads_seed_004_decision_proposal(seeds, resolver):
    result = _read(seeds, resolver, "004")
    _assert_fields(result, "004")
    assert result.warnings == []
    assert result.extra["att_clauses"][1].startswith("avsätta maximalt 5 900 000 kr")


def test_it_flags_a_decision_that_grants_less_than_applied_for(seeds, resolver):
    decision = _read(seeds, resolver, "003")
    application = _read(seeds, resolver, "000")
    warnings = compare_decision_with_application(decision, application)
    fields = {w["field"] for w in warnings}
    assert fields == {"max_amount", "period_start"}


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
def test_it_keeps_a_source_for_every_field_read(seeds, resolver, seed):
    result = _read(seeds, resolver, seed)
    for path, value in leaves(result.to_json()["fields"]):
        if value in (None, []):
            continue  # covered by the next test
        covered = [key for key in result.sources
                   if path == key or path.startswith(key + ".") or path.startswith(key + "[")]
        assert covered, path


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
def test_it_reports_every_field_it_did_not_find(seeds, resolver, seed):
    result = _read(seeds, resolver, seed)
    fields = result.to_json()["fields"]
    for path, value in leaves(fields):
        if value is None and "signatures" not in path and "salary_lines" not in path:
            assert any(path == m or path.startswith(m + ".") for m in result.missing), path


def test_it_keeps_repaired_text_without_a_register(seeds):
    result = read_document(seeds / SEED_FILES["000"])
    assert result.fields["partners"][0]["organisation"] == "Arbetsförmedlingen"
    assert result.fields["partners"][1]["organisation"] == "Regionen"
    assert result.fields["owner"]["organisation"] == "Knivsta kommun"
