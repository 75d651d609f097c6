"""Follow-up after discharge: the outcome per person, the policy and random samples."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core import concurrency
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.participants import forms, selectors
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import FollowUp, FollowUpSample, ReadLogEntry
from insatsportal.participants.services import followup
from insatsportal.participants.services.readlog import read_log_record
from insatsportal.participants.views.steps import step_form


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def follow_up_edit(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    instance = FollowUp.objects.filter(participant=participant).first()
    form = forms.FollowUpForm(request.POST or None, instance=instance)
    return step_form(
        request, participant, form,
        service=lambda data: followup.follow_up_record(actor=request.user,
                                                       participant=participant, **data),
        current=lambda: forms.FollowUpForm(
            instance=FollowUp.objects.filter(participant=participant).first()),
        template="participants/step_form.html",
        success=_("The follow-up has been saved."), title=_("Follow-up after discharge"),
    )


def _policy_initial(intervention) -> dict:
    current = followup.policy_for(intervention.pk)
    return {"months": current.months, "sample_only": current.sample_only}


def _overview(request, intervention, *, sample_form=None, policy_form=None, status=200):
    current = followup.policy_for(intervention.pk)
    samples = list(FollowUpSample.objects.filter(intervention=intervention)
                   .select_related("drawn_by"))
    wanted = {pid for sample in samples for pid in sample.selected_ids}
    visible = {str(p.pk): p for p in selectors.participant_list(
        user=request.user, intervention=intervention).filter(pk__in=wanted)
        .select_related("follow_up")}
    for sample in samples:
        sample.people = [visible[pid] for pid in sample.selected_ids if pid in visible]
    read_log_record(user=request.user, participants=list(visible.values()),
                    what=ReadLogEntry.What.LIST)
    return render(request, "participants/follow_up.html", {
        "intervention": intervention, "policy": current, "samples": samples,
        "policy_form": policy_form or forms.FollowUpPolicyForm(
            initial=_policy_initial(intervention)),
        "sample_form": sample_form or forms.SampleDrawForm(),
    }, status=status)


@require_safe
@require(policy.can_view_participants_section)
def follow_up_overview(request, pk):
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    return _overview(request, intervention)


@require_POST
@require(policy.can_view_participants_section)
def follow_up_policy(request, pk):
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    form = forms.FollowUpPolicyForm(request.POST)
    if not form.is_valid():
        return _overview(request, intervention, policy_form=form, status=400)
    edit = concurrency.save_form(
        request, form, intervention,
        current=lambda fresh: forms.FollowUpPolicyForm(initial=_policy_initial(fresh)),
        save=lambda fresh, values: followup.follow_up_policy_set(
            actor=request.user, intervention=fresh, **values))
    if not edit.saved:
        return _overview(request, intervention, policy_form=form, status=409)
    messages.success(request, _("The follow-up policy has been saved."))
    return redirect("participants:follow_up_overview", pk=intervention.pk)


@require_POST
@require(policy.can_view_participants_section)
@once_per_form
def follow_up_sample(request, pk):
    intervention = selectors.participant_intervention_get_for_user(user=request.user, pk=pk)
    form = forms.SampleDrawForm(request.POST)
    if form.is_valid():
        try:
            sample = followup.follow_up_sample_draw(actor=request.user,
                                                    intervention=intervention,
                                                    **form.cleaned_data)
        except ParticipantError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("%(count)d participants were drawn with seed %(seed)d.")
                             % {"count": len(sample.selected_ids), "seed": sample.seed})
            return redirect("participants:follow_up_overview", pk=intervention.pk)
    return _overview(request, intervention, sample_form=form)
