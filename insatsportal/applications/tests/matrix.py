from django.urls import reverse

from insatsportal.core.tests.matrix import FromPage, Write, form_token, only, statuses

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
    "applications:budget_totals": (_url("budget_totals", _draft), statuses(405)),
    "applications:budget_xlsx": (_url("budget_xlsx", EN_VAG_IN), only(*VIEWERS)),
    "applications:budget_upload": (_url("budget_upload", _draft), only("insatsansvarig")),
    "applications:version": (_url("version", EN_VAG_IN, 1), only(*VIEWERS)),
    "applications:print": (_url("print", EN_VAG_IN), only(*VIEWERS)),
    "applications:pdf": (_url("pdf", EN_VAG_IN), only(*VIEWERS)),
}


# Owner staff write their own organisation's drafts; nobody else writes applications.
OWNER_WRITE = statuses(403, insatsansvarig=302)

WRITES = {
    "applications:new": Write(lambda demo: reverse("applications:new"),
                              lambda demo: {**form_token(), "name": "Matrisansökan"},
                              OWNER_WRITE),
    "applications:edit": Write(_url("edit", _draft),
                               FromPage("insatsansvarig", name="Matrisutkast, ändrad"),
                               OWNER_WRITE),
    # Knivsta's decided application: its own staff may read it but no longer change it.
    "applications:edit decided": Write(_url("edit", EN_VAG_IN), {"name": "Ändrad"},
                                       statuses(403)),
    # Another organisation's application: outside the owner staff's scope.
    "applications:edit other owner": Write(_url("edit", JOBBCENTRUM), {"name": "Ändrad"},
                                           statuses(403, insatsansvarig=404)),
    "applications:budget": Write(_url("budget", _draft), FromPage("insatsansvarig"),
                                 OWNER_WRITE),
    # The totals of the form as it stands: computed, nothing saved.
    "applications:budget_totals": Write(_url("budget_totals", _draft), {},
                                        statuses(403, insatsansvarig=200), writes=False),
    # Without a file the form answers 200 with its error.
    "applications:budget_upload": Write(_url("budget_upload", _draft), {},
                                        statuses(403, insatsansvarig=200)),
}
