"""The Django admin behind the portal's own sign-in, with the second factor required."""

from django.contrib.admin import AdminSite
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import redirect
from django.urls import reverse

from insatsportal.accounts.guards import second_factor_ok, with_next


class SecureAdminSite(AdminSite):
    def has_permission(self, request):
        return super().has_permission(request) and second_factor_ok(request)

    @login_not_required
    def login(self, request, extra_context=None):
        """No separate admin login: the portal's login has the limits and the second factor."""
        next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
        return redirect(with_next("accounts:login", next_url))

    def password_change(self, request, extra_context=None):
        return redirect("accounts:password_change")
