from django.urls import path

from insatsportal.reports.deviations import views

urlpatterns = [
    path("insats/<int:pk>/avvikelser/", views.deviation_page, name="deviations"),
    path("avvikelser/", views.deviation_inbox, name="deviation_inbox"),
    path("avvikelser/<int:pk>/las/", views.deviation_acknowledge,
         name="deviation_acknowledge"),
    path("avvikelser/<int:pk>/arende/", views.deviation_open_case,
         name="deviation_open_case"),
]
