"""Forms for each step of a participation: enrolment, plan, ratings, activities, discharge."""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from insatsportal.accounts import policy
from insatsportal.core import concurrency
from insatsportal.core.decorators import require
from insatsportal.participants import forms, selectors
from insatsportal.participants.errors import ParticipantError
from insatsportal.participants.models import ActionPlan, Discharge, Enrolment, ReadLogEntry
from insatsportal.participants.services.discharge import discharge_record
from insatsportal.participants.services.enrolment import enrolment_record
from insatsportal.participants.services.plan import plan_establish, plan_revise
from insatsportal.participants.services.readlog import read_log_record


def step_form(request, participant, form, *, service, template, success, title, current=None,
              **context):
    """The shape every step shares: validate, call the service, redirect or show errors.

    An edit of a saved record passes `current()`, the form unbound on what is saved now: a
    save over a newer version then comes back as a conflict (core.concurrency)."""
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                edit = _reconciled(request, participant, form, current)
                if edit.saved:
                    service(edit.values)
        except ParticipantError as exc:
            form.add_error(None, exc.message)
        else:
            if edit.saved:
                messages.success(request, success)
                return redirect("participants:detail", pk=participant.pk)
    if request.method == "GET":
        read_log_record(user=request.user, participants=[participant],
                        what=ReadLogEntry.What.PAGE)
    return render(request, template,
                  {"participant": participant, "form": form, "title": title, **context},
                  status=concurrency.status(form))


def _reconciled(request, participant, form, current):
    if current is None:
        return concurrency.Edit(values=form.cleaned_data, version="")
    concurrency.locked(participant)  # every step's record hangs on the participant
    return concurrency.reconcile_form(request, form, current(), obj=participant)


def _identified_or_back(request, participant):
    if participant.is_anonymous:
        messages.error(request, _("An anonymous record holds only sex and the year of start."))
        return redirect("participants:detail", pk=participant.pk)
    return None


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def enrolment_edit(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    if (back := _identified_or_back(request, participant)) is not None:
        return back
    instance = Enrolment.objects.filter(participant=participant).first()
    form = forms.EnrolmentForm(request.POST or None, instance=instance,
                               intervention=participant.intervention)
    return step_form(
        request, participant, form,
        service=lambda data: enrolment_record(actor=request.user, participant=participant,
                                              **data),
        current=lambda: forms.EnrolmentForm(
            instance=Enrolment.objects.filter(participant=participant).first(),
            intervention=participant.intervention),
        template="participants/step_form.html",
        success=_("The enrolment has been saved."), title=_("Enrolment"),
    )


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def discharge_edit(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    instance = Discharge.objects.filter(participant=participant).first()
    form = forms.DischargeForm(request.POST or None, instance=instance, participant=participant)
    return step_form(
        request, participant, form,
        service=lambda data: discharge_record(actor=request.user, participant=participant,
                                              **data),
        current=lambda: forms.DischargeForm(
            instance=Discharge.objects.filter(participant=participant).first(),
            participant=participant),
        template="participants/step_form.html",
        success=_("The discharge has been saved."), title=_("Discharge"),
    )


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def plan_edit(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    if (back := _identified_or_back(request, participant)) is not None:
        return back
    instance = ActionPlan.objects.filter(participant=participant).first()
    form = forms.PlanForm(request.POST or None, instance=instance,
                          intervention=participant.intervention)
    return step_form(
        request, participant, form,
        service=lambda data: plan_establish(actor=request.user, participant=participant, **data),
        current=lambda: forms.PlanForm(
            instance=ActionPlan.objects.filter(participant=participant).first(),
            intervention=participant.intervention),
        template="participants/step_form.html",
        success=_("The action plan has been saved."), title=_("Action plan"),
    )


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
def plan_revise_view(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    if not ActionPlan.objects.filter(participant=participant).exists():
        return redirect("participants:plan", pk=participant.pk)
    form = forms.PlanRevisionForm(request.POST or None)
    return step_form(
        request, participant, form,
        service=lambda data: plan_revise(actor=request.user, participant=participant, **data),
        template="participants/step_form.html",
        success=_("The revision has been saved."), title=_("Revise the action plan"),
    )
