"""The three seed applications in the demo."""

from decimal import Decimal

from insatsportal.applications import budget as b
from insatsportal.applications import selectors
from insatsportal.applications.models import Application


def _loaded(name):
    return selectors.application_load(Application.objects.get(name=name).pk)


def test_seed_000_has_its_budget_and_continues_the_intervention(demo):
    application = _loaded("En väg in – steget vidare")
    totals = b.compute(selectors.budget_data(application))
    assert totals.total_association == Decimal("3930000")
    assert totals.total_co_financing == Decimal("310000")
    assert application.continues.name == "En väg in – steget vidare"
    assert application.continuation_kind == "extension"
    assert application.predecessor_name == "En väg in – flera vägar ut Knivsta"
    assert [p.member.name for p in application.partners.all()] == [
        "Arbetsförmedlingen", "Region Uppsala", "Försäkringskassan"]
    assert application.participants_per_year == 60
    assert selectors.application_warnings(application) == []


def test_seed_001_has_two_sub_parts_and_no_budget(demo):
    application = _loaded("Framsteget i Håbo")
    assert [p.name for p in application.parts.all()] == ["Samordningsteam", "Ungdomssatsningen"]
    assert application.goals.filter(part__name="Ungdomssatsningen").count() == 3
    assert selectors.budget_data(application) is None
    # No decision on it is among the seeds: it waits for the board, with no intervention yet.
    assert application.intervention is None
    assert application.status == "submitted"


def test_seed_002_is_submitted_with_5_350_000_and_the_salary_period_warning(demo):
    application = _loaded("Jobbcentrum – din väg framåt")
    assert (application.status, application.case_number) == ("submitted", "2021-15")
    assert application.owner.name == "Enköpings kommun"
    totals = b.compute(selectors.budget_data(application))
    assert totals.total_association == Decimal("5350000")
    assert totals.total_co_financing == Decimal("1494616")
    codes = [w.code for w in selectors.application_warnings(application)]
    assert codes.count("salary_period_outside") == 5
    assert "years_vs_total" not in codes and "owners_vs_total" not in codes
