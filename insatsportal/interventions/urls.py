from django.urls import path

from insatsportal.interventions import budget_views, views

app_name = "interventions"
urlpatterns = [
    path("", views.intervention_list, name="list"),
    path("<int:pk>/", views.intervention_detail, name="detail"),
    path("<int:pk>/budget/<int:grant_pk>/", budget_views.grant_budget, name="grant_budget"),
    path("budgetversion/<int:pk>/beslut/", budget_views.revision_decide, name="revision_decide"),
]
