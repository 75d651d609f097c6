from django.shortcuts import render
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.organisations import selectors


@require_safe
@require(policy.can_administer_register)
def register(request):
    return render(request, "organisations/register.html", selectors.register_overview())
