from django.urls import reverse

from insatsportal.core.tests.matrix import statuses
from insatsportal.interventions.models import Intervention


def _first_pk():
    return Intervention.objects.order_by("pk").first().pk


def _detail(demo):
    return reverse("interventions:detail", args=[_first_pk()])


def _grant_budget(demo):
    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    grant = intervention.grants.order_by("period_start").last()
    return reverse("interventions:grant_budget", args=[intervention.pk, grant.pk])


MATRIX = {
    "interventions:list": (lambda demo: reverse("interventions:list"), statuses(200)),
    "interventions:detail": (_detail, statuses(200)),
    "interventions:close": (lambda demo: reverse("interventions:close", args=[_first_pk()]),
                            statuses(405)),
    # The money of an intervention: the office, board, report readers and its owners.
    "interventions:grant_budget": (_grant_budget, statuses(200, deltagaransvarig=404,
                                                           handlaggare=404)),
    # Changes data: POST only (GET answers 405 to every signed-in role).
    "interventions:revision_decide": (
        lambda demo: reverse("interventions:revision_decide", args=[0]), statuses(405)),
}
