"""The demo imports the seeds: what the importer reads, compared with the facts written by
hand from the same documents (handwritten.py), field by field."""

import pytest

from insatsportal.applications import budget as b
from insatsportal.applications import checks
from insatsportal.applications import selectors as application_selectors
from insatsportal.applications.agreement import DEFAULT_TEXT
from insatsportal.applications.models import Application
from insatsportal.cases.models import Case, Decision
from insatsportal.demo.applications import CORRECTIONS, seed_path
from insatsportal.imports.mapping import application_data, fold
from insatsportal.imports.models import ImportedDocument
from insatsportal.imports.reading import document_read, result_stored

from . import handwritten as hand

HAND = {"000": hand.EN_VAG_IN, "001": hand.FRAMSTEGET, "002": hand.JOBBCENTRUM}

# Where the importer's reading differs from the hand-written facts. Every field here is
# either corrected by the demo (CORRECTIONS) or a difference the demo accepts, with why.
ACCEPTED = {
    "000": {
        "signatures": "Försäkringskassan's signer is read as “Kjillman” (OCR) for Kjällman.",
        "staffing": "The text's “Arbetsförmedlaren” has no employer; the owner is assumed.",
    },
    "001": {
        "goals": "Two Samordningsteam goals run together in the scan and are read as one.",
        "methods": "Only SIP is named; “lösningsinriktat” and group work are prose.",
        "parts": "The sub-parts' descriptions are not read (names and numbers are).",
        "staffing": "The Samordningsteam coach is not described as “X arbetar N %”.",
    },
    "002": {
        # A clean document: the importer keeps its full wording, the hand-written facts
        # are abridged.
        **dict.fromkeys(("anchoring_text", "background", "follow_up", "implementation",
                         "methods_text", "purpose", "target_group"), "full text, not abridged"),
        "goals": "“inom 6 veckor från start” is not read as a measurable target.",
        "methods": "BIP/SMAIL and group work are described, not named.",
        "signatures": "Arbetsförmedlingen's signature has a name but no date in the document.",
        "staffing": "Titles follow the budget rows (“Coach/handläggare - ung”).",
    },
}


def _budget_key(raw):
    if not raw:
        return None
    data = b.budget_normalised(b.budget_from_dict(raw))
    totals = b.compute(data)
    lines = sorted(
        (line.funding, line.section, line.category, fold(line.title), str(line.percent or ""),
         str(line.period_from or ""), str(line.period_to or ""),
         tuple(a for a in line.amounts if a))
        for line in data.lines)
    return (totals.total_association, totals.total_co_financing, lines,
            [(y.year, y.salary, y.premises, y.other) for y in data.years])


def _same(written, read) -> bool:
    if isinstance(written, dict):
        read = read or {}
        return all(_same(value, read.get(key)) for key, value in written.items())
    if isinstance(written, list):
        return isinstance(read, list) and len(read) == len(written) and all(
            _same(w, r) for w, r in zip(written, read, strict=True))
    if written in (None, "") or read in (None, ""):
        return written in (None, "") and read in (None, "")
    return fold(str(written)) == fold(str(read))


def _imported(prefix: str) -> dict:
    path = seed_path(prefix)
    data = application_data(result_stored(document_read(path.read_bytes(), path.name)))
    # Without an agreement text the application gets the template's (as the seeds' own).
    return {"agreement_text": DEFAULT_TEXT} | data


def _goal_facts(goals):
    """The measurable part of the goals: kind, sub-part and target (texts differ by OCR)."""
    return sorted((g["kind"], g.get("part") or "", g.get("target_kind") or "",
                   str(g.get("target_value") or "")) for g in goals or [])


def _signature_facts(signatures):
    return [(s.get("member") or "", str(s.get("signed_on") or ""), fold(s.get("name")))
            for s in signatures or []]


COMPARED = {
    "goals": _goal_facts,
    "signatures": _signature_facts,
    "methods": lambda methods: sorted(methods or []),
    "staffing": lambda rows: [(fold(r["title"]), str(r["percent"]), r["employer"])
                              for r in rows or []],
}


def differing(prefix: str) -> set[str]:
    written, read = HAND[prefix], _imported(prefix)
    fields = set()
    for key, value in written.items():
        if key == "budget":
            continue
        if key in COMPARED:
            if COMPARED[key](value) != COMPARED[key](read.get(key)):
                fields.add(key)
        elif not _same(value, read.get(key)):
            fields.add(key)
    if _budget_key(written.get("budget")) != _budget_key(read.get("budget")):
        fields.add("budget")
    return fields


@pytest.mark.parametrize("prefix", sorted(HAND))
def test_the_importer_reads_the_hand_written_facts_but_for_corrections_and_known_gaps(
        demo, prefix):
    assert differing(prefix) == set(CORRECTIONS[prefix]) | set(ACCEPTED[prefix])


def test_the_demo_has_the_three_imported_applications_with_their_budgets(demo):
    documents = ImportedDocument.objects.filter(status=ImportedDocument.Status.CONFIRMED)
    assert documents.count() == 5
    budgets = {}
    for name in ("En väg in – steget vidare", "Framsteget i Håbo",
                 "Jobbcentrum – din väg framåt"):
        application = application_selectors.application_load(
            Application.objects.get(name=name).pk)
        budgets[name] = application_selectors.budget_data(application)
    assert budgets["Framsteget i Håbo"] is None
    en_vag_in = b.compute(budgets["En väg in – steget vidare"])
    assert (en_vag_in.total_association, en_vag_in.total_co_financing) == (3930000, 310000)
    jobbcentrum = b.compute(budgets["Jobbcentrum – din väg framåt"])
    assert (jobbcentrum.total_association, jobbcentrum.total_co_financing) == (
        5350000, 1494616)


def test_jobbcentrum_is_submitted_as_2021_15_with_the_salary_period_warning(demo):
    case = Case.objects.get(number="2021-15")
    application = application_selectors.application_load(case.application_id)
    assert application.status == Application.Status.SUBMITTED
    warnings = checks.budget_warnings(
        application_selectors.budget_data(application),
        planned_start=application.planned_start, planned_end=application.planned_end,
        requires_co_financing=application.association.requires_co_financing)
    assert any("2024-12-31" in str(w) for w in warnings)


def test_the_predecessors_decision_is_a_case_without_application(demo):
    decision = Decision.objects.get(amount=5900000)
    assert decision.case.application is None
    assert decision.case.title == "En väg in – flera vägar ut Knivsta"
    assert decision.case.intervention.name == "En väg in – steget vidare"
    assert (decision.period_start.isoformat(), decision.period_end.isoformat()) == (
        "2018-01-01", "2021-12-31")
    assert decision.is_final

