from django.urls import reverse

from insatsportal.core.tests.matrix import Write, form_token, office, only, statuses

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


def _parameter_data(demo):
    from insatsportal.socioeconomics.models import CostParameter

    p = CostParameter.objects.order_by("pk").first()
    return {"year": p.year, "code_list": p.code_list, "code": p.code, "payer": p.payer,
            "monthly_cost": str(p.monthly_cost + 1), "source": "Matris",
            "source_date": "2025-01-01"}


WRITES = {
    "socioeconomics:parameter_create": Write(
        lambda demo: reverse("socioeconomics:parameter_create"),
        lambda demo: {**form_token(), "year": 2030, "code_list": "income",
                      "code": "forsorjningsstod", "payer": "kommun", "monthly_cost": "1",
                      "source": "Matris", "source_date": "2030-01-01"}, office()),
    "socioeconomics:parameter_edit": Write(_parameter_url("socioeconomics:parameter_edit"),
                                           _parameter_data, office()),
    "socioeconomics:parameter_delete": Write(_parameter_url("socioeconomics:parameter_delete"),
                                             {}, office()),
    # Every default is there already: nothing to add.
    "socioeconomics:parameter_defaults": Write(
        lambda demo: reverse("socioeconomics:parameter_defaults"), {}, office(),
        writes=False),
    "socioeconomics:settings": Write(
        lambda demo: reverse("socioeconomics:settings"),
        {"horizon_months": "24", "uncertainty_percent": "10",
         "unknown_persistence_percent": "40"}, office()),
}
