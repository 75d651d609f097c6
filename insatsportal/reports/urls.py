from django.urls import path

from insatsportal.reports import views

app_name = "reports"
urlpatterns = [
    path("", views.report_index, name="index"),
]
