from django.urls import path

from insatsportal.drafts import views

app_name = "drafts"
urlpatterns = [
    path("spara/", views.draft_save, name="save"),
    path("slapp/", views.draft_discard, name="discard"),
]
