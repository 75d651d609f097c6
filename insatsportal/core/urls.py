from django.urls import path

from insatsportal.core import history, views

app_name = "core"
urlpatterns = [
    path("", views.start, name="start"),
    path("healthz", views.healthz, name="healthz"),
    path("historik/<uuid:uuid>/", history.history_entry, name="history_entry"),
    path("historik/<uuid:uuid>/aterstall/", history.history_restore, name="history_restore"),
]
