from django.shortcuts import render
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require


@require_safe
@require(policy.can_view_cases)
def case_list(request):
    return render(request, "cases/list.html")
