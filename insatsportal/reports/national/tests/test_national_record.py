"""The national report on the budget of record: missing is blank, zero is 0, small groups
carry their own marker (hand-made interventions)."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from insatsportal.interventions.models import Intervention
from insatsportal.interventions.tests.factories import D, application_data, grant_make
from insatsportal.organisations.models import Member
from insatsportal.participants.tests import factories as people
from insatsportal.reports.national import services as national


@pytest.fixture
def made(demo):
    grant = grant_make(amount=1_000_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                       data=application_data(name="Nationell test"))
    women = [people.anonymous(where="Nationell test", sex="kvinna", start_year=2024)
             for _ in range(6)]
    for woman in women[:2]:
        people.discharge(woman, discharged_on=D(2024, 10, 1))
    bare = Intervention.objects.create(name="Utan beslut", owner=Member.objects.get(
        name="Håbo kommun"), start_date=D(2024, 1, 1), end_date=D(2024, 12, 31),
        orientation=Intervention.Orientation.STRUCTURAL)
    return grant.intervention, bare


def _row(rows, name):
    return next(r for r in rows if r["intervention"].name == name)


def test_the_rows_follow_the_budget_of_record_and_name_what_is_missing(made):
    rows = national.national_rows(2024)
    row = _row(rows, "Nationell test")
    assert row["budget"] == 500_684 and row["pro_rata"]
    assert row["outcome"] is None and row["planned"] is None
    assert row["new"] == [6, 0, 0]
    assert row["ended"] == ["<5", "<5", "<5"]
    assert "utfall för året (ingen godkänd rekvisition)" in row["missing"]
    bare = _row(rows, "Utan beslut")
    assert bare["budget"] is None and bare["reach"] is None
    assert "antal nådda personer" in bare["missing"]
    demo_row = _row(rows, "En väg in – steget vidare")
    assert demo_row["budget"] == 1_697_819  # 2024's days of the 3 391 000 kr grant


def test_the_export_keeps_blank_zero_and_suppressed_apart(made, login):
    client = login("kansli")
    url = reverse("reports:national_export", args=["csv"]) + "?ar=2024"
    table = list(csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig")),
                            delimiter=";"))
    header = table[0]
    row = next(r for r in table if r[1] == "Nationell test")
    cell = dict(zip(header, row, strict=True))
    assert cell["Budget för året (kr)"] == "500684"
    assert cell["Utfall för året (kr)"] == ""  # missing, not 0
    assert cell["Nya: Kvinna"] == "6" and cell["Nya: Man"] == "0"
    assert cell["Avslutade under året: Kvinna"] == "<5"
    bare = dict(zip(header, next(r for r in table if r[1] == "Utan beslut"), strict=True))
    assert bare["Budget för året (kr)"] == "" and "budget för året" in bare["Saknas"]
    sheet = load_workbook(io.BytesIO(client.get(
        reverse("reports:national_export", args=["xlsx"]) + "?ar=2024").content)).active
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    xrow = dict(zip(rows[0], next(r for r in rows if r[1] == "Nationell test"), strict=True))
    assert xrow["Utfall för året (kr)"] is None
    assert xrow["Nya: Man"] == 0 and xrow["Avslutade under året: Kvinna"] == "<5"
    assert xrow["Budget för året (kr)"] == 500684


def test_the_office_enters_the_new_facts_and_the_check_page_lists_the_rest(made, login):
    _grant_intervention, bare = made
    url = reverse("interventions:national_facts", args=[bare.pk]) + "?ar=2024"
    response = login("kansli").post(url, {
        "orientation": "structural", "specified_orientation": "Samverkansstruktur",
        "follow_up_method": "Enkät", "esf_financed": "no", "people_reached": "0"})
    assert response.status_code == 302
    bare.refresh_from_db()
    assert bare.esf_financed is False and bare.follow_up_method == "Enkät"
    row = _row(national.national_rows(2024), "Utan beslut")
    assert row["reach"] == 0 and row["esf"] is False
    page = login("kansli").get(reverse("reports:national") + "?ar=2024").content.decode()
    assert reverse("reports:national_check") + "?ar=2024" in page
    check = login("kansli").get(reverse("reports:national_check") + "?ar=2024").content.decode()
    test = check[check.index("<h2>Nationell test</h2>"):]
    test = test[:test.index("</section>")]
    assert "Preciserad inriktning" in test
    assert reverse("interventions:national_facts", args=[_grant_intervention.pk]) in test
    assert login("styrelse").post(url, {"orientation": "individual"}).status_code == 403
    bare.refresh_from_db()
    assert bare.orientation == "structural"
