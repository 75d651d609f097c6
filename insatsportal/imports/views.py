from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.imports import forms, selectors, services
from insatsportal.imports.mapping import application_data, decision_facts
from insatsportal.imports.matching import decision_answers
from insatsportal.imports.models import ImportedDocument


@require_http_methods(["GET", "POST"])
@require(policy.can_import_documents)
def document_list(request):
    """The upload form and the documents imported so far."""
    form = forms.UploadForm()
    if request.method == "POST":
        form = forms.UploadForm(request.POST, request.FILES)
        if form.is_valid():
            uploaded = _upload_all(request, form.cleaned_data["files"])
            if len(uploaded) == 1 and len(form.cleaned_data["files"]) == 1:
                return redirect("imports:review", pk=uploaded[0].pk)
            return redirect("imports:list")
    return render(request, "imports/list.html", {
        "form": form, "documents": selectors.document_list(user=request.user)[:200],
    }, status=400 if form.errors else 200)


def _upload_all(request, files) -> list[ImportedDocument]:
    """Each file on its own: a bad one gets its message, the others are still read."""
    uploaded = []
    for upload in files:
        try:
            if upload.size > services.MAX_UPLOAD_BYTES:
                raise services.DocumentImportError(_("“%(file)s” is larger than %(mb)s MB.") % {
                    "file": upload.name, "mb": services.MAX_UPLOAD_BYTES // (1024 * 1024)})
            document = services.document_upload(actor=request.user, content=upload.read(),
                                                 filename=upload.name)
        except services.DocumentImportError as error:
            messages.error(request, str(error))
        else:
            uploaded.append(document)
            messages.success(request, _("“%(file)s” was read as %(kind)s; review it.") % {
                "file": document.filename, "kind": document.get_kind_display().lower()})
    return uploaded


def _review_form(document, data=None):
    if document.kind == ImportedDocument.Kind.APPLICATION:
        read = application_data(document.result)
        initial = forms.ApplicationReviewForm.initial_from(read)
        return forms.ApplicationReviewForm(data, initial=initial), read
    read = decision_facts(document.result)
    read |= decision_answers(read)
    initial = {k: read[k] for k in forms.DecisionReviewForm.base_fields if k in read}
    return forms.DecisionReviewForm(data, initial=initial), read


@require_http_methods(["GET", "POST"])
@require(policy.can_import_documents)
@once_per_form
def document_review(request, pk):
    """Every field with the text it came from; the reviewer corrects and confirms."""
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    form = read = None
    if document.is_open:
        form, read = _review_form(document, request.POST if request.method == "POST" else None)
    elif request.method == "POST":
        messages.info(request, _("The document is already %(status)s.") % {
            "status": document.get_status_display().lower()})
        return redirect("imports:review", pk=document.pk)
    if request.method == "POST" and form.is_valid():
        try:
            target = _confirm(request, document, form, read)
        except services.DocumentImportError as error:
            form.add_error(None, str(error))
        else:
            return target
    application = None
    if document.kind == ImportedDocument.Kind.DECISION:
        if form is not None:
            application = read.get("application")
            if form.is_bound and form.is_valid():
                application = form.cleaned_data.get("application")
        elif document.case_id:
            application = document.case.application
    return render(request, "imports/review.html", {
        "document": document, "form": form,
        "warnings": selectors.warnings_for(document, application),
        "rows": selectors.review_rows(document),
        "missing": selectors.missing_labels(document),
        "budget": (read or {}).get("budget") if document.kind == "application" else None,
    }, status=400 if form is not None and form.errors else 200)


def _confirm(request, document, form, read):
    if document.kind == ImportedDocument.Kind.APPLICATION:
        application = services.document_confirm_application(
            actor=request.user, document=document, data=form.application_data(read))
        messages.success(request, _("The application is created as a draft."))
        return redirect("applications:detail", pk=application.pk)
    decision = services.document_confirm_decision(actor=request.user, document=document,
                                                  facts=form.facts(read))
    messages.success(request, _("The decision is recorded in case %(number)s.") % {
        "number": decision.case.number})
    return redirect("cases:detail", pk=decision.case.pk)


@require_POST
@require(policy.can_import_documents)
def document_discard(request, pk):
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    try:
        services.document_discard(actor=request.user, document=document)
    except services.DocumentImportError as error:
        messages.error(request, str(error))
        return redirect("imports:review", pk=document.pk)
    messages.success(request, _("“%(file)s” is discarded; nothing was created from it.")
                     % {"file": document.filename})
    return redirect("imports:list")
