from django.urls import reverse

from insatsportal.core.tests.matrix import only


def _demo_intervention():
    from insatsportal.interventions.models import Intervention

    return Intervention.objects.get(name="En väg in – steget vidare")


def _url(name):
    return lambda demo: reverse(name, args=[_demo_intervention().pk])


READERS = ("kansli", "styrelse", "insatsansvarig", "rapportlasare")

MATRIX = {
    "reports:index": (lambda demo: reverse("reports:index"), only(*READERS)),
    "reports:goals": (_url("reports:goals"), only(*READERS)),
    "reports:meetings": (_url("reports:meetings"), only(*READERS)),
}
