from django.contrib import messages
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.applications import budget as b
from insatsportal.applications import checks, excel, selectors, services
from insatsportal.applications.budget_forms import BUDGET_ROW_FORMS, BudgetForm
from insatsportal.applications.forms import BudgetUploadForm
from insatsportal.applications.views.edit import with_extra_row
from insatsportal.core import concurrency
from insatsportal.core.decorators import require

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@require_http_methods(["GET", "POST"])
@require(policy.can_prepare_applications)
def budget_edit(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk, action="edit")
    saved = selectors.budget_data(application) or b.BudgetData(
        owners=(b.Owner(position=0, member=application.owner.name),)
    )
    add_row = request.POST.get("add_row", "")
    if request.method == "POST":
        data = with_extra_row(request.POST, add_row) if add_row in BUDGET_ROW_FORMS \
            else request.POST
        form = BudgetForm(data, budget=saved)
        edit = concurrency.reading(request, {})
        if not add_row and form.is_valid():
            try:
                with transaction.atomic():
                    edit = _reconcile(request, application, form.to_data())
                    if edit.saved:
                        services.budget_save(actor=request.user, application=application,
                                             budget=_budget_of(edit.values))
            except services.ApplicationError as exc:
                messages.error(request, str(exc))
            else:
                if edit.saved:
                    messages.success(request, _("The budget was saved."))
                    return redirect("applications:budget", application.pk)
    else:
        form = BudgetForm(budget=saved)
        edit = concurrency.reading(request, _parts(saved))
    warnings = selectors.application_warnings(application, saved)
    by_field = checks.by_field(warnings)
    return render(request, "applications/budget_edit.html", {
        "application": application,
        "form": form,
        "totals": b.compute(saved),
        "warnings": [w for w in warnings if _is_budget_warning(w)],
        "warnings_by_field": by_field,
        "owner_labels": b.OWNER_LABELS,
        "category_labels": b.CATEGORY_LABELS,
        "fundings": [(funding, form.salary[funding], form.categories[funding])
                     for funding in b.FUNDINGS],
        "edit": edit,
    }, status=concurrency.status(edit))


@require_POST
@require(policy.can_prepare_applications)
def budget_totals(request, pk):
    """The totals of the budget form as it stands, not saved (htmx, on each change): the
    same b.compute as the saved budget, so the page has one way of adding up."""
    application = selectors.application_get_for_user(user=request.user, pk=pk, action="edit")
    saved = selectors.budget_data(application) or b.BudgetData()
    form = BudgetForm(request.POST, budget=saved)
    form.is_valid()  # only for cleaned_data: the save, not this preview, reports problems
    return render(request, "applications/_budget_live_totals.html",
                  {"totals": b.compute(form.to_data())})


def _parts(data: b.BudgetData) -> dict:
    """A budget's parts for concurrency: owners, years, the stated total, and each category's
    line or each list of free rows, so that changes to different rows merge."""
    parts = {"owners": data.owners, "years": data.years, "stated_total": data.stated_total}
    for line in data.lines:
        parts.setdefault(f"lines.{line.funding}.{line.section}.{line.category}", []).append(line)
    return parts


def _budget_of(parts: dict) -> b.BudgetData:
    lines = [line for name, group in parts.items() if name.startswith("lines.")
             for line in group or ()]
    return b.BudgetData(owners=parts["owners"] or (), years=parts["years"] or (),
                        stated_total=parts["stated_total"] or None, lines=tuple(lines))


def _label(name: str) -> str:
    if not name.startswith("lines."):
        return {"owners": _("Owners"), "years": _("Per year"),
                "stated_total": _("Total from the förbund, as stated in the application"),
                }.get(name, name)
    _lines, funding, section, category = name.split(".")
    what = b.COST_CATEGORY_LABELS.get(category or section, section)
    heading = (_("Costs to requisition from the förbund") if funding == b.ASSOCIATION
               else _("Co-financing"))
    return f"{heading}: {what}"


def _reconcile(request, application, mine: b.BudgetData):
    concurrency.locked(application)
    saved = selectors.budget_data(application) or b.BudgetData(
        owners=(b.Owner(position=0, member=application.owner.name),))
    current, sent = _parts(saved), _parts(mine)
    return concurrency.reconcile(request, current=current, mine=sent,
                                 labels={name: _label(name) for name in current | sent},
                                 shown=_shown, obj=application)


def _shown(name, value):
    if not name.startswith("lines."):
        return concurrency.display(value)
    return "\n".join(_line_text(line) for line in value or ()) or "–"


def _line_text(line) -> str:
    amounts = [f"{owner}: {concurrency.display(amount)}"
               for owner, amount in zip(b.OWNER_LABELS, line.amounts, strict=False) if amount]
    percent = f"{concurrency.display(line.percent)} %" if line.percent else ""
    return " · ".join(filter(None, [line.label, percent, *amounts]))


def _is_budget_warning(warning) -> bool:
    return warning.field.split(".")[0] in {"salary", "owners", "stated_total", "years",
                                           "co_financing"}


@require_safe
@require(policy.can_view_applications)
def budget_download(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk)
    data = selectors.budget_data(application) or b.BudgetData(
        owners=(b.Owner(position=0, member=application.owner.name),)
    )
    content = excel.budget_to_xlsx(name=application.name, planned_start=application.planned_start,
                                   planned_end=application.planned_end, data=data)
    response = HttpResponse(content, content_type=XLSX)
    name = slugify(application.name) or "ansokan"
    response["Content-Disposition"] = f'attachment; filename="budget-{name}.xlsx"'
    return response


@require_http_methods(["GET", "POST"])
@require(policy.can_prepare_applications)
def budget_upload(request, pk):
    application = selectors.application_get_for_user(user=request.user, pk=pk, action="edit")
    form = BudgetUploadForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            data = excel.budget_from_xlsx(form.cleaned_data["file"])
            services.budget_save(actor=request.user, application=application, budget=data,
                                 action="application.budget_imported")
        except excel.BudgetFileError as exc:
            errors = exc.errors
        except services.ApplicationError as exc:
            errors = [str(exc)]
        else:
            messages.success(request, _("The budget was read from the file."))
            return redirect("applications:budget", application.pk)
    return render(request, "applications/budget_upload.html", {
        "application": application, "form": form, "errors": errors,
    }, status=400 if errors or form.errors else 200)
