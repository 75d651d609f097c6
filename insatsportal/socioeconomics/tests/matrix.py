from django.urls import reverse

from insatsportal.core.tests.matrix import only, statuses

READERS = ("kansli", "styrelse", "insatsansvarig", "rapportlasare")


def _intervention_url(demo):
    from insatsportal.interventions.models import Intervention

    return reverse("socioeconomics:intervention",
                   args=[Intervention.objects.get(name="En väg in – steget vidare").pk])


def _parameter_url(name):
    def url_for(demo):
        from insatsportal.socioeconomics.models import CostParameter

        return reverse(name, args=[CostParameter.objects.order_by("pk").first().pk])

    return url_for


MATRIX = {
    "socioeconomics:overview": (lambda demo: reverse("socioeconomics:overview"), only(*READERS)),
    "socioeconomics:intervention": (_intervention_url, only(*READERS)),
    "socioeconomics:parameters": (lambda demo: reverse("socioeconomics:parameters"),
                                  only(*READERS)),
    "socioeconomics:parameter_create": (
        lambda demo: reverse("socioeconomics:parameter_create"), only("kansli")),
    "socioeconomics:parameter_edit": (_parameter_url("socioeconomics:parameter_edit"),
                                      only("kansli")),
    "socioeconomics:parameter_delete": (_parameter_url("socioeconomics:parameter_delete"),
                                        statuses(405)),
    "socioeconomics:parameter_defaults": (
        lambda demo: reverse("socioeconomics:parameter_defaults"), statuses(405)),
    "socioeconomics:settings": (lambda demo: reverse("socioeconomics:settings"), statuses(405)),
}
