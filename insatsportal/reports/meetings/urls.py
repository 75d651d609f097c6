from django.urls import path

from insatsportal.reports.meetings import views

urlpatterns = [
    path("insats/<int:pk>/moten/", views.meeting_log, name="meetings"),
]
