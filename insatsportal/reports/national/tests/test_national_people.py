"""The national report's age bands and the ended participants' situation before and after,
on hand-made participants: counts per code, blank where nobody has the fact, the marker where
a group is small, never 0 for what is missing."""

import csv
import io

import pytest
from django.urls import reverse
from stdnum import luhn

from insatsportal.interventions.tests.factories import D, application_data, grant_make
from insatsportal.participants.tests import factories as people
from insatsportal.reports.national import services as national

pytestmark = pytest.mark.django_db


def _intervention(name):
    return grant_make(amount=1_000_000, start=D(2024, 1, 1), end=D(2025, 12, 31),
                      data=application_data(name=name)).intervention


def _identified(serial, where):
    digits = f"900101{serial:03d}"  # born 1990: 34 in 2024
    return people.identified(pnr=f"19900101-{serial:03d}{luhn.calc_check_digit(digits)}",
                             name="Test Person", where=where)


@pytest.fixture
def made(demo):
    """Known: six identified (five ended, planned) and five anonymous (ended, interrupted).
    Anonymous: five anonymous ended. Few: two anonymous ended. Nobody: one new, none ended."""
    for name in ("Kända", "Anonyma", "Få", "Ingen avslutad"):
        _intervention(name)
    for serial in range(1, 7):
        person = _identified(serial, "Kända")
        people.enrol(person)
        if serial <= 5:
            people.discharge(person)
    for _ in range(5):
        people.discharge(people.anonymous(where="Kända"), end_type="interrupted")
        people.discharge(people.anonymous(where="Anonyma"), end_type="interrupted")
    for _ in range(2):
        people.discharge(people.anonymous(where="Få"))
    people.anonymous(where="Ingen avslutad")


def _rows():
    return {r["intervention"].name: r for r in national.national_rows(2024)}


def test_new_participants_by_age_band_and_the_ended_by_code(made):
    known = _rows()["Kända"]
    # –19, 20–24, 25–29, 30–39, 40–49, 50–, unknown age (anonymous)
    assert known["ages"] == [0, 0, 0, 6, 0, 0, 5]
    facts = known["ended_facts"]
    # the income list: sjukpenning, aktivitetsersättning, sjukersättning, a-kassa,
    # aktivitetsstöd, etableringsersättning, försörjningsstöd, ingen, okänd; not recorded
    assert facts["income_before"] == [0, 0, 0, 5, 0, 0, 5, 0, 0, 5]
    assert facts["income_after"] == [0, 0, 0, 0, 0, 0, 0, 5, 0, 5]
    # occupation: osubventionerat, subventionerat, studier, arbetssökande, ingen; not recorded
    assert facts["occupation_before"] == [0, 0, 0, 5, 0, 5]
    assert facts["occupation_after"] == [5, 0, 0, 0, 0, 5]
    assert facts["support_time"] == [0, 0, 5, 0, 0, 0, 0, 5]  # 1–2 år
    assert facts["education"] == [0, 5, 0, 0, 0, 0, 0, 5]  # grundskola
    assert facts["end_type"] == [5, 5, 0]  # planned, interrupted; not recorded
    assert not any("avslutade deltagare" in m for m in known["missing"])


def test_a_fact_nobody_recorded_is_missing_a_small_group_marked_and_none_ended_zero(made):
    rows = _rows()
    anonymous = rows["Anonyma"]
    assert anonymous["ended_facts"]["income_before"] is None
    assert anonymous["ended_facts"]["education"] is None
    assert anonymous["ended_facts"]["end_type"] == [0, 5, 0]
    assert "försörjning före (avslutade deltagare)" in anonymous["missing"]
    assert "avslutsorsak (avslutade deltagare)" not in anonymous["missing"]
    few = rows["Få"]
    assert few["ended_facts"]["end_type"] == ["<5", "<5", "<5"]
    assert few["ages"] == ["<5"] * 7
    nobody = rows["Ingen avslutad"]
    assert nobody["ended_facts"]["income_before"] == [0] * 10
    assert not any("avslutade deltagare" in m for m in nobody["missing"])


def test_the_export_has_the_new_columns_blank_zero_and_marker_apart(made, login):
    response = login("kansli").get(reverse("reports:national_export", args=["csv"]) + "?ar=2024")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    header = table[0]
    cells = {row[1]: dict(zip(header, row, strict=True)) for row in table[1:]}
    known, anonymous = cells["Kända"], cells["Anonyma"]
    assert known["Nya, ålder: 30–39"] == "6" and known["Nya, ålder: okänd ålder"] == "5"
    assert known["Avslutade, försörjning före: Försörjningsstöd"] == "5"
    assert known["Avslutade, försörjning före: Sjukersättning"] == "0"
    assert known["Avslutade, försörjning före: uppgift saknas"] == "5"
    assert known["Avslutade, avslutsorsak: Avbrutet"] == "5"
    assert anonymous["Avslutade, försörjning före: Försörjningsstöd"] == ""  # missing, not 0
    assert anonymous["Avslutade, utbildning: uppgift saknas"] == ""
    assert "utbildning (avslutade deltagare)" in anonymous["Saknas"]
    assert cells["Få"]["Avslutade, avslutsorsak: Planerat avslut"] == "<5"
    assert cells["Ingen avslutad"]["Avslutade, försörjning efter: Ingen offentlig försörjning "
                                   "(lön, föräldrapenning, pension, studiemedel)"] == "0"


def test_the_check_page_lists_per_intervention_where_each_gap_is_put_right(made, login):
    page = login("kansli").get(reverse("reports:national_check") + "?ar=2024").content.decode()
    section = page[page.index("<h2>Anonyma</h2>"):]
    section = section[:section.index("</section>")]
    anonymous = _rows()["Anonyma"]["intervention"]
    # The office reads where the gap is put right, without a link to the participant pages
    # it may not open.
    assert "Försörjning före (avslutade deltagare)" in section
    assert "inskrivning eller utskrivning (insatsens personal)" in section
    assert reverse("participants:intervention", args=[anonymous.pk]) not in section
    assert reverse("reports:requisitions", args=[anonymous.pk]) in section  # no outcome
    assert "<h2>Kända</h2>" in page


def test_the_rows_take_the_same_number_of_queries_for_more_interventions(
        made, django_assert_max_num_queries):
    with django_assert_max_num_queries(200) as before:
        national.national_rows(2024)
    _intervention("Ännu en")
    for serial in range(20, 26):
        person = _identified(serial, "Ännu en")
        people.enrol(person)
        people.discharge(person)
    with django_assert_max_num_queries(200) as after:
        national.national_rows(2024)
    assert len(after.captured_queries) == len(before.captured_queries)
