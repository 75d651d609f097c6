from django.urls import path

from insatsportal.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.application_list, name="list"),
]
