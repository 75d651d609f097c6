from django.urls import path

from insatsportal.reports.requisitions import views

urlpatterns = [
    path("insats/<int:pk>/rekvisitioner/", views.requisition_page, name="requisitions"),
    path("rekvisitioner/", views.requisition_inbox, name="requisition_inbox"),
    path("rekvisitioner/<int:pk>/beslut/", views.requisition_decide,
         name="requisition_decide"),
]
