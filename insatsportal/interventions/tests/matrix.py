from django.urls import reverse

from insatsportal.core.tests.matrix import statuses
from insatsportal.interventions.models import Intervention


def _first_pk():
    return Intervention.objects.order_by("pk").first().pk


def _detail(demo):
    return reverse("interventions:detail", args=[_first_pk()])


MATRIX = {
    "interventions:list": (lambda demo: reverse("interventions:list"), statuses(200)),
    "interventions:detail": (_detail, statuses(200)),
    "interventions:close": (lambda demo: reverse("interventions:close", args=[_first_pk()]),
                            statuses(405)),
}
