from django.urls import path

from insatsportal.api import views

app_name = "api"
urlpatterns = [
    path("", views.token_list, name="tokens"),
    path("ny/", views.token_create, name="token_create"),
    path("<int:pk>/", views.token_detail, name="token"),
    path("<int:pk>/aterkalla/", views.token_revoke, name="token_revoke"),
]
