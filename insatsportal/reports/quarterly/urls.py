from django.urls import path

from insatsportal.reports.quarterly import views

urlpatterns = [
    path("insats/<int:pk>/kvartal/", views.quarterly_list, name="quarterly_list"),
    path("insats/<int:pk>/kvartal/<int:year>/<int:quarter>/", views.quarterly_report,
         name="quarterly"),
    path("insats/<int:pk>/kvartal/<int:year>/<int:quarter>/granskning/",
         views.quarterly_review, name="quarterly_review"),
    path("insats/<int:pk>/kvartal/<int:year>/<int:quarter>/rapport.<str:fmt>",
         views.quarterly_download, name="quarterly_download"),
    path("insats/<int:pk>/kvartal/<int:year>/<int:quarter>/dokument/",
         views.quarterly_download_start, name="quarterly_download_start"),
]
