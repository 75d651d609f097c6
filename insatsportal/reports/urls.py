from django.urls import path

from insatsportal.reports.views import (
    deviations,
    goals,
    index,
    meetings,
    national,
    quarterly,
    requisitions,
)

app_name = "reports"
urlpatterns = [
    path("", index.report_index, name="index"),
    path("insats/<int:pk>/", index.intervention_overview, name="overview"),
    path("insats/<int:pk>/mal/", goals.goal_list, name="goals"),
    path("insats/<int:pk>/moten/", meetings.meeting_log, name="meetings"),
    path("insats/<int:pk>/rekvisitioner/", requisitions.requisition_page, name="requisitions"),
    path("insats/<int:pk>/avvikelser/", deviations.deviation_page, name="deviations"),
    path("insats/<int:pk>/kvartal/", quarterly.quarterly_list, name="quarterly_list"),
    path("insats/<int:pk>/kvartal/<int:year>/<int:quarter>/", quarterly.quarterly_report,
         name="quarterly"),
    path("insats/<int:pk>/kvartal/<int:year>/<int:quarter>/granskning/",
         quarterly.quarterly_review, name="quarterly_review"),
    path("insats/<int:pk>/kvartal/<int:year>/<int:quarter>/rapport.<str:fmt>",
         quarterly.quarterly_download, name="quarterly_download"),
    path("nationell/", national.national_page, name="national"),
    path("nationell/export.<str:fmt>", national.national_export, name="national_export"),
    path("avvikelser/", deviations.deviation_inbox, name="deviation_inbox"),
    path("avvikelser/<int:pk>/las/", deviations.deviation_acknowledge,
         name="deviation_acknowledge"),
    path("avvikelser/<int:pk>/arende/", deviations.deviation_open_case,
         name="deviation_open_case"),
    path("rekvisitioner/", requisitions.requisition_inbox, name="requisition_inbox"),
    path("rekvisitioner/<int:pk>/beslut/", requisitions.requisition_decide,
         name="requisition_decide"),
]
