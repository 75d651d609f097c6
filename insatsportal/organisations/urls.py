from django.urls import path

from insatsportal.organisations import views

app_name = "organisations"
urlpatterns = [
    path("", views.register, name="register"),
]
