from django.urls import reverse

from insatsportal.core.tests.matrix import only, statuses


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
    "reports:requisitions": (_url("reports:requisitions"), only(*READERS)),
    "reports:deviations": (_url("reports:deviations"), only(*READERS)),
    "reports:deviation_inbox": (lambda demo: reverse("reports:deviation_inbox"), only("kansli")),
    "reports:deviation_acknowledge": (
        lambda demo: reverse("reports:deviation_acknowledge", args=[0]), statuses(405)),
    "reports:deviation_open_case": (
        lambda demo: reverse("reports:deviation_open_case", args=[0]), statuses(405)),
    "reports:requisition_inbox": (lambda demo: reverse("reports:requisition_inbox"),
                                  only("kansli")),
    # Changes data: POST only (GET answers 405 to every signed-in role).
    "reports:requisition_decide": (lambda demo: reverse("reports:requisition_decide", args=[0]),
                                   statuses(405)),
}
