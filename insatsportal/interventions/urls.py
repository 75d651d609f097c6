from django.urls import path

from insatsportal.interventions import views

app_name = "interventions"
urlpatterns = [
    path("", views.intervention_list, name="list"),
    path("<int:pk>/avsluta/", views.intervention_close, name="close"),
]
