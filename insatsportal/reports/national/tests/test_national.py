import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.reports.models import AdministrativeCost, Requisition
from insatsportal.reports.national import services as national

pytestmark = pytest.mark.django_db


def test_the_national_rows_hold_budget_outcome_and_participants_for_the_year(demo):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    Requisition.objects.create(intervention=intervention, member=intervention.owner, year=2023,
                               quarter=1, total=Decimal(50000),
                               status=Requisition.Status.APPROVED)
    Requisition.objects.create(intervention=intervention, member=intervention.owner, year=2023,
                               quarter=2, total=Decimal(7000))  # not approved: not an outcome
    row = next(r for r in national.national_rows(2023) if r["intervention"] == intervention)
    assert row["outcome"] == 50000
    assert row["budget"] == 1818000 + 147000  # the decided application's year 2023
    assert row["planned"] == 60


def test_the_export_escapes_formula_text_in_every_format(login):
    Intervention.objects.create(name="=HYPERLINK(\"http://x\")", start_date="2024-01-01",
                                end_date="2024-12-31",
                                owner=Member.objects.get(name="Håbo kommun"))
    AdministrativeCost.objects.create(year=2024, amount=Decimal(812000))
    client = login("rapportlasare")
    text = client.get(reverse("reports:national_export", args=["csv"]) + "?ar=2024")
    rows = list(csv.reader(io.StringIO(text.content.decode("utf-8-sig")), delimiter=";"))
    names = [row[1] for row in rows]
    assert "'=HYPERLINK(\"http://x\")" in names
    assert rows[-1][5] == "812000"
    sheet = load_workbook(io.BytesIO(client.get(
        reverse("reports:national_export", args=["xlsx"]) + "?ar=2024").content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert all(cell.data_type != "f" for cell in cells)
    assert "'=HYPERLINK(\"http://x\")" in [cell.value for cell in cells]


def test_the_office_enters_the_administrative_costs(login):
    response = login("kansli").post(reverse("reports:national") + "?ar=2024",
                                    {"amount": "812 000", "note": "Kansli och styrelse"})
    assert response.status_code == 302
    assert AdministrativeCost.objects.get(year=2024).amount == 812000
    assert login("styrelse").post(reverse("reports:national") + "?ar=2024",
                                  {"amount": "1"}).status_code == 403
