from django.urls import path

from insatsportal.socioeconomics import views

app_name = "socioeconomics"
urlpatterns = [
    path("", views.estimate_overview, name="overview"),
    path("insats/<int:pk>/", views.intervention_estimate, name="intervention"),
    path("kostnader/", views.parameter_list, name="parameters"),
    path("kostnader/ny/", views.parameter_create, name="parameter_create"),
    path("kostnader/<int:pk>/", views.parameter_edit, name="parameter_edit"),
    path("kostnader/<int:pk>/ta-bort/", views.parameter_delete, name="parameter_delete"),
    path("kostnader/standard/", views.parameter_defaults, name="parameter_defaults"),
    path("installningar/", views.settings_edit, name="settings"),
]
