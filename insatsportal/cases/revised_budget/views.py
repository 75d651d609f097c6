"""The budget of record of a grant and its revised budget (owner writes, office decides)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from insatsportal.accounts import policy
from insatsportal.cases.budget_of_record import budget_of_record
from insatsportal.cases.revised_budget import selectors, services
from insatsportal.cases.revised_budget.forms import RevisedBudgetForm
from insatsportal.core import concurrency
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.interventions.models import RevisedBudget
from insatsportal.organisations.models import Member


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_use_system)
@once_per_form
def grant_budget(request, pk, grant_pk):
    grant = selectors.grant_get_for_user(user=request.user, intervention_pk=pk, pk=grant_pk)
    record = budget_of_record(grant)
    revisions = list(selectors.revisions_of(grant))
    pending = next((r for r in revisions if r.status == RevisedBudget.Status.SUBMITTED), None)
    names = dict(Member.objects.filter(
        pk__in=services.revision_columns(grant)).values_list("pk", "name"))
    members = sorted(names.items(), key=lambda item: (item[0] != grant.intervention.owner_id,
                                                      item[1]))
    may_revise = policy.can_revise_budget(request.user, grant.intervention)
    form = None
    # A post sent while another revision came in is still read: it is shown as a conflict.
    if may_revise and (pending is None or request.method == "POST"):
        form = RevisedBudgetForm(request.POST or None, grant=grant, members=members,
                                 start_from=revisions[0] if revisions else record)
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            try:
                with transaction.atomic():
                    edit = _reconcile(request, grant, form, members)
                    if edit.saved:
                        form.cleaned_data.update(edit.values)
                        services.revised_budget_submit(grant=grant, cells=form.cells(),
                                                       note=form.cleaned_data["note"],
                                                       actor=request.user)
            except services.InterventionError as error:
                form.add_error(None, str(error))
            else:
                if edit.saved:
                    messages.success(request, _("The revised budget is sent to the förbund."))
                    return redirect("interventions:grant_budget", pk=pk, grant_pk=grant.pk)
    versions = [
        {"revision": r, "changes": selectors.revision_changes(
            r, revisions[i + 1] if i + 1 < len(revisions) else None, names)}
        for i, r in enumerate(revisions)
    ]
    return render(request, "interventions/grant_budget.html", {
        "intervention": grant.intervention, "grant": grant, "record": record,
        "owners": [(names.get(member_id, ""), amount)
                   for member_id, amount in record.by_owner.items()],
        "needed": services.revision_needed(record), "versions": versions, "pending": pending,
        "form": form, "may_decide": policy.can_approve_revised_budgets(request.user),
    }, status=concurrency.status(form))


def _reconcile(request, grant, form, members):
    """The owner's figures against the newest version now (the grant's row locked)."""
    concurrency.locked(grant)
    revisions = list(selectors.revisions_of(grant))
    current = RevisedBudgetForm(grant=grant, members=members,
                                start_from=revisions[0] if revisions else budget_of_record(grant))
    return concurrency.reconcile_form(request, form, current, obj=grant.intervention)


@require_POST
@require(policy.can_approve_revised_budgets)
def revision_decide(request, pk):
    revision = selectors.revision_get_for_user(user=request.user, pk=pk)
    decision, note = request.POST.get("decision"), request.POST.get("note", "")
    try:
        if decision == "approve":
            services.revised_budget_approve(revision=revision, actor=request.user, note=note)
            messages.success(request, _("The revised budget is approved and is now the budget "
                                        "of record."))
        elif decision == "return":
            services.revised_budget_return(revision=revision, actor=request.user, note=note)
            messages.success(request, _("The revised budget is returned to the owner."))
        else:
            messages.error(request, _("Choose to approve or return the revised budget."))
    except services.InterventionError as error:
        messages.error(request, str(error))
    return redirect("interventions:grant_budget", pk=revision.grant.intervention_id,
                    grant_pk=revision.grant_id)
