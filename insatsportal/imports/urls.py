from django.urls import path

from insatsportal.imports import views

app_name = "imports"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("<uuid:pk>/", views.document_review, name="review"),
    path("<uuid:pk>/kasta/", views.document_discard, name="discard"),
]
