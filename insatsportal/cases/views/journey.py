from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from insatsportal.accounts import policy
from insatsportal.applications import selectors, services
from insatsportal.applications.forms import ReturnForm
from insatsportal.applications.models import Application
from insatsportal.cases import services as case_services
from insatsportal.core.decorators import require


@require_http_methods(["GET", "POST"])
@require(policy.can_prepare_applications)
def application_submit(request, pk):
    """GET: the application's checks before submitting; POST: submit (or resubmit)."""
    application = selectors.application_get_for_user(user=request.user, pk=pk, action="edit")
    if request.method == "POST":
        service = (case_services.application_resubmit
                   if application.status == Application.Status.RETURNED
                   else case_services.application_submit)
        try:
            service(actor=request.user, application=application)
        except services.ApplicationError as exc:
            messages.error(request, str(exc))
            return redirect("cases:application_submit", application.pk)
        messages.success(request, _("The application was submitted to the förbund."))
        return redirect("applications:detail", application.pk)
    return render(request, "applications/submit.html", {
        "application": application,
        "warnings": selectors.application_warnings(application),
        "missing": services.application_missing_for_submission(application),
        "returned_with": application.status == Application.Status.RETURNED
        and application.case.status_changes.order_by("-at", "-pk").first(),
    })


@require_http_methods(["GET", "POST"])
@require(policy.can_review_applications)
def application_return(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk,
                                                  action="review")
    form = ReturnForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            case_services.case_request_completion(
                case=application.case, questions=form.asked(),
                actor=request.user,
            )
        except (services.ApplicationError, case_services.CaseError) as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The application was returned to the owner."))
            return redirect("applications:detail", application.pk)
    return render(request, "applications/return.html", {"application": application,
                                                        "form": form})


@require(policy.can_review_applications)
@require_POST
def application_start_preparation(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk,
                                                  action="review")
    try:
        case_services.case_start_preparation(case=application.case, actor=request.user)
    except (services.ApplicationError, case_services.CaseError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("Preparation of the application has started."))
    return redirect("applications:detail", application.pk)
