from django.urls import path

from insatsportal.reports.views import goals, index, meetings

app_name = "reports"
urlpatterns = [
    path("", index.report_index, name="index"),
    path("insats/<int:pk>/mal/", goals.goal_list, name="goals"),
    path("insats/<int:pk>/moten/", meetings.meeting_log, name="meetings"),
]
