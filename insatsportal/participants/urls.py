from django.urls import path

from insatsportal.participants import views

app_name = "participants"
urlpatterns = [
    path("", views.participant_index, name="list"),
]
