from django.urls import reverse

from insatsportal.core.tests.matrix import only, statuses
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
