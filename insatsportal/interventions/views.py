from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core import concurrency
from insatsportal.core.decorators import require
from insatsportal.interventions import forms, selectors, services
from insatsportal.interventions.models import StructuralReach


@require_safe
@require(policy.can_view_interventions)
def intervention_list(request):
    interventions = selectors.intervention_list(user=request.user)
    return render(request, "interventions/list.html", {"interventions": interventions})


@require_POST
@require(policy.can_close_interventions)
def intervention_close(request, pk):
    intervention = selectors.intervention_get_for_user(user=request.user, pk=pk, action="close")
    form = forms.InterventionCloseForm(request.POST)
    if form.is_valid():
        try:
            services.intervention_close(actor=request.user, intervention=intervention,
                                        today=timezone.localdate(), **form.cleaned_data)
        except services.InterventionError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The intervention is closed."))
    else:
        messages.error(request, _("Give the intervention's last day as a date."))
    return redirect("interventions:detail", pk=intervention.pk)


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_edit_national_facts)
def national_facts(request, pk):
    intervention = selectors.intervention_get_for_user(user=request.user, pk=pk)
    try:
        year = int(request.GET.get("ar") or timezone.localdate().year - 1)
    except ValueError:
        raise Http404 from None
    reach = StructuralReach.objects.filter(intervention=intervention, year=year).first()
    form = forms.NationalFactsForm(
        request.POST or None, initial=forms.NationalFactsForm.initial_for(intervention, reach))
    if request.method == "POST" and form.is_valid():
        edit = concurrency.save_form(
            request, form, intervention,
            current=lambda fresh: forms.NationalFactsForm(initial=forms.NationalFactsForm
                .initial_for(fresh, StructuralReach.objects.filter(intervention=fresh,
                                                                   year=year).first())),
            save=lambda fresh, values: services.intervention_national_facts_save(
                intervention=fresh, year=year, actor=request.user, **values))
        if edit.saved:
            messages.success(request, _("The facts for the national report are saved."))
            return redirect(f"{request.path}?ar={year}")
    return render(request, "interventions/national_facts.html", {
        "intervention": intervention, "form": form, "year": year},
        status=concurrency.status(form))
