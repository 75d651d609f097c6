from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from insatsportal.accounts import policy
from insatsportal.cases.selectors import intervention_chain
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.interventions import selectors, services
from insatsportal.interventions.budget_of_record import budgets_of_record, current_of
from insatsportal.interventions.forms import NationalFactsForm
from insatsportal.interventions.models import StructuralReach


@require_safe
@require(policy.can_view_interventions)
def intervention_list(request):
    interventions = selectors.intervention_list(user=request.user)
    return render(request, "interventions/list.html", {"interventions": interventions})


@require_safe
@require(policy.can_view_interventions)
def intervention_detail(request, pk):
    intervention = selectors.intervention_get(user=request.user, pk=pk)
    if intervention is None:
        raise Http404
    periods = budgets_of_record(intervention.grants.order_by("period_start"))
    return render(request, "interventions/detail.html", {
        "intervention": intervention,
        "history": audit_history(intervention),
        "periods": periods, "current": current_of(periods, today=timezone.localdate()),
        **intervention_chain(intervention),
    })


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_edit_national_facts)
def national_facts(request, pk):
    intervention = selectors.intervention_get(user=request.user, pk=pk)
    if intervention is None:
        raise Http404
    try:
        year = int(request.GET.get("ar") or timezone.localdate().year - 1)
    except ValueError:
        raise Http404 from None
    reach = StructuralReach.objects.filter(intervention=intervention, year=year).first()
    form = NationalFactsForm(request.POST or None,
                             initial=NationalFactsForm.initial_for(intervention, reach))
    if request.method == "POST" and form.is_valid():
        services.intervention_national_facts_save(intervention=intervention, year=year,
                                                  actor=request.user, **form.cleaned_data)
        messages.success(request, _("The facts for the national report are saved."))
        return redirect(f"{request.path}?ar={year}")
    return render(request, "interventions/national_facts.html", {
        "intervention": intervention, "form": form, "year": year})
