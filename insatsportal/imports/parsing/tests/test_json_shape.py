"""The JSON the import command prints: the same keys always, plain JSON values."""

import json

import pytest

from insatsportal.imports.parsing import read_document

from .expected import SEED_FILES

APPLICATION_KEYS = {
    "name", "case_number", "owner", "partners", "planned_start", "planned_end", "intake_end",
    "age_min", "age_max", "expected_participants", "parts", "budget", "anchoring",
    "signatures"}
DECISION_KEYS = {
    "intervention_name", "proposer", "decision_body", "period_start", "period_end",
    "max_amount", "owner_organisation", "partners", "signed_by", "is_extension"}


@pytest.mark.parametrize("seed", sorted(SEED_FILES))
def test_it_gives_the_documented_shape(seeds, resolver, seed):
    result = read_document(seeds / SEED_FILES[seed], resolve_organisation=resolver)
    data = json.loads(json.dumps(result.to_json(include_sources=True, include_extra=True)))
    assert set(data) == {"kind", "source", "fields", "warnings", "sources", "missing", "extra",
                         "confidence", "conflicts"}
    assert set(data["confidence"]) <= set(data["sources"]) | {
        p for p in data["confidence"] if p not in data["missing"]}
    assert all(0 < value <= 1 for value in data["confidence"].values())
    fields = data["fields"]
    if data["kind"] == "application":
        assert set(fields) == APPLICATION_KEYS
        assert set(fields["owner"]) == {"organisation", "unit", "contact_name", "email"}
        assert set(fields["budget"]) == {"from_association_total", "co_financing_total",
                                         "total", "salary_lines", "per_year"}
        assert set(fields["anchoring"]) == {"discussed", "dates"}
        for line in fields["budget"]["salary_lines"]:
            assert set(line) == {"title", "fte_percent", "period_start", "period_end", "amount"}
        for signature in fields["signatures"]:
            assert set(signature) == {"organisation", "date", "name"}
    else:
        assert set(fields) == DECISION_KEYS
        assert set(fields["signed_by"]) == {"name", "title"}
    for warning in data["warnings"]:
        assert set(warning) == {"field", "message"}
    assert set(result.to_json()) == {"kind", "source", "fields", "warnings"}
