from django.urls import path

from insatsportal.reports.goals import views

urlpatterns = [
    path("insats/<int:pk>/mal/", views.goal_list, name="goals"),
]
