"""The API's rows in the permission matrix.

Portal pages (the office's token pages) by role; the API itself by role too, where no
session authenticates anything (401). What each token scope may read, endpoint by endpoint,
is in test_token_matrix.py (API_MATRIX below).
"""

from django.urls import reverse

from insatsportal.api.models import Scope
from insatsportal.core.tests.matrix import Write, office, statuses


def _intervention_id(demo):
    from insatsportal.interventions.models import Intervention

    return Intervention.objects.order_by("pk").first().pk


def _token_id(demo):
    from insatsportal.api.models import ApiToken
    from insatsportal.api.tests.helpers import office_token

    token = ApiToken.objects.order_by("pk").first() or office_token()[0]
    return token.pk


def _api(name, *args):
    return lambda demo: reverse(f"api_v1:{name}", args=[a(demo) if callable(a) else a
                                                         for a in args])


def _first(model_path):
    def pk(demo):
        from django.apps import apps

        return apps.get_model(model_path).objects.order_by("pk").first().pk

    return pk


OFFICE_ONLY = statuses(403, kansli=200)
NO_SESSION = statuses(401, anonymous=401)  # the API answers tokens, never a session
PUBLIC = statuses(200, anonymous=200)

# name: (url_for(demo), scope the token needs, whether the answer names one object)
API_MATRIX = {
    "me": (_api("me"), None),
    "association": (_api("association"), Scope.ASSOCIATION),
    "interventions": (_api("interventions"), Scope.INTERVENTIONS),
    "intervention": (_api("intervention", _intervention_id), Scope.INTERVENTIONS),
    "applications": (_api("applications"), Scope.APPLICATIONS),
    "application": (_api("application", _first("applications.Application")),
                    Scope.APPLICATIONS),
    "decisions": (_api("decisions"), Scope.APPLICATIONS),
    "decision": (_api("decision", _first("cases.Decision")), Scope.APPLICATIONS),
    "goals": (_api("goals"), Scope.GOALS),
    "intervention_goals": (_api("intervention_goals", _intervention_id), Scope.GOALS),
    "quarter": (_api("quarter", _intervention_id, 2024, 1), Scope.AGGREGATES),
    "yearly": (lambda demo: reverse("api_v1:yearly") + "?year=2024", Scope.AGGREGATES),
    "requisitions": (_api("requisitions"), Scope.REQUISITIONS),
    "requisition": (_api("requisition", _first("reports.Requisition")), Scope.REQUISITIONS),
    "payments": (_api("payments"), Scope.REQUISITIONS),
    "national_report": (lambda demo: reverse("api_v1:national_report") + "?year=2024",
                        Scope.NATIONAL),
    "estimates": (_api("estimates"), Scope.ESTIMATES),
}

MATRIX = {
    "api:tokens": (lambda demo: reverse("api:tokens"), OFFICE_ONLY),
    "api:token_create": (lambda demo: reverse("api:token_create"), OFFICE_ONLY),
    "api:token": (lambda demo: reverse("api:token", args=[_token_id(demo)]), OFFICE_ONLY),
    # POST only: a GET is refused as a method, for everyone signed in.
    "api:token_revoke": (lambda demo: reverse("api:token_revoke", args=[_token_id(demo)]),
                         statuses(405)),
    "api_v1:openapi-json": (lambda demo: reverse("api_v1:openapi-json"), PUBLIC),
    "api_v1:openapi-view": (lambda demo: reverse("api_v1:openapi-view"), PUBLIC),
    "api_v1:api-root": (lambda demo: reverse("api_v1:api-root"), statuses(404, anonymous=404)),
    **{f"api_v1:{name}": (url_for, NO_SESSION) for name, (url_for, _s) in API_MATRIX.items()},
}


WRITES = {
    # Without a name the form comes back with its errors; the token pages' own tests create.
    "api:token_create": Write(lambda demo: reverse("api:token_create"), {}, office(400),
                              writes=False),
    "api:token_revoke": Write(lambda demo: reverse("api:token_revoke", args=[_token_id(demo)]),
                              {"confirm": "on"}, office()),
}
