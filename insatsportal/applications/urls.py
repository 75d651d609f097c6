from django.urls import path

from insatsportal.applications import views

app_name = "applications"
urlpatterns = [
    path("", views.application_list, name="list"),
    path("ny/", views.application_new, name="new"),
    path("<int:pk>/", views.application_detail, name="detail"),
    path("<int:pk>/andra/", views.application_edit, name="edit"),
    path("<int:pk>/rad/<slug:prefix>/", views.form_row, name="row"),
    path("<int:pk>/budget/", views.budget_edit, name="budget"),
    path("<int:pk>/budget/summor/", views.budget_totals, name="budget_totals"),
    path("<int:pk>/budget.xlsx", views.budget_download, name="budget_xlsx"),
    path("<int:pk>/budget/las-in/", views.budget_upload, name="budget_upload"),
    path("<int:pk>/versioner/<int:number>/", views.version_diff, name="version"),
    path("<int:pk>/utskrift/", views.application_print, name="print"),
    path("<int:pk>/ansokan.pdf", views.application_pdf, name="pdf"),
]
