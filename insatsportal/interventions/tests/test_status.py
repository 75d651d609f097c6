from insatsportal.interventions.models import Intervention
from insatsportal.interventions.tests.factories import D


def test_the_status_follows_the_dates_every_day():
    intervention = Intervention(name="X", start_date=D(2024, 1, 1), end_date=D(2025, 12, 31))
    assert intervention.status_on(D(2023, 12, 31)) == Intervention.Status.PLANNED
    assert intervention.status_on(D(2024, 1, 1)) == Intervention.Status.RUNNING
    assert intervention.status_on(D(2025, 12, 31)) == Intervention.Status.RUNNING
    assert intervention.status_on(D(2026, 1, 1)) == Intervention.Status.ENDED
    assert Intervention(name="Y").status_on(D(2024, 1, 1)) == Intervention.Status.PLANNED


def test_the_list_shows_todays_status_from_the_dates(login, demo):
    ended = Intervention.objects.get(name="En väg in – steget vidare")
    assert ended.end_date < D(2026, 12, 3)
    page = login("kansli").get("/insatser/").content.decode()
    row = page[page.index("En väg in – steget vidare"):][:600]
    assert "Avslutad" in row
