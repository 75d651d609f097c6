"""The economy's writes refuse bad input whole: nothing is half saved."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.economy import services
from insatsportal.economy.models import Contribution, FiscalYear
from insatsportal.organisations.models import Member


@pytest.fixture
def kansli(demo):
    return User.objects.get(username="kansli")


def _rows(fiscal_year):
    return [{"member": c.member, "share_weight": c.share_weight, "planned": c.planned,
             "decided": c.decided, "decided_on": c.decided_on, "paid": c.paid}
            for c in fiscal_year.contributions.select_related("member")]


def test_a_negative_amount_in_one_row_saves_no_row(kansli):
    year = FiscalYear.objects.get(year=2025)
    rows = _rows(year)
    rows[0]["planned"] = Decimal(1)
    rows[-1]["paid"] = Decimal(-5)
    before = list(Contribution.objects.filter(fiscal_year=year).values())
    with pytest.raises(services.EconomyError, match="negativa"):
        services.contributions_save(fiscal_year=year, rows=rows, actor=kansli)
    assert list(Contribution.objects.filter(fiscal_year=year).values()) == before


def test_a_decided_contribution_without_date_is_refused(kansli):
    year = FiscalYear.objects.get(year=2025)
    rows = _rows(year)
    rows[0]["decided"] = Decimal(100)
    with pytest.raises(services.EconomyError, match="datum"):
        services.contributions_save(fiscal_year=year, rows=rows, actor=kansli)
    rows[0]["decided_on"] = datetime.date(2024, 11, 20)
    assert services.contributions_save(fiscal_year=year, rows=rows, actor=kansli) == 1


def test_a_split_without_the_municipalities_basis_is_refused_and_keeps_the_total(login):
    year = FiscalYear.objects.get(year=2025)
    Contribution.objects.filter(fiscal_year=year, member__kind=Member.Kind.KOMMUN).update(
        share_weight=None)
    response = login("kansli").post(reverse("economy:contributions_split", args=[2025]),
                                    {"total": "4 100 000"})
    assert response.status_code == 400
    assert "Ange kommunernas fördelningsgrund" in response.text
    assert "4 100 000" in response.text or "4\xa0100\xa0000" in response.text
