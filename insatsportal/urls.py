from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.i18n import set_language

admin.site.site_header = _("Insatsportalen – administration")
admin.site.site_title = "Insatsportalen"

urlpatterns = [
    path("", include("insatsportal.core.urls")),
    path("konto/", include("insatsportal.accounts.urls")),
    path("ansokningar/", include("insatsportal.applications.urls")),
    path("arenden/", include("insatsportal.cases.urls")),
    path("import/", include("insatsportal.imports.urls")),
    path("insatser/", include("insatsportal.interventions.urls")),
    path("deltagare/", include("insatsportal.participants.urls")),
    path("rapporter/", include("insatsportal.reports.urls")),
    path("samhallsekonomi/", include("insatsportal.socioeconomics.urls")),
    path("administration/", include("insatsportal.organisations.urls")),
    path("admin/", admin.site.urls),
    # The language choice is open to everyone, the login page included.
    path("i18n/setlang/", login_not_required(set_language), name="set_language"),
]
