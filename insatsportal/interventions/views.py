from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.interventions import forms, selectors, services


@require_safe
@require(policy.can_view_interventions)
def intervention_list(request):
    interventions = selectors.intervention_list(user=request.user)
    return render(request, "interventions/list.html", {"interventions": interventions})


@require_POST
@require(policy.can_close_interventions)
def intervention_close(request, pk):
    intervention = selectors.intervention_get(user=request.user, pk=pk)
    if intervention is None:
        raise Http404
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
