from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from insatsportal.accounts import policy
from insatsportal.applications import completion, selectors, services
from insatsportal.applications.budget_forms import BUDGET_ROW_FORMS
from insatsportal.applications.form_sections import SECTION_IDS, form_sections
from insatsportal.applications.forms import (
    ROW_FORMS,
    ApplicationForm,
    NewApplicationForm,
    formset_rows,
    row_formset,
)
from insatsportal.applications.presentation import application_page
from insatsportal.applications.serialize import application_to_dict
from insatsportal.core import concurrency
from insatsportal.core.decorators import require
from insatsportal.organisations.models import Member


@require_http_methods(["GET", "POST"])
@require(policy.can_prepare_applications)
def application_new(request):
    form = NewApplicationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_create(
                actor=request.user, owner=request.user.member, name=form.cleaned_data["name"]
            )
        except services.ApplicationError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("The application was created as a draft."))
            return redirect("applications:edit", application.pk)
    return render(request, "applications/new.html", {"form": form})


def with_extra_row(post, prefix):
    """The POST data with one more form in `prefix`'s formset (adding a row without JS)."""
    data = post.copy()
    key = f"{prefix}-TOTAL_FORMS"
    data[key] = str(int(data.get(key) or 0) + 1)
    return data


@require_http_methods(["GET", "POST"])
@require(policy.can_prepare_applications)
def application_edit(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk, action="edit")
    current = application_to_dict(application)
    parts = [part["name"] for part in current["parts"]]
    initial = {prefix: _initial_rows(prefix, current[prefix]) for prefix in ROW_FORMS}
    add_row = request.POST.get("add_row", "")
    questions = completion.open_questions(application)
    answers = {q.pk: request.POST[f"answer-{q.pk}"] for q in questions
               if f"answer-{q.pk}" in request.POST}
    for question in questions:  # a rejected form keeps the typed answers
        question.answer = answers.get(question.pk, question.answer)
    if request.method == "POST":
        data = with_extra_row(request.POST, add_row) if add_row in ROW_FORMS else request.POST
        form = ApplicationForm(data, instance=application)
        formsets = {prefix: row_formset(prefix, data=data, initial=initial[prefix], parts=parts)
                    for prefix in ROW_FORMS}
        edit = concurrency.reading(request, {})
        if not add_row and form.is_valid() and all(f.is_valid() for f in formsets.values()):
            values = form.to_data()
            for prefix, formset in formsets.items():
                values[prefix] = formset_rows(formset)
            try:
                with transaction.atomic():
                    edit, application = _reconcile(request, application, form, values, answers)
                    if edit.saved:
                        services.application_update(actor=request.user,
                                                    application=application, data=edit.values)
                        completion.completion_answers_save(
                            actor=request.user, application=application,
                            answers={q.pk: edit.values[f"answer-{q.pk}"] for q in questions
                                     if f"answer-{q.pk}" in edit.values})
            except services.ApplicationError as exc:
                form.add_error(None, str(exc))
            else:
                if edit.saved:
                    messages.success(request, _("The application was saved."))
                    section = request.POST.get("section", "")  # a section's own save button
                    anchor = f"#{section}" if section in SECTION_IDS else ""
                    return redirect(reverse("applications:edit", args=[application.pk]) + anchor)
    else:
        form = ApplicationForm(instance=application)
        formsets = {prefix: row_formset(prefix, initial=initial[prefix],
                                        extra=0 if initial[prefix] else 1, parts=parts)
                    for prefix in ROW_FORMS}
        edit = concurrency.reading(request, _read_parts(form, initial, questions))
    page = application_page(application)
    grouped = completion.questions_by_section(questions)
    # A page shown again after a POST opens what there is to look at: the sections with
    # problems, the row list a row was added to, or (a conflict) every section.
    sections = form_sections(form, formsets, grouped, posted=request.method == "POST",
                             added=add_row if add_row in ROW_FORMS else "")
    return render(request, "applications/edit.html", {
        "application": application, "form": form, "formsets": formsets, "edit": edit,
        "row_labels": {prefix: label for prefix, (_form, label) in ROW_FORMS.items()},
        "warnings_by_field": page["warnings_by_field"],
        "questions": grouped, "sections": sections,
        "section": {section.key: section for section in sections},
        "complete": sum(section.complete for section in sections),
    }, status=concurrency.status(edit))


def _row_fields(prefix):
    return [name for name in ROW_FORMS[prefix][0].base_fields if name != "DELETE"]


def _read_parts(form, initial, questions) -> dict:
    """What the edit page shows, part by part: each field, each list of rows, each answer."""
    parts = concurrency.form_values(form)
    for prefix, rows in initial.items():
        fields = _row_fields(prefix)
        parts[prefix] = [{name: row.get(name) for name in fields} for row in rows]
    parts.update({f"answer-{q.pk}": q.answer for q in questions})
    return parts


def _reconcile(request, application, form, values, answers):
    """The user's values merged with what is saved now, and the application as saved now
    (its row locked, so no other save comes in between)."""
    fresh = selectors.application_load(concurrency.locked(application).pk)
    saved = application_to_dict(fresh)
    initial = {prefix: _initial_rows(prefix, saved[prefix]) for prefix in ROW_FORMS}
    current = _read_parts(ApplicationForm(instance=fresh), initial,
                          completion.open_questions(fresh))
    mine = {**values, **{f"answer-{pk}": text for pk, text in answers.items()}}
    for prefix in ROW_FORMS:
        mine[prefix] = [{name: row.get(name) for name in _row_fields(prefix)}
                        for row in values[prefix]]
    labels = {**concurrency.form_labels(form),
              **{prefix: label for prefix, (_form, label) in ROW_FORMS.items()},
              **{f"answer-{pk}": _("Your answer to the office's question") for pk in answers}}
    edit = concurrency.reconcile(request, current=current, mine=mine, labels=labels,
                                 shown=concurrency.form_shown(form), obj=fresh)
    # A part only the other person changed is left out: the service keeps what is saved.
    edit.values = {name: values.get(name, value) for name, value in edit.values.items()
                   if name not in edit.merged}
    return edit, fresh


def _initial_rows(prefix, rows):
    if prefix not in ("partners", "staffing", "signatures"):
        return rows
    field = "employer" if prefix == "staffing" else "member"
    names = {row.get(field) for row in rows if row.get(field)}
    members = {m.name: m for m in Member.objects.filter(name__in=names)}
    return [{**row, field: members.get(row.get(field))} for row in rows]


@require_safe
@require(policy.can_prepare_applications)
def form_row(request, pk, prefix):
    """One blank row of a section (htmx), with the formset's new count swapped in."""
    application = selectors.application_get_for_user(user=request.user, pk=pk, action="edit")
    try:
        index = int(request.GET.get("index", "0"))
    except ValueError:
        raise Http404 from None
    if not 0 <= index < 200:
        raise Http404
    if prefix in ROW_FORMS:
        form_class, _label = ROW_FORMS[prefix]
        kwargs = {}
        if prefix in ("goals", "staffing"):
            kwargs["parts"] = [part.name for part in application.parts.all()]
        template = "applications/_row_fragment.html"
    elif prefix in BUDGET_ROW_FORMS:
        form_class, kwargs = BUDGET_ROW_FORMS[prefix], {}
        _label = _("Salary costs") if prefix.startswith("salary") else _("Other co-financing")
        template = "applications/_budget_row_fragment.html"
    else:
        raise Http404
    form = form_class(prefix=f"{prefix}-{index}", **kwargs)
    form.fields["DELETE"] = _delete_field()
    return render(request, template, {
        "application": application, "form": form, "prefix": prefix, "index": index,
        "total": index + 1, "label": _label,
    })


def _delete_field():
    return forms.BooleanField(label=_("Delete"), required=False)
