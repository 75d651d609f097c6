from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core import concurrency
from insatsportal.core.decorators import require
from insatsportal.participants.models import Sex
from insatsportal.reports.common import today
from insatsportal.reports.models import AdministrativeCost
from insatsportal.reports.national import check, forms, services, tasks
from insatsportal.reports.national import people as breakdowns


def _year(request):
    try:
        year = int(request.GET.get("ar") or request.POST.get("ar") or today().year - 1)
    except ValueError:
        raise Http404 from None
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@require_http_methods(["GET", "HEAD", "POST"])
@require(policy.can_view_national_reporting)
def national_page(request):
    year = _year(request)
    office = policy.can_administer_register(request.user)
    cost = AdministrativeCost.objects.filter(year=year).first()
    form = forms.AdministrativeCostForm(
        request.POST or None, initial=_cost_initial(cost)) if office else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            edit = concurrency.save_form(
                request, form, cost,
                current=lambda fresh: forms.AdministrativeCostForm(initial=_cost_initial(
                    AdministrativeCost.objects.filter(year=year).first())),
                save=lambda fresh, values: services.administrative_cost_save(
                    year=year, actor=request.user, **values))
            if edit.saved:
                messages.success(request, _("The administrative costs are saved."))
                return redirect(f"{request.path}?ar={year}")
    rows = services.national_rows(year)
    cols = breakdowns.columns()
    return render(request, "reports/national.html", {
        "year": year, "rows": rows, "cost": cost, "form": form,
        "breakdowns": [(row["intervention"], breakdowns.breakdown(row, cols)) for row in rows],
        "missing": sum(len(row["missing"]) for row in rows),
        "years": range(today().year, today().year - 8, -1), "sexes": Sex.choices,
        "marker": services.suppressed_marker(),
    }, status=concurrency.status(form))


def _cost_initial(cost) -> dict | None:
    return {"amount": cost.amount, "note": cost.note} if cost else None


@require_safe
@require(policy.can_view_national_reporting)
def national_check(request):
    year = _year(request)
    return render(request, "reports/national_check.html", {
        "year": year,
        "items": check.check_list(services.national_rows(year), year, request.user),
        "years": range(today().year, today().year - 8, -1),
    })


@require_safe
@require(policy.can_view_national_reporting)
def national_export(request, fmt):
    """The file at once, for scripts; the page asks for it as a background job."""
    year = _year(request)
    if fmt not in tasks.CONTENT_TYPES:
        raise Http404
    response = HttpResponse(tasks.national_export_content(year, fmt),
                            content_type=tasks.CONTENT_TYPES[fmt])
    filename = services.NationalExport(year).filename
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


@require_POST
@require(policy.can_view_national_reporting)
def national_export_start(request):
    year = _year(request)
    fmt = request.POST.get("format")
    if fmt not in tasks.CONTENT_TYPES:
        raise Http404
    job = tasks.national_export_request(actor=request.user, year=year, fmt=fmt)
    return redirect("jobs:detail", pk=job.pk)
