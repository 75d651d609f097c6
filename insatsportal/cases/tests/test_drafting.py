"""The drafted decision proposal for the seed applications, in the structure of seed 003."""

import datetime

import pytest

from insatsportal.cases import selectors
from insatsportal.cases.comparison import applied_vs_granted
from insatsportal.cases.models import Case, Decision

D = datetime.date


@pytest.fixture
def jobbcentrum(demo):
    return Case.objects.get(number="2021-15")


def test_the_draft_for_jobbcentrum_reads_like_a_tjansteskrivelse(jobbcentrum):
    draft = selectors.case_draft(jobbcentrum)
    assert draft.title == "Ansökan Jobbcentrum – din väg framåt"
    assert draft.clauses[0] == (
        "bevilja finansiellt stöd enligt ansökan för insatsen Jobbcentrum – din väg framåt för "
        "perioden 1 januari 2022 till 31 december 2023, maximalt 5\xa0350\xa0000\xa0kronor"
    )
    # 2022–2023 lie within the demo's decided contributions: no conditional clause.
    assert len(draft.clauses) == 2
    assert draft.clauses[1].startswith("finansiering av insatsen gäller under förutsättning att "
                                       "insatsen följer aktuell ansökan")
    assert draft.matter.startswith(
        "Enköpings kommun tillsammans med Arbetsförmedlingen ansöker om finansiering för "
        "insatsen Jobbcentrum – din väg framåt under perioden 1 januari 2022 till "
        "31 december 2023."
    )
    assert "Ansökan rör en individinriktad insats där Enköpings kommun är insatsägare och " \
           "Arbetsförmedlingen är samverkansparter." in draft.assessment
    assert "LOKUS Enköping 16 april 2021 och 11 juni 2021" in draft.assessment
    assert (draft.signer_name, draft.signer_title) == ("Åsa Fichtel", "Förbundschef")


def test_the_draft_for_the_extension_names_the_earlier_intervention(demo):
    case = Case.objects.get(title="En väg in – steget vidare")
    draft = selectors.case_draft(case, amount=3_391_000, period_start=D(2023, 1, 1),
                                 period_end=D(2024, 12, 31))
    assert "för perioden 1 januari 2023 till 31 december 2024, maximalt 3\xa0391\xa0000" \
        in draft.clauses[0]
    assert "Ansökan gäller en förlängning av tidigare insats" in draft.matter
    assert "Knivsta kommun tillsammans med" in draft.matter


def test_applied_vs_granted_lists_amount_and_period_as_between_seed_000_and_003(demo):
    decision = Decision.objects.get(amount=3_391_000)
    case = decision.case
    differences = applied_vs_granted(
        application=case.application, applied_amount=selectors.applied_amount(case.application),
        decision=decision,
    )
    by_aspect = {d.aspect: d for d in differences}
    amount = by_aspect["Belopp från förbundet"]
    assert (amount.applied, amount.granted) == ("3\xa0930\xa0000\xa0kr", "3\xa0391\xa0000\xa0kr")
    assert amount.note == "−539\xa0000\xa0kr jämfört med ansökan."
    period = by_aspect["Period"]
    assert period.applied == "1 januari 2022 – 31 december 2023"
    assert period.granted == "1 januari 2023 – 31 december 2024"


def test_the_comparison_names_staffing_the_proposal_leaves_out(demo):
    decision = Decision.objects.get(amount=3_391_000)
    proposal = decision.case.proposal
    proposal.matter = "Ingen bemanning nämns här."
    differences = applied_vs_granted(
        application=decision.case.application, applied_amount=3_391_000, decision=decision,
        proposal=proposal,
    )
    assert any(d.aspect == "Personalresurser" for d in differences)


def test_nothing_differs_when_the_decision_grants_what_was_applied(jobbcentrum):
    application = jobbcentrum.application
    decision = Decision(amount=5_350_000, period_start=application.planned_start,
                        period_end=application.planned_end, outcome="granted")
    assert applied_vs_granted(application=application, applied_amount=5_350_000,
                              decision=decision) == []
