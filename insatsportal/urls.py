from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

from insatsportal.api.v1.api import urlpatterns as api_v1_urlpatterns
from insatsportal.cases.revised_budget import urls as grant_urls
from insatsportal.interventions import urls as interventions_urls

admin.site.site_header = _("Insatsportalen – administration")
admin.site.site_title = "Insatsportalen"

urlpatterns = [
    path("", include("insatsportal.core.urls")),
    path("konto/", include("insatsportal.accounts.urls")),
    path("ansokningar/", include("insatsportal.applications.urls")),
    path("arenden/", include("insatsportal.cases.urls")),
    path("import/", include("insatsportal.imports.urls")),
    path("jobb/", include("insatsportal.jobs.urls")),
    # The intervention's own pages, and those of its grants (the cases app's), one namespace.
    path("insatser/", include((interventions_urls.urlpatterns + grant_urls.urlpatterns,
                               "interventions"))),
    path("deltagare/", include("insatsportal.participants.urls")),
    path("rapporter/", include("insatsportal.reports.urls")),
    path("administration/api-nycklar/", include("insatsportal.api.urls")),
    path("ekonomi/", include("insatsportal.economy.urls")),
    path("samhallsekonomi/", include("insatsportal.socioeconomics.urls")),
    path("administration/", include("insatsportal.organisations.urls")),
    path("utkast/", include("insatsportal.drafts.urls")),
    # The open API: tokens authenticate, not sessions (insatsportal/api/v1/).
    path("api/v1/", include((api_v1_urlpatterns(), "api_v1"))),
    path("admin/", admin.site.urls),
    # The language choice is open to everyone, the login page included.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
]
