from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Insatsportalen – administration")
admin.site.site_title = "Insatsportalen"

urlpatterns = [
    path("", include("insatsportal.core.urls")),
    path("konto/", include("insatsportal.accounts.urls")),
    path("ansokningar/", include("insatsportal.applications.urls")),
    path("arenden/", include("insatsportal.cases.urls")),
    path("insatser/", include("insatsportal.interventions.urls")),
    path("deltagare/", include("insatsportal.participants.urls")),
    path("rapporter/", include("insatsportal.reports.urls")),
    path("administration/", include("insatsportal.organisations.urls")),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]
