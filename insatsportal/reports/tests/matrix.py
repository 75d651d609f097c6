from django.urls import reverse

from insatsportal.core.tests.matrix import only, statuses


def _demo_intervention():
    from insatsportal.interventions.models import Intervention

    return Intervention.objects.get(name="En väg in – steget vidare")


def _url(name):
    return lambda demo: reverse(name, args=[_demo_intervention().pk])


def _quarter_url(name, **extra):
    def url_for(demo):
        from insatsportal.reports.models import QuarterlyReport

        intervention = _demo_intervention()
        QuarterlyReport.objects.get_or_create(intervention=intervention, year=2024, quarter=4)
        return reverse(name, kwargs={"pk": intervention.pk, "year": 2024, "quarter": 4, **extra})

    return url_for


READERS = ("kansli", "styrelse", "insatsansvarig", "rapportlasare")

MATRIX = {
    "reports:index": (lambda demo: reverse("reports:index"), only(*READERS)),
    "reports:overview": (_url("reports:overview"), only(*READERS)),
    "reports:goals": (_url("reports:goals"), only(*READERS)),
    "reports:meetings": (_url("reports:meetings"), only(*READERS)),
    "reports:requisitions": (_url("reports:requisitions"), only(*READERS)),
    "reports:deviations": (_url("reports:deviations"), only(*READERS)),
    "reports:deviation_inbox": (lambda demo: reverse("reports:deviation_inbox"), only("kansli")),
    "reports:deviation_acknowledge": (
        lambda demo: reverse("reports:deviation_acknowledge", args=[0]), statuses(405)),
    "reports:deviation_open_case": (
        lambda demo: reverse("reports:deviation_open_case", args=[0]), statuses(405)),
    "reports:quarterly_list": (_url("reports:quarterly_list"), only(*READERS)),
    "reports:quarterly": (_quarter_url("reports:quarterly"), only(*READERS)),
    "reports:quarterly_review": (_quarter_url("reports:quarterly_review"), statuses(405)),
    "reports:quarterly_download": (_quarter_url("reports:quarterly_download", fmt="docx"),
                                   only(*READERS)),
    "reports:national": (lambda demo: reverse("reports:national"),
                         only("kansli", "styrelse", "rapportlasare")),
    "reports:national_export": (lambda demo: reverse("reports:national_export", args=["csv"]),
                                only("kansli", "styrelse", "rapportlasare")),
    "reports:requisition_inbox": (lambda demo: reverse("reports:requisition_inbox"),
                                  only("kansli")),
    # Changes data: POST only (GET answers 405 to every signed-in role).
    "reports:requisition_decide": (lambda demo: reverse("reports:requisition_decide", args=[0]),
                                   statuses(405)),
}
