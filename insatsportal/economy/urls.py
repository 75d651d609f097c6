from django.urls import path

from insatsportal.economy import views

app_name = "economy"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("installningar/", views.settings_edit, name="settings"),
    path("<int:year>/", views.year_page, name="year"),
    path("<int:year>/budget/", views.fiscal_year_edit, name="fiscal_year"),
    path("<int:year>/avgifter/", views.contributions, name="contributions"),
    path("<int:year>/avgifter/fordela/", views.contributions_split, name="contributions_split"),
    path("<int:year>/kostnader/", views.cost_add, name="cost_add"),
    path("<int:year>/kostnader/<int:pk>/ta-bort/", views.cost_delete, name="cost_delete"),
    path("<int:year>/budget-och-utfall.xlsx", views.export, name="export"),
]
