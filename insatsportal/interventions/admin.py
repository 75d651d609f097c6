from django.contrib import admin

from insatsportal.interventions.models import Intervention


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "status", "start_date", "end_date"]
    list_filter = ["status", "orientation"]
    search_fields = ["name"]
