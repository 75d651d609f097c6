import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from insatsportal.applications.models import Application
from insatsportal.cases.models import Case, Decision
from insatsportal.imports.models import ImportedDocument
from insatsportal.interventions.models import Intervention

from .helpers import seed, seed_copy

FIXTURES = Path(__file__).resolve().parents[1] / "parsing" / "tests" / "fixtures"

APPLICATION_KEYS = {
    "name", "case_number", "owner", "partners", "planned_start", "planned_end", "intake_end",
    "age_min", "age_max", "expected_participants", "parts", "budget", "anchoring",
    "signatures"}
DECISION_KEYS = {
    "intervention_name", "proposer", "decision_body", "period_start", "period_end",
    "max_amount", "owner_organisation", "partners", "signed_by", "is_extension"}


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("import_document", *map(str, args), stdout=out, stderr=err)
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue().splitlines(), err.getvalue().splitlines()


def _counts():
    return (ImportedDocument.objects.count(), Application.objects.count(),
            Case.objects.count(), Decision.objects.count(), Intervention.objects.count())


def test_json_prints_one_object_per_file_in_the_issues_shape_and_saves_nothing(demo):
    before = _counts()
    paths = [seed(p) for p in ("000", "001", "002", "003", "004")]
    code, out, err = run(*paths, "--json")
    assert (code, err) == (0, [])
    objects = [json.loads(line) for line in out]
    assert [o["kind"] for o in objects] == ["application"] * 3 + ["decision"] * 2
    for path, data in zip(paths, objects, strict=True):
        assert set(data) == {"kind", "source", "fields", "warnings"}
        assert data["source"] == str(path)
        keys = APPLICATION_KEYS if data["kind"] == "application" else DECISION_KEYS
        assert set(data["fields"]) == keys
    en_vag_in = objects[0]["fields"]
    # Canonical register names: "Regionen" with an address at regionuppsala.se is Region
    # Uppsala; the OCR's "Forsdkringskassan" is Försäkringskassan.
    assert [p["organisation"] for p in en_vag_in["partners"]] == [
        "Arbetsförmedlingen", "Region Uppsala", "Försäkringskassan"]
    assert en_vag_in["owner"]["unit"] == "Vård- och omsorgskontoret"
    assert en_vag_in["budget"]["from_association_total"] == 3930000
    assert en_vag_in["planned_start"] == "2022-01-01"
    assert objects[3]["fields"]["max_amount"] == 3391000
    assert _counts() == before


def test_save_creates_the_application_with_its_budget(demo, tmp_path):
    path = seed_copy("002", tmp_path, replace=("Jobbcentrum, - din väg framåt",
                                               "Jobbcentrum Test"))
    code, out, err = run(path, "--save")
    assert (code, err) == (0, [])
    document = ImportedDocument.objects.get(filename=path.name)
    assert document.status == ImportedDocument.Status.CONFIRMED
    application = document.application
    assert application.owner.name == "Enköpings kommun"
    assert application.status == Application.Status.DRAFT
    assert application.budget.stated_total == 5350000
    assert application.budget.lines.filter(section="salary").count() == 6
    assert set(application.partners.values_list("member__name", flat=True)) == {
        "Arbetsförmedlingen"}


def test_a_historic_decision_is_saved_as_a_grant_of_a_new_intervention(demo, tmp_path):
    path = seed_copy("004", tmp_path, replace=("flera vägar ut", "nya vägar"))
    code, out, err = run(path, "--save", "--decided-on", "2017-12-08")
    assert (code, err) == (0, [])
    decision = ImportedDocument.objects.get(filename=path.name).decision
    assert decision.case.application is None
    assert decision.case.intervention.name.endswith("nya vägar Knivsta")
    assert decision.case.intervention.owner.name == "Knivsta kommun"
    assert decision.grant.amount == 5900000
    assert decision.decided_on.isoformat() == "2017-12-08"


def test_a_file_it_cannot_read_gives_one_line_and_exit_1_and_the_others_are_handled(
        demo, tmp_path):
    old_word = tmp_path / "gammal.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    good = seed_copy("002", tmp_path, replace=("Jobbcentrum, - din väg framåt", "Jobbcentrum B"))
    code, out, err = run(tmp_path / "saknas.txt", old_word, good, "--save")
    assert code == 1
    assert len(err) == 2
    assert err[0].startswith(f"{tmp_path / 'saknas.txt'}: ")
    assert err[1].startswith(f"{old_word}: ") and ".doc" in err[1]
    assert len(out) == 1 and out[0].startswith(str(good))
    assert ImportedDocument.objects.filter(filename=good.name).exists()


def test_nothing_is_half_saved_when_a_file_fails_after_upload(demo, tmp_path):
    path = seed_copy("004", tmp_path, replace=("flera vägar ut", "halva vägar"))
    before = _counts()
    code, out, err = run(path, "--save")  # no decision date in the document
    assert code == 1
    assert len(err) == 1 and "--decided-on" in err[0]
    assert _counts() == before


def test_saving_the_same_document_twice_is_refused(demo, tmp_path):
    path = seed_copy("002", tmp_path, replace=("Jobbcentrum, - din väg framåt", "Jobbcentrum C"))
    assert run(path, "--save")[0] == 0
    before = _counts()
    code, out, err = run(path, "--save")
    assert code == 1
    assert "redan lästs in" in err[0] and path.name in err[0]
    assert _counts() == before


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_each_seed_imports_and_saves_without_error(demo, tmp_path, prefix):
    # The demo has imported the seeds already; a copy with one more line break is new.
    paths = [seed_copy("000", tmp_path)] if prefix in ("003",) else []
    paths.append(seed_copy(prefix, tmp_path, name=f"{prefix}.txt"))
    code, out, err = run(*paths, "--save", "--decided-on", "2022-09-22")
    assert (code, err) == (0, [])
    document = ImportedDocument.objects.get(filename=f"{prefix}.txt")
    assert document.status == ImportedDocument.Status.CONFIRMED
    assert document.application or document.decision


def test_minutes_are_saved_as_one_decision_per_paragraph(demo):
    path = FIXTURES / "protokoll_tre_paragrafer.txt"
    call_command("import_document", str(path), "--save")
    decisions = Decision.objects.filter(decided_on="2024-02-15").order_by("amount")
    assert [d.amount for d in decisions] == [950_000, 1_200_000, 1_850_000]


def test_two_readings_are_not_saved_by_the_command(demo, capsys):
    path = FIXTURES / "beslut_avrundat.txt"
    with pytest.raises(SystemExit):
        call_command("import_document", str(path), "--save")
    assert "2400000 / 2385000" in capsys.readouterr().err
    assert not ImportedDocument.objects.filter(filename="beslut_avrundat.txt").exists()
