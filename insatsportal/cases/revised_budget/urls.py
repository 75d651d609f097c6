"""Pages in the interventions namespace that belong to grants (cases): the intervention's
page and its grants' budgets. The project's urls.py mounts them with interventions.urls."""

from django.urls import path

from insatsportal.cases.revised_budget import views as budget_views
from insatsportal.cases.views import intervention_page

urlpatterns = [
    path("<int:pk>/", intervention_page.intervention_detail, name="detail"),
    path("<int:pk>/budget/<int:grant_pk>/", budget_views.grant_budget, name="grant_budget"),
    path("budgetversion/<int:pk>/beslut/", budget_views.revision_decide, name="revision_decide"),
]
