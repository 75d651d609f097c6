from django.urls import path

from insatsportal.jobs import views

app_name = "jobs"
urlpatterns = [
    path("", views.job_list, name="list"),
    path("<uuid:pk>/", views.job_detail, name="detail"),
    path("<uuid:pk>/hamta/", views.job_download, name="download"),
    path("<uuid:pk>/forsok-igen/", views.job_retry, name="retry"),
]
