"""The project's URLs plus a view that fails, for the error-page tests."""

from django.urls import path

from insatsportal.urls import urlpatterns as project_urlpatterns


def broken(request):
    raise RuntimeError("SELECT secret FROM accounts_user -- Django 5.2 /srv/insatsportal")


urlpatterns = [*project_urlpatterns, path("trasig/", broken, name="broken")]
