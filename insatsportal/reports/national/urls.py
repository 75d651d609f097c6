from django.urls import path

from insatsportal.reports.national import views

urlpatterns = [
    path("nationell/", views.national_page, name="national"),
    path("nationell/kontroll/", views.national_check, name="national_check"),
    path("nationell/export.<str:fmt>", views.national_export, name="national_export"),
    path("nationell/export/", views.national_export_start, name="national_export_start"),
]
