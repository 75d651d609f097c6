"""Each check: the Swedish warning and the field it is attached to, on the page too."""

import datetime
from decimal import Decimal

from insatsportal.applications import budget as b
from insatsportal.applications import checks, selectors, services
from insatsportal.applications.agreement import DEFAULT_TEXT
from insatsportal.applications.tests.conftest import complete_data


def _warnings(application):
    return selectors.application_warnings(selectors.application_load(application.pk))


def _only(warnings, code):
    found = [w for w in warnings if w.code == code]
    assert len(found) == 1, warnings
    return found[0]


def _budget(**changes):
    budget = complete_data()["budget"]
    budget.update(changes)
    return budget


def test_a_complete_application_has_no_warnings(draft):
    assert _warnings(draft) == []


def test_the_year_table_is_checked_against_the_total(draft, owner_user, login):
    budget = _budget(years=[{"index": 1, "year": 2024, "salary": "600000", "other": "10000"}])
    services.budget_save(actor=owner_user, application=draft, budget=budget)
    warning = _only(_warnings(draft), "years_vs_total")
    assert warning.field == "years"
    assert warning.message == ("Åren summerar till 610\xa0000\xa0kr men totalt från "
                               "Samordningsförbundet är 1\xa0220\xa0000\xa0kr.")
    page = login("insatsansvarig").get(f"/ansokningar/{draft.pk}/budget/").content.decode()
    assert 'data-field="years"' in page


def test_the_owners_columns_are_checked_against_the_stated_totals(draft, owner_user):
    budget = _budget(stated_total="1300000", owners=[
        {"position": 0, "member": "Knivsta kommun", "stated_association": "1200000"}])
    services.budget_save(actor=owner_user, application=draft, budget=budget)
    warnings = [w for w in _warnings(draft) if w.code == "owners_vs_total"]
    assert {w.field for w in warnings} == {"owners.0.stated_association", "stated_total"}
    stated = next(w for w in warnings if w.field == "stated_total")
    assert stated.message == ("Insatsägarnas kolumner summerar till 1\xa0220\xa0000\xa0kr, inte "
                              "de 1\xa0300\xa0000\xa0kr som anges som totalt från "
                              "Samordningsförbundet.")


def test_a_salary_period_outside_the_planned_period_is_flagged(draft, owner_user):
    budget = _budget()
    budget["lines"][0]["period_to"] = "2026-06-30"
    services.budget_save(actor=owner_user, application=draft, budget=budget)
    warning = _only(_warnings(draft), "salary_period_outside")
    assert warning.field == "salary.association.0.period"
    assert warning.message == ("Lönens tidsperiod 2024-01-01 – 2026-06-30 ligger utanför den "
                               "planerade insatstiden 2024-01-01 – 2025-12-31.")


def test_more_than_100_percent_of_full_time_is_flagged(draft, owner_user):
    budget = _budget()
    budget["lines"][0]["percent"] = "120"
    services.budget_save(actor=owner_user, application=draft, budget=budget)
    services.application_update(actor=owner_user, application=draft, data={"staffing": [
        {"title": "Coach", "percent": "150", "employer": "Knivsta kommun"}]})
    warnings = [w for w in _warnings(draft) if w.code == "percent_over_100"]
    assert {w.field for w in warnings} == {"salary.association.0.percent", "staffing.0.percent"}
    assert "120 % av heltid är mer än en heltidstjänst." in {w.message for w in warnings}


def test_a_period_longer_than_the_förbund_allows_is_flagged(draft, owner_user, demo):
    demo.max_period_months = 24
    demo.save()
    services.application_update(actor=owner_user, application=draft,
                                data={"planned_end": "2026-01-01"})
    warning = _only(_warnings(draft), "period_too_long")
    assert warning.field == "planned_end"
    assert warning.message == ("Den planerade insatstiden är längre än förbundet tillåter "
                               "(24 månader).")


def test_exactly_the_longest_period_is_allowed():
    start = datetime.date(2022, 1, 1)
    assert checks.period_warnings(start, datetime.date(2024, 12, 31), 36) == []
    assert checks.period_warnings(start, datetime.date(2025, 1, 1), 36) != []
    assert checks.add_months(datetime.date(2022, 1, 31), 1) == datetime.date(2022, 2, 28)


def test_no_co_financing_is_flagged_where_the_förbund_requires_it(draft, owner_user, demo):
    demo.requires_co_financing = True
    demo.save()
    assert [w for w in _warnings(draft) if w.code == "no_co_financing"] == []
    budget = _budget()
    budget["lines"] = budget["lines"][:2]
    services.budget_save(actor=owner_user, application=draft, budget=budget)
    warning = _only(_warnings(draft), "no_co_financing")
    assert warning.field == "co_financing"
    assert warning.message == "Förbundet kräver egenfinansiering, men budgeten har ingen."


def test_ages_outside_16_to_64_are_flagged(draft, owner_user):
    services.application_update(actor=owner_user, application=draft,
                                data={"age_min": 15, "age_max": 65})
    warnings = [w for w in _warnings(draft) if w.code == "age_range"]
    assert [(w.field, w.message) for w in warnings] == [
        ("age_min", "Målgruppen börjar vid 15 år; förbundet finansierar insatser för personer "
                    "16–64 år."),
        ("age_max", "Målgruppen går upp till 65 år; förbundet finansierar insatser för personer "
                    "16–64 år."),
    ]


def test_a_changed_agreement_text_is_flagged_with_what_changed(draft, owner_user):
    changed = DEFAULT_TEXT.replace("maxbelopp", "riktbelopp")
    services.application_update(actor=owner_user, application=draft,
                                data={"agreement_text": changed})
    warning = _only(_warnings(draft), "agreement_changed")
    assert warning.field == "agreement_text"
    assert warning.message.startswith("Överenskommelsens text skiljer sig från förbundets text")
    assert "«maxbelopp,» → «riktbelopp,»" in warning.message


def test_line_breaks_in_the_agreement_are_not_a_change():
    assert checks.agreement_warnings(DEFAULT_TEXT.replace("\n\n", "\n"), DEFAULT_TEXT) == []


def test_checks_work_on_plain_values():
    data = b.BudgetData(lines=(b.Line(b.ASSOCIATION, b.SALARY, title="Coach",
                                      percent=Decimal("101"),
                                      amounts=(Decimal(1),) + (b.ZERO,) * 4),))
    warnings = checks.budget_warnings(data, planned_start=None, planned_end=None,
                                      requires_co_financing=False)
    assert [w.field for w in warnings] == ["salary.association.0.percent"]


def test_seed_002s_salary_period_warning_is_shown_to_the_office(seed, login):
    application = seed("Jobbcentrum – din väg framåt")
    page = login("kansli").get(f"/ansokningar/{application.pk}/").content.decode()
    assert page.count('data-field="salary.association.') == 5
    assert ("Lönens tidsperiod 2022-01-01 – 2024-12-31 ligger utanför den planerade "
            "insatstiden 2022-01-01 – 2023-12-31.") in page
