"""Room in the chain: the checklist item, the conditional att-clause and the warning
before a decision that would leave a year's room negative."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.cases import selectors as case_selectors
from insatsportal.cases.checklist import OK, PROBLEM
from insatsportal.cases.models import Case, Decision
from insatsportal.economy import selectors, services
from insatsportal.organisations.selectors import association_current

D = datetime.date
CONDITIONAL = ("finansieringen av insatsen gäller under förutsättning att förbundet beviljas "
               "medel från medlemsorganisationerna framöver.")


@pytest.fixture
def jobbcentrum(demo):
    return Case.objects.get(number="2021-15")


def _room_item(case):
    return next(item for item in case_selectors.case_checklist(case) if item.key == "room")


def test_the_checklist_says_jobbcentrum_does_not_fit_in_2023_with_the_amounts(jobbcentrum):
    item = _room_item(jobbcentrum)
    assert item.status == PROBLEM
    assert item.label == "Ryms i förbundets budget"
    assert "2022: 2\xa0675\xa0000\xa0kr av utrymmet 2\xa0800\xa0000\xa0kr." in item.reason
    assert "2023: 2\xa0675\xa0000\xa0kr av utrymmet 856\xa0819\xa0kr." in item.reason
    # 2023: 856 819 − 2 675 000; 2024 inherits it: 1 309 000 − 2 675 000
    assert "negativt 2023 och 2024 (−1\xa0818\xa0181\xa0kr och −1\xa0366\xa0000\xa0kr)" \
        in item.reason


def test_the_checklist_says_it_fits_once_the_books_show_more_equity(jobbcentrum):
    services.fiscal_year_save(association=association_current(), year=2023,
                              opening_equity=Decimal(3_000_000), administration=Decimal(900_000),
                              actor=User.objects.get(username="kansli"))
    assert _room_item(jobbcentrum).status == OK


def test_the_draft_within_decided_years_has_no_conditional_clause(jobbcentrum):
    assert CONDITIONAL not in case_selectors.case_draft(jobbcentrum).clauses


def test_a_grant_running_into_2025_gets_the_conditional_clause_as_in_seed_003(jobbcentrum):
    draft = case_selectors.case_draft(jobbcentrum, amount=5_350_000,
                                      period_start=D(2024, 1, 1), period_end=D(2025, 12, 31))
    assert draft.clauses[1] == CONDITIONAL
    assert len(draft.clauses) == 3


def test_in_september_2022_the_years_of_seed_003_lay_beyond_decided_contributions(demo):
    # Seed 003 was proposed on 1 September 2022 for 2023–2024; 2023 was decided in November.
    assert selectors.years_beyond_decided(D(2023, 1, 1), D(2024, 12, 31),
                                          today=D(2022, 9, 1)) == [2023, 2024]
    assert selectors.years_beyond_decided(D(2023, 1, 1), D(2024, 12, 31),
                                          today=D(2024, 1, 1)) == []


def _decision_post(**extra):
    return {"outcome": "granted", "decided_on": "2022-09-22", "amount": "5350000",
            "period_start": "2022-01-01", "period_end": "2023-12-31", **extra}


def test_the_office_is_warned_before_a_decision_that_leaves_a_year_negative(jobbcentrum, login):
    client = login("kansli")
    client.post(reverse("cases:start_preparation", args=[jobbcentrum.pk]))
    url = reverse("cases:decision", args=[jobbcentrum.pk])
    response = client.get(url)
    assert "Förbundets budget har inte utrymme för detta beviljande." in response.text
    response = client.post(url, _decision_post())
    assert response.status_code == 200
    assert "2023: kvarvarande utrymme skulle bli −1\xa0818\xa0181\xa0kr." in response.text
    assert "Registrera beslutet ändå" in response.text
    assert not Decision.objects.filter(case=jobbcentrum).exists()
    response = client.post(url, _decision_post(room_confirmed="1"))
    assert response.status_code == 302
    assert Decision.objects.filter(case=jobbcentrum, amount=5_350_000).exists()


def test_a_decision_that_fits_is_recorded_at_once(jobbcentrum, login):
    client = login("kansli")
    client.post(reverse("cases:start_preparation", args=[jobbcentrum.pk]))
    response = client.post(reverse("cases:decision", args=[jobbcentrum.pk]),
                           _decision_post(amount="500000"))
    assert response.status_code == 302
    assert Decision.objects.filter(case=jobbcentrum, amount=500_000).exists()


def test_the_board_sees_the_warning_beside_the_proposal(jobbcentrum, login):
    login("kansli").post(reverse("cases:start_preparation", args=[jobbcentrum.pk]))
    login("kansli").post(reverse("cases:proposal_draft", args=[jobbcentrum.pk]))
    response = login("styrelse").get(reverse("cases:detail", args=[jobbcentrum.pk]))
    assert "Förbundets budget har inte utrymme för detta beviljande." in response.text
