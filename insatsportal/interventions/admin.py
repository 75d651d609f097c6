from django.contrib import admin

from insatsportal.core.concurrency_admin import VersionedAdmin
from insatsportal.interventions.models import Intervention


@admin.register(Intervention)
class InterventionAdmin(VersionedAdmin):
    list_display = ["name", "owner", "get_status_display", "start_date", "end_date"]
    list_filter = ["orientation"]
    search_fields = ["name"]
