from django.urls import path

from insatsportal.reports.views import goals, index, meetings, requisitions

app_name = "reports"
urlpatterns = [
    path("", index.report_index, name="index"),
    path("insats/<int:pk>/mal/", goals.goal_list, name="goals"),
    path("insats/<int:pk>/moten/", meetings.meeting_log, name="meetings"),
    path("insats/<int:pk>/rekvisitioner/", requisitions.requisition_page, name="requisitions"),
    path("rekvisitioner/", requisitions.requisition_inbox, name="requisition_inbox"),
    path("rekvisitioner/<int:pk>/beslut/", requisitions.requisition_decide,
         name="requisition_decide"),
]
