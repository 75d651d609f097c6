from django.urls import reverse

from insatsportal.core.tests.matrix import FromPage, Write, office, only, statuses
from insatsportal.economy.models import PlannedCost

READ = only("kansli", "styrelse")  # the board reads
WRITE = only("kansli")  # the office writes
OFFICE_POST = statuses(405)  # steps that change data answer only POST


def _url(name, *args):
    return lambda demo: reverse(name, args=args)


def _cost(demo):
    cost = PlannedCost.objects.filter(fiscal_year__year=2023).order_by("pk").first()
    return reverse("economy:cost_delete", args=[2023, cost.pk])


MATRIX = {
    "economy:overview": (_url("economy:overview"), READ),
    "economy:year": (_url("economy:year", 2023), READ),
    "economy:export": (_url("economy:export", 2023), READ),
    "economy:settings": (_url("economy:settings"), WRITE),
    "economy:fiscal_year": (_url("economy:fiscal_year", 2023), WRITE),
    "economy:contributions": (_url("economy:contributions", 2023), WRITE),
    "economy:contributions_split": (_url("economy:contributions_split", 2023), OFFICE_POST),
    "economy:cost_add": (_url("economy:cost_add", 2023), OFFICE_POST),
    "economy:cost_delete": (_cost, OFFICE_POST),
}


# The office keeps the economy; the board reads it, nobody else writes (403).
WRITES = {
    "economy:settings": Write(_url("economy:settings"), FromPage("kansli"), office(),
                              writes=False),
    "economy:fiscal_year": Write(_url("economy:fiscal_year", 2023), {
        "opening_equity": "1000000", "administration": "500000", "note": "Matris"}, office()),
    "economy:contributions": Write(_url("economy:contributions", 2023), FromPage("kansli"),
                                   office(), writes=False),
    "economy:contributions_split": Write(_url("economy:contributions_split", 2023),
                                         {"total": "1000000"}, office(), writes=False),
    # Without a cost the form comes back with its errors.
    "economy:cost_add": Write(_url("economy:cost_add", 2023), {}, office(400)),
    "economy:cost_delete": Write(_cost, {}, office()),
}
