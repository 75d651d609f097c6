from django.urls import path

from insatsportal.core import views

app_name = "core"
urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
]
