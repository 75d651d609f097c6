from django.urls import reverse

from insatsportal.core.tests.matrix import only

VIEWERS = ("kansli", "styrelse", "insatsansvarig")


def _seed(name):
    from insatsportal.applications.models import Application

    return Application.objects.get(name=name).pk


def _draft():
    """A draft of Knivsta kommun (the insatsansvarig's organisation), made inside the test."""
    from insatsportal.applications import services
    from insatsportal.organisations.models import Member

    return services.application_create(
        actor=None, owner=Member.objects.get(name="Knivsta kommun"), name="Matrisutkast"
    ).pk


def _url(name, pk_for, *args, query=""):
    name = name if ":" in name else f"applications:{name}"
    return lambda demo: reverse(name, args=[pk_for(), *args]) + query


EN_VAG_IN = lambda: _seed("En väg in – steget vidare")  # noqa: E731 - Knivsta's, decided
JOBBCENTRUM = lambda: _seed("Jobbcentrum – din väg framåt")  # noqa: E731 - Enköping's, submitted

MATRIX = {
    "applications:list": (lambda demo: reverse("applications:list"), only(*VIEWERS)),
    "applications:new": (lambda demo: reverse("applications:new"), only("insatsansvarig")),
    "applications:detail": (_url("detail", EN_VAG_IN), only(*VIEWERS)),
    "applications:edit": (_url("edit", _draft), only("insatsansvarig")),
    "applications:row": (_url("row", _draft, "goals", query="?index=1"), only("insatsansvarig")),
    "applications:budget": (_url("budget", _draft), only("insatsansvarig")),
    "applications:budget_xlsx": (_url("budget_xlsx", EN_VAG_IN), only(*VIEWERS)),
    "applications:budget_upload": (_url("budget_upload", _draft), only("insatsansvarig")),
    "applications:version": (_url("version", EN_VAG_IN, 1), only(*VIEWERS)),
    "applications:print": (_url("print", EN_VAG_IN), only(*VIEWERS)),
    "applications:pdf": (_url("pdf", EN_VAG_IN), only(*VIEWERS)),
}
