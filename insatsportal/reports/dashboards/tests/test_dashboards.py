import datetime
import re

import pytest
from django.urls import reverse

from insatsportal.core import charts
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.participants.tests import factories
from insatsportal.reports.models import InterventionMeeting

pytestmark = pytest.mark.django_db


def _intervention():
    return Intervention.objects.get(name="En väg in – steget vidare")


def _more_data(n):
    owner = Member.objects.get(name="Håbo kommun")
    for i in range(n):
        other = Intervention.objects.create(name=f"Insats {i}", owner=owner,
                                            start_date=datetime.date(2024, 1, 1),
                                            end_date=datetime.date(2025, 12, 31))
        InterventionMeeting.objects.create(intervention=other, held_on=datetime.date(2024, 2, 1),
                                           kind="operative")
    for _ in range(n):
        factories.anonymous(sex="kvinna", start_year=2024)


def _count(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(100) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("name", ["reports:index", "reports:overview"])
def test_dashboard_query_counts_do_not_grow_with_the_data(
        name, login, django_assert_max_num_queries):
    client = login("kansli")
    url = (reverse(name) if name == "reports:index"
           else reverse(name, args=[_intervention().pk]))
    before = _count(client, url, django_assert_max_num_queries)
    _more_data(6)
    after = _count(client, url, django_assert_max_num_queries)
    assert after == before
    assert before <= 25 + (2 if name == "reports:index" else 0), before  # + the estimates section


def test_the_dashboard_hides_small_participant_groups(login):
    for _ in range(3):
        factories.anonymous(sex="kvinna", start_year=2024)
    page = login("rapportlasare").get(reverse("reports:index")).content.decode()
    assert "En väg in – steget vidare" in page
    row = page[page.index("En väg in – steget vidare"):]
    row = row[:row.index("</tr>")]
    assert ">3<" not in row


def test_owner_staff_see_only_their_organisations_interventions(login):
    Intervention.objects.create(name="Håbos insats", owner=Member.objects.get(name="Håbo kommun"))
    owner_page = login("insatsansvarig").get(reverse("reports:index")).content.decode()
    assert "Håbos insats" not in owner_page
    assert "Håbos insats" in login("styrelse").get(reverse("reports:index")).content.decode()


def test_charts_carry_values_as_text_patterns_and_a_data_table(login):
    page = login("styrelse").get(reverse("reports:overview", args=[_intervention().pk]))
    text = page.content.decode()
    # No participant yet: the two participant charts say so instead of drawing zeros.
    assert text.count("<svg") == 1 and text.count("Inga data att visa ännu.") == 2
    assert 'fill="url(#budget-hatch)"' in text  # the second series has its own pattern
    assert text.count('class="chart-data"') == 1


def test_a_bar_chart_scales_to_the_largest_value_and_keeps_hidden_values_as_dashes():
    chart = charts.bar_chart("T", ["a", "b"], [("x", [10, None]), ("y", [5, 0])])
    heights = {(b.label, b.pattern): float(b.height) for b in chart.bars}
    assert heights[("10", "solid")] == 2 * heights[("5", "hatch")]
    assert ("–", "solid") in heights
    assert chart.table == [("a", ["10", "5"]), ("b", ["–", "0"])]


def _rated_twice(count, first, latest, *, start=1):
    """`count` people of another intervention, rated `first` then `latest` on every item."""
    for serial in range(start, start + count):
        body = f"850615{serial:03d}"
        from stdnum import luhn

        person = factories.identified(pnr=f"19850615-{serial:03d}{luhn.calc_check_digit(body)}",
                                      where=factories.OTHER_INTERVENTION)
        factories.rate(person, rated_on=datetime.date(2024, 2, 1), value=first)
        factories.rate(person, rated_on=datetime.date(2024, 8, 1), value=latest,
                       occasion="quarterly")


def test_the_overview_charts_the_average_change_per_indicator_with_a_table(login):
    _rated_twice(4, 2, 4)
    _rated_twice(1, 3, 2, start=10)  # (4 * 2 - 1) / 5 = 1.4 on every item
    other = factories.intervention(factories.OTHER_INTERVENTION)
    text = login("styrelse").get(reverse("reports:overview", args=[other.pk])).content.decode()
    items = list(factories.instrument().items.all())
    # Nobody discharged and no budget: those two charts say "no data" instead of zeros.
    assert text.count("<svg") == 2 and text.count("Inga data att visa ännu.") == 2
    assert "Progression per indikator" in text
    assert 'fill="url(#progress1-solid)"' in text
    table = text[text.rindex('class="chart-data"'):]
    for item in items:
        assert f'<th scope="row">{item.short_label}</th><td class="num">+1,4</td>' in table
    assert "style=" not in text


def test_the_change_per_indicator_is_hidden_for_fewer_than_five_people(login):
    _rated_twice(4, 2, 4)
    other = factories.intervention(factories.OTHER_INTERVENTION)
    text = login("styrelse").get(reverse("reports:overview", args=[other.pk])).content.decode()
    table = text[text.rindex('class="chart-data"'):]
    assert "+2,0" not in text
    assert '<td class="num">–</td>' in table


def test_a_change_chart_draws_gains_up_and_losses_down_from_the_zero_line():
    chart = charts.bar_chart("T", ["a", "b", "c"], [("x", [1, -0.5, None])], signed=True)
    gain, loss, hidden = chart.bars
    assert float(gain.y) + float(gain.height) == float(chart.zero_y)  # ends at the zero line
    assert loss.y == chart.zero_y
    assert float(gain.height) == pytest.approx(2 * float(loss.height), abs=0.2)
    assert (gain.label, loss.label, hidden.label) == ("+1,0", "−0,5", "–")
    assert hidden.height == "0.0"


def test_the_quarter_axis_follows_the_intervention_s_own_period(login):
    ended = Intervention.objects.create(
        name="Avslutad insats", owner=Member.objects.get(name="Knivsta kommun"),
        start_date=datetime.date(2024, 2, 1), end_date=datetime.date(2024, 11, 30))
    for _ in range(6):
        factories.anonymous(sex="kvinna", start_year=2024, where=ended.name)
    text = login("kansli").get(reverse("reports:overview", args=[ended.pk])).content.decode()
    chart = text[text.index("Deltagare per kvartal"):]
    chart = chart[:chart.index("</figure>")]
    assert [f"2024 kv{q}" in chart for q in (1, 2, 3, 4)] == [True] * 4
    assert "2025" not in chart and "2026" not in chart and " Q" not in chart
    assert 'y1="' in chart and not re.search(r'(?:x|y|x1|y1|width|height)="\d+,\d', chart)
