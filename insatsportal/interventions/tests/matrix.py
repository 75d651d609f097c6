import datetime

from django.urls import reverse

from insatsportal.core.tests.matrix import FromPage, Write, office, only, statuses
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
    "interventions:national_facts": (
        lambda demo: reverse("interventions:national_facts",
                             args=[Intervention.objects.order_by("pk").first().pk]),
        only("kansli")),
    # Changes data: POST only (GET answers 405 to every signed-in role).
    "interventions:revision_decide": (
        lambda demo: reverse("interventions:revision_decide", args=[0]), statuses(405)),
}


def _close_url(demo):
    """A running intervention of its own, so that closing it is possible."""
    from insatsportal.interventions.services import intervention_create
    from insatsportal.organisations.models import Member

    intervention = intervention_create(
        actor=None, name="Matrisinsats", owner=Member.objects.get(name="Knivsta kommun"),
        start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2099, 12, 31))
    return reverse("interventions:close", args=[intervention.pk])


WRITES = {
    # The lead owner's staff revise the grant's budget; readers of its money who may not
    # revise get 403, roles without reports 404 (as in the GET rows above).
    "interventions:grant_budget": Write(_grant_budget, FromPage("insatsansvarig"),
                                        statuses(403, insatsansvarig=302, deltagaransvarig=404,
                                                 handlaggare=404)),
    "interventions:revision_decide": Write(
        lambda demo: reverse("interventions:revision_decide", args=[0]),
        {"decision": "approve"}, office(404)),
    "interventions:close": Write(_close_url, {"end_date": "2025-01-31", "reason": "Avslutad"},
                                 office()),
    "interventions:national_facts": Write(
        lambda demo: reverse("interventions:national_facts",
                             args=[Intervention.objects.order_by("pk").first().pk]),
        {}, office(200), writes=False),
}
