from django.urls import path

from insatsportal.reports.dashboards import views

urlpatterns = [
    path("", views.report_index, name="index"),
    path("insats/<int:pk>/", views.intervention_overview, name="overview"),
]
