from django.urls import reverse

from insatsportal.core.tests.matrix import statuses
from insatsportal.interventions.models import Intervention


def _detail(demo):
    return reverse("interventions:detail", args=[Intervention.objects.order_by("pk").first().pk])


MATRIX = {
    "interventions:list": (lambda demo: reverse("interventions:list"), statuses(200)),
    "interventions:detail": (_detail, statuses(200)),
}
