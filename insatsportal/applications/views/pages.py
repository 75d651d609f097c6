
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.applications import completion, selectors
from insatsportal.applications.diff import snapshot_diff
from insatsportal.applications.forms import ListFilterForm
from insatsportal.applications.models import Application
from insatsportal.applications.presentation import application_page
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.core.documents import html_to_pdf


@require_safe
@require(policy.can_view_applications)
def application_list(request):
    form = ListFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    applications = selectors.application_list(
        user=request.user,
        status=filters.get("status") or "",
        owner_id=filters["owner"].pk if filters.get("owner") else None,
        year=filters.get("year"),
        search=filters.get("q") or "",
    )
    return render(request, "applications/list.html", {
        "form": form,
        "applications": applications,
        "can_create": policy.can_prepare_applications(request.user),
        "show_owner_filter": policy.can_view_all_applications(request.user),
    })


def _page_context(request, application) -> dict:
    context = application_page(application)
    user = request.user
    context.update({
        "can_edit": policy.can_edit_application(user, application),
        "can_review": policy.can_review_applications(user),
        "can_return": (policy.can_review_applications(user)
                       and application.status == Application.Status.SUBMITTED),
    })
    return context


@require_safe
@require(policy.can_view_applications)
def application_detail(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    context = _page_context(request, application)
    context.update({
        "status_history": selectors.status_history(application),
        "versions": selectors.application_versions(application),
        "history": audit_history(application),
        "history_links": policy.can_restore_history(request.user),
        "conversation": completion.conversation(application),
    })
    return render(request, "applications/detail.html", context)


@require_safe
@require(policy.can_view_applications)
def application_print(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    return render(request, "applications/print.html", application_page(application))


@require_safe
@require(policy.can_view_applications)
def application_pdf(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    html = render_to_string("applications/print.html", {
        **application_page(application), "for_pdf": True,
    }, request=request)
    pdf = html_to_pdf(html, "applications/print.css")
    response = HttpResponse(pdf, content_type="application/pdf")
    name = slugify(application.name) or "ansokan"
    response["Content-Disposition"] = f'attachment; filename="ansokan-{name}.pdf"'
    return response


@require_safe
@require(policy.can_view_applications)
def version_diff(request, pk, number):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    version, previous = selectors.version_pair(application, number)
    if version is None:
        raise Http404
    changes = snapshot_diff(previous.snapshot, version.snapshot) if previous else []
    return render(request, "applications/version_diff.html", {
        "application": application, "version": version, "previous": previous,
        "changes": changes,
    })
