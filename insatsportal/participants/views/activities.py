"""Activities: log one for a participant, or the same one for a group at once."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.participants import forms, selectors
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import ReadLogEntry
from insatsportal.participants.services.activity import activity_log
from insatsportal.participants.services.readlog import read_log_record
from insatsportal.participants.views.steps import step_form


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
@once_per_form
def activity_create(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    form = forms.ActivityForm(request.POST or None)
    return step_form(
        request, participant, form,
        service=lambda data: activity_log(actor=request.user, participants=[participant],
                                          **data),
        template="participants/step_form.html",
        success=_("The activity has been logged."), title=_("Log an activity"), once=True,
    )


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
@once_per_form
def group_activity_create(request, pk):
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    active = selectors.participant_list(user=request.user, intervention=intervention).filter(
        discharge__isnull=True).order_by("number")
    form = forms.GroupActivityForm(request.POST or None, participants=active)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        chosen = list(data.pop("participants"))
        try:
            activity_log(actor=request.user, participants=chosen, **data)
        except ParticipantError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, ngettext(
                "The activity has been logged for %(count)d participant.",
                "The activity has been logged for %(count)d participants.", len(chosen),
            ) % {"count": len(chosen)})
            return redirect("participants:intervention", pk=intervention.pk)
    read_log_record(user=request.user, participants=list(active), what=ReadLogEntry.What.LIST)
    return render(request, "participants/group_activity.html",
                  {"intervention": intervention, "form": form})
