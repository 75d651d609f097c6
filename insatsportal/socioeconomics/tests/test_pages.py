"""The estimate from registered participants, its pages, and the office's parameters."""

import datetime
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from stdnum import luhn

from insatsportal.core.models import AuditEntry
from insatsportal.core.money import group_thousands
from insatsportal.participants.tests import factories as f
from insatsportal.socioeconomics import selectors
from insatsportal.socioeconomics.models import CostParameter

pytestmark = pytest.mark.django_db


def register(n, *, income_after=("ingen",)):
    from insatsportal.participants.services.discharge import discharge_record

    people = []
    for serial in range(1, n + 1):
        # Fictional, Luhn-valid numbers.
        digits = f"900101{serial:03d}"
        person = f.identified(pnr=f"19900101-{serial:03d}{luhn.calc_check_digit(digits)}",
                              name="Test Person")
        f.enrol(person)
        discharge_record(actor=f.staff(), participant=person,
                         discharged_on=datetime.date(2024, 9, 30), end_type="planned",
                         income_after=[f.code("income", c) for c in income_after],
                         occupation_after=f.code("occupation", "arbete-osubventionerat"),
                         occupation_after_percent=100)
        people.append(person)
    return people


def current(intervention):
    from insatsportal.organisations.selectors import association_current

    rows = selectors.period_estimates(interventions=[intervention],
                                      association=association_current())
    return next(r.estimate for r in rows if r.grant.period_start.year == 2023)


def test_the_estimate_reads_the_registered_states_and_follows_a_changed_parameter(demo):
    register(5)
    intervention = f.intervention()
    # The factory's enrolment: försörjningsstöd (kommun 9 500) and a-kassa (staten 15 000);
    # after: no public support. Five people, 12 months, persistence assumed 50 %.
    estimate = current(intervention)
    parties = {p.payer: p for p in estimate.parties}
    assert parties["kommun"].change_per_month == Decimal(5 * 9_500)
    assert parties["kommun"].projected == Decimal(5 * 9_500 * 12) / 2
    assert parties["state"].projected == Decimal(5 * 15_000 * 12) / 2

    CostParameter.objects.filter(year=2024, code="forsorjningsstod").update(
        monthly_cost=Decimal(12_000))
    parties = {p.payer: p for p in current(intervention).parties}
    assert parties["kommun"].projected == Decimal(5 * 12_000 * 12) / 2  # 360 000


def test_small_groups_show_no_figures_on_the_page(demo, login):
    register(4)
    page = login("kansli").get(reverse("socioeconomics:intervention",
                                       args=[f.intervention().pk]))
    assert page.status_code == 200
    assert "Färre än fem deltagare" in page.content.decode()


def test_the_intervention_page_shows_each_party_with_its_method(demo, login):
    register(5)
    url = reverse("socioeconomics:intervention", args=[f.intervention().pk])
    html = login("styrelse").get(url).content.decode()
    assert "Kommun" in html and "Staten (övrigt)" in html
    assert "285\xa0000\xa0kr" in html  # kommun: 5 × 9 500 × 12 × 50 %
    assert "Metod, antaganden och vad som inte ingår" in html
    assert "<svg" in html
    longer = login("styrelse").get(url, {"horisont": 24}).content.decode()
    assert "570\xa0000\xa0kr" in longer


def test_the_overview_puts_every_intervention_side_by_side(demo, login):
    register(5)
    html = login("rapportlasare").get(reverse("socioeconomics:overview")).content.decode()
    assert f.INTERVENTION in html
    assert "Per insats och period" in html


def test_the_dashboard_embeds_the_same_side_by_side_table(demo, login):
    register(5)
    estimate = current(f.intervention())
    for role in ("kansli", "styrelse"):
        html = login(role).get(reverse("reports:index")).content.decode()
        table = html[html.index('id="estimates-heading"'):]
        assert "Per insats och period" in table and "Metod, antaganden" in table
        row = table[table.index("2023-01-01 – 2024-12-31"):]
        row = row[:row.index("</tr>")]
        assert group_thousands(estimate.projected) in row


def test_the_office_changes_a_parameter_and_the_audit_log_keeps_the_old_value(demo, login):
    parameter = CostParameter.objects.get(year=2024, code="forsorjningsstod", payer="kommun")
    client = login("kansli")
    response = client.post(reverse("socioeconomics:parameter_edit", args=[parameter.pk]), {
        "year": 2024, "code_list": "income", "code": "forsorjningsstod", "payer": "kommun",
        "monthly_cost": "10100", "source": "Socialstyrelsen 2024", "source_date": "2025-01-31"})
    assert response.status_code == 302
    parameter.refresh_from_db()
    assert parameter.monthly_cost == Decimal(10_100)
    entry = AuditEntry.objects.filter(action="cost_parameter.changed").latest("pk")
    assert entry.data["old"]["monthly_cost"] == "9500"
    assert entry.data["new"]["monthly_cost"] == "10100"


def test_an_unknown_code_is_refused_in_swedish_and_the_text_is_kept(demo, login):
    client = login("kansli")
    page = client.get(reverse("socioeconomics:parameter_create")).content.decode()
    token = re.search(r'name="form_token" value="([0-9a-f-]{36})"', page)[1]
    data = {"form_token": token, "year": 2025, "code_list": "income", "code": "inget-sadant",
            "payer": "kommun", "monthly_cost": "100", "source": "Min egen källa",
            "source_date": "2025-01-01"}
    response = client.post(reverse("socioeconomics:parameter_create"), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Kodlistan har ingen sådan kod." in html
    assert "Min egen källa" in html
    assert not CostParameter.objects.filter(year=2025).exists()


def test_settings_are_saved_by_the_office_and_change_the_estimate(demo, login):
    register(5)
    client = login("kansli")
    response = client.post(reverse("socioeconomics:settings"), {
        "horizon_months": 24, "uncertainty_percent": 10, "unknown_persistence_percent": 100})
    assert response.status_code == 302
    parties = {p.payer: p for p in current(f.intervention()).parties}
    assert parties["kommun"].projected == Decimal(5 * 9_500 * 24)


def test_only_the_office_may_change_parameters(demo, login):
    parameter = CostParameter.objects.get(year=2024, code="forsorjningsstod", payer="kommun")
    for role in ("styrelse", "rapportlasare", "insatsansvarig"):
        response = login(role).post(reverse("socioeconomics:parameter_delete",
                                            args=[parameter.pk]))
        assert response.status_code == 403
    assert CostParameter.objects.filter(pk=parameter.pk).exists()


def test_defaults_are_added_back_where_missing(demo, login):
    CostParameter.objects.filter(code="sjukpenning").delete()
    login("kansli").post(reverse("socioeconomics:parameter_defaults"))
    assert CostParameter.objects.filter(code="sjukpenning").count() == 2


def test_the_estimate_reads_a_constant_number_of_queries(demo, django_assert_max_num_queries):
    from insatsportal.organisations.selectors import association_current

    register(5)
    intervention = f.intervention()
    association = association_current()
    # settings, parameters, the kept facts grouped by grant, year and known states,
    # requisitions, grants: the same for any number of people
    with django_assert_max_num_queries(5):
        selectors.period_estimates(interventions=[intervention], association=association)
    for person in f.intervention().participants.all():
        f.follow_up(person)
    from insatsportal.socioeconomics.tests.test_tally import _person

    for serial in range(40, 46):
        _person(serial, follow_up=("forsorjningsstod",))
    with django_assert_max_num_queries(5):
        selectors.period_estimates(interventions=[intervention], association=association)
