from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.imports import forms, selectors, services
from insatsportal.imports.mapping import application_data, decision_facts
from insatsportal.imports.matching import decision_answers
from insatsportal.imports.models import ImportedDocument, ImportTerm
from insatsportal.imports.review_lists import apply_lists, review_formsets


@require_http_methods(["GET", "POST"])
@require(policy.can_import_documents)
def document_list(request):
    """The upload form and the documents imported so far. The files are read in the
    background: the request keeps them and answers at once with the job's page."""
    form = forms.UploadForm()
    if request.method == "POST":
        form = forms.UploadForm(request.POST, request.FILES)
        if form.is_valid():
            files = _within_limit(request, form.cleaned_data["files"])
            if not files:
                return redirect("imports:list")
            job = services.documents_read_start(actor=request.user, files=files)
            return redirect("jobs:detail", pk=job.pk)
    return render(request, "imports/list.html", {
        "form": form, "documents": selectors.document_list(user=request.user)[:200],
        "jobs": selectors.reading_jobs(user=request.user),
    }, status=400 if form.errors else 200)


def _within_limit(request, files) -> list[tuple[str, bytes]]:
    """The files small enough to read; each one too large gets its message at once."""
    kept = []
    for upload in files:
        if upload.size > services.MAX_UPLOAD_BYTES:
            messages.error(request, _("“%(file)s” is larger than %(mb)s MB.") % {
                "file": upload.name, "mb": services.MAX_UPLOAD_BYTES // (1024 * 1024)})
            continue
        kept.append((upload.name, upload.read()))
    return kept


def _review_form(document, data=None):
    """The form (and for an application the formsets of its lists) with what was read."""
    if document.kind == ImportedDocument.Kind.APPLICATION:
        read = application_data(document.result)
        initial = forms.ApplicationReviewForm.initial_from(read)
        return forms.ApplicationReviewForm(data, initial=initial), read, review_formsets(
            read, data)
    read = decision_facts(document.result)
    read |= decision_answers(read)
    conflicts = document.result.get("conflicts", [])
    initial = {k: read[k] for k in forms.DecisionReviewForm.base_fields if k in read}
    if any(c["field"] == "max_amount" for c in conflicts):
        initial["amount"] = None
    return forms.DecisionReviewForm(data, initial=initial, conflicts=conflicts), read, {}


_REVIEWED = (ImportedDocument.Kind.APPLICATION, ImportedDocument.Kind.DECISION)


@require_http_methods(["GET", "POST"])
@require(policy.can_import_documents)
@once_per_form
def document_review(request, pk):
    """Every field with the text it came from; the reviewer corrects and confirms."""
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    form = read = None
    formsets = {}
    if document.is_open and document.kind in _REVIEWED:
        form, read, formsets = _review_form(
            document, request.POST if request.method == "POST" else None)
    elif request.method == "POST":
        messages.info(request, _("The document is already %(status)s.") % {
            "status": document.get_status_display().lower()})
        return redirect("imports:review", pk=document.pk)
    valid = request.method == "POST" and form.is_valid() and all(
        f.is_valid() for f in formsets.values())
    if valid:
        try:
            target = _confirm(request, document, form, read, formsets)
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
    invalid = form is not None and form.is_bound and not valid
    return render(request, "imports/review.html", {
        "document": document, "form": form, "formsets": formsets.values(),
        "warnings": selectors.warnings_for(document, application),
        "rows": selectors.review_rows(document),
        "missing": selectors.missing_labels(document),
        "conflicts": selectors.conflicts_for(document),
        "paragraphs": selectors.paragraphs_of(document),
        "same_as": document.same_as,
    }, status=400 if invalid else 200)


def _confirm(request, document, form, read, formsets):
    if document.kind == ImportedDocument.Kind.APPLICATION:
        data = apply_lists(form.application_data(read), formsets,
                           form.cleaned_data["owner"].name)
        application = services.document_confirm_application(
            actor=request.user, document=document, data=data)
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


@require_POST
@require(policy.can_import_documents)
def document_read_as(request, pk):
    """Read a document that was not recognised as the kind the person chooses."""
    document = selectors.document_get_for_user(user=request.user, pk=pk)
    try:
        services.document_read_as(actor=request.user, document=document,
                                  kind=request.POST.get("kind", ""))
    except services.DocumentImportError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Read as %(kind)s: correct what is missing and confirm.")
                         % {"kind": document.get_kind_display().lower()})
    return redirect("imports:review", pk=document.pk)


@require_http_methods(["GET", "POST"])
@require(policy.can_import_documents)
def term_list(request):
    """The wordings the reader looks for: the defaults and the förbund's own."""
    form = forms.TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.term_add(actor=request.user, **form.cleaned_data)
        except services.DocumentImportError as error:
            form.add_error("wording", str(error))
        else:
            messages.success(request, _("The wording is added; the reader uses it from the "
                                        "next document."))
            return redirect("imports:terms")
    return render(request, "imports/terms.html", {
        "form": form, "groups": selectors.term_groups(user=request.user),
    }, status=400 if form.errors else 200)


@require_POST
@require(policy.can_import_documents)
def term_remove(request, pk):
    term = ImportTerm.objects.filter(pk=pk).first()
    if term is None:
        raise Http404
    services.term_remove(actor=request.user, term=term)
    messages.success(request, _("“%(wording)s” is removed.") % {"wording": term.wording})
    return redirect("imports:terms")
