from django.urls import path

from insatsportal.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("<uuid:pk>/", views.document_review, name="review"),
    path("<uuid:pk>/kasta/", views.document_discard, name="discard"),
    path("<uuid:pk>/las-som/", views.document_read_as, name="read_as"),
    path("ordlista/", views.term_list, name="terms"),
    path("ordlista/<int:pk>/ta-bort/", views.term_remove, name="term_remove"),
]
