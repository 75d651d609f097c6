"""The economy pages: the board reads, the office writes, every change in the audit log."""

import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from insatsportal.core.models import AuditEntry
from insatsportal.economy.models import Contribution, EconomySettings, FiscalYear, PlannedCost
from insatsportal.organisations.models import Member

K = Decimal


def test_the_overview_shows_table_chart_and_drill_down_links(login):
    response = login("styrelse").get(reverse("economy:overview") + "?fran=2022")
    text = response.text
    assert "Utrymme kvar" in text and "<svg" in text
    assert "856\xa0819\xa0kr" in text  # 2023's room
    assert f'href="{reverse("economy:year", args=[2023])}#committed"' in text
    assert "Det egna kapitalet efter 2022, 2\xa0800\xa0000\xa0kr, överstiger förbundets tak" in text
    assert "Tak för eget kapital" in text
    # bars carry their values: 2023's room as a short label
    assert "0,9\xa0mnkr" in text or "857\xa0tkr" in text


def test_the_year_page_names_the_interventions_behind_each_figure(login):
    text = login("styrelse").get(reverse("economy:year", args=[2023])).text
    assert "En väg in – steget vidare" in text and "1\xa0693\xa0181\xa0kr" in text
    assert "2021-15 Jobbcentrum – din väg framåt" in text
    assert "Försäkringskassan" in text and "1\xa0500\xa0000\xa0kr" in text
    assert "Ändra årets budget" not in text  # the board reads only


def test_a_year_without_budget_says_so(login):
    text = login("kansli").get(reverse("economy:overview") + "?fran=2026").text
    assert "Ingen budget är registrerad för 2026" in text


def test_the_office_records_a_new_year_and_it_is_logged(login):
    client = login("kansli")
    response = client.post(reverse("economy:fiscal_year", args=[2026]),
                           {"opening_equity": "", "administration": "950 000", "note": ""})
    assert response.status_code == 302
    year = FiscalYear.objects.get(year=2026)
    assert year.administration == K("950000") and year.opening_equity is None
    assert AuditEntry.objects.filter(action="fiscal_year.saved", object_id=str(year.pk)).exists()


def test_bad_input_keeps_the_text_and_says_why_in_swedish(login):
    response = login("kansli").post(reverse("economy:fiscal_year", args=[2026]),
                                    {"administration": "nio hundra", "opening_equity": "-5"})
    assert response.status_code == 400
    assert "nio hundra" in response.text
    assert "är inte ett belopp" in response.text or "inte ett belopp" in response.text
    assert not FiscalYear.objects.filter(year=2026).exists()


def test_the_contributions_form_saved_unchanged_changes_nothing(login):
    client = login("kansli")
    url = reverse("economy:contributions", args=[2024])
    form = client.get(url).context["form"]
    data = {name: form[name].value() or "" for name in form.fields}
    data = {k: (v.isoformat() if hasattr(v, "isoformat") else str(v)) for k, v in data.items()}
    before = AuditEntry.objects.count()
    assert client.post(url, data).status_code == 302
    assert AuditEntry.objects.count() == before


def test_the_office_splits_a_total_by_finsam_shares_and_records_a_decision(login):
    client = login("kansli")
    client.post(reverse("economy:contributions_split", args=[2025]), {"total": "4 000 000"})
    rows = {c.member.kind: c for c in Contribution.objects.filter(fiscal_year__year=2025)
            .select_related("member")}
    assert rows[Member.Kind.FK].planned == K("2000000")
    assert rows[Member.Kind.REGION].planned == K("1000000")
    assert sum(c.planned for c in Contribution.objects.filter(
        fiscal_year__year=2025, member__kind=Member.Kind.KOMMUN)) == K("1000000")
    assert AuditEntry.objects.filter(action="contributions.planned").exists()


def test_a_decided_contribution_needs_its_date(login):
    client = login("kansli")
    url = reverse("economy:contributions", args=[2025])
    fk = Member.objects.get(kind=Member.Kind.FK)
    form = client.get(url).context["form"]
    data = {name: str(form[name].value() or "") for name in form.fields}
    data[f"decided_{fk.pk}"] = "1 600 000"
    response = client.post(url, data)
    assert response.status_code == 400
    assert "Ange datum då medlemmen beslutade sin avgift." in response.text
    assert Contribution.objects.get(fiscal_year__year=2025, member=fk).decided is None


@pytest.mark.parametrize("url", [
    reverse("economy:fiscal_year", args=[2023]),
    reverse("economy:contributions_split", args=[2023]),
    reverse("economy:cost_add", args=[2023]),
    reverse("economy:settings"),
])
def test_the_board_cannot_write_and_nothing_changes(login, url):
    before = (list(FiscalYear.objects.values()), list(Contribution.objects.values()),
              list(PlannedCost.objects.values()), EconomySettings.objects.count())
    response = login("styrelse").post(url, {"total": "9000000", "administration": "1",
                                            "label": "x", "amount": "1",
                                            "equity_ceiling_percent": "50"})
    assert response.status_code == 403
    assert before == (list(FiscalYear.objects.values()), list(Contribution.objects.values()),
                      list(PlannedCost.objects.values()), EconomySettings.objects.count())


def test_the_ceiling_is_a_setting_and_changes_the_warning(login):
    client = login("kansli")
    client.post(reverse("economy:settings"), {"equity_ceiling_percent": "100"})
    assert EconomySettings.objects.get().equity_ceiling_percent == K("100")
    text = client.get(reverse("economy:overview") + "?fran=2022").text
    assert "Det egna kapitalet efter 2022" not in text  # 2 800 000 ≤ 3 000 000
    assert "Det egna kapitalet efter 2025" in text  # 3 509 000 > 3 200 000


def test_the_budget_against_outcome_downloads_as_xlsx_with_escaped_text(login):
    client = login("kansli")
    client.post(reverse("economy:cost_add", args=[2024]),
                {"label": "=HYPERLINK(\"http://x\")", "amount": "10 000", "outcome": "8 000"})
    response = client.get(reverse("economy:export", args=[2024]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert rows[0] == ["Post", "Specifikation", "Budget", "Utfall", "Avvikelse"]
    assert ["Övriga kostnader", "'=HYPERLINK(\"http://x\")", 10000, 8000, -2000] in rows
    assert ["Samverkansinsatser", "En väg in – steget vidare", 1697819, 439200,
            -1258619] in rows
    assert ["Summa intäkter", None, 3200000, 3200000, 0] in rows


def test_a_cost_is_added_and_removed_with_audit(login):
    client = login("kansli")
    client.post(reverse("economy:cost_add", args=[2025]),
                {"label": "Konferenser", "amount": "40 000", "outcome": ""})
    cost = PlannedCost.objects.get(fiscal_year__year=2025, label="Konferenser")
    client.post(reverse("economy:cost_delete", args=[2025, cost.pk]))
    assert not PlannedCost.objects.filter(pk=cost.pk).exists()
    assert AuditEntry.objects.filter(action__in=["planned_cost.saved",
                                                 "planned_cost.deleted"]).count() == 2
