from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core import charts, concurrency
from insatsportal.core.audit import audit_history
from insatsportal.core.decorators import require
from insatsportal.core.money import format_kr
from insatsportal.economy import forms, selectors, services
from insatsportal.economy.export import BudgetOutcomeExport
from insatsportal.economy.models import FiscalYear, PlannedCost
from insatsportal.organisations.selectors import association_current

EDIT = ["GET", "HEAD", "POST"]


def _year(value) -> int:
    if not 2000 <= int(value) <= 2100:
        raise Http404
    return int(value)


def _first_year(request) -> int:
    try:
        return _year(request.GET.get("fran") or timezone.localdate().year)
    except ValueError:
        raise Http404 from None


def _table(overview):
    """Rows of the overview table: (key, label, [(year, figure)]) in the order of the sum."""
    f = overview.figures
    rows = [
        ("equity", _("Equity carried over"), [y.opening_equity for y in f]),
        ("contributions", _("Contributions from the members"), [y.contributions for y in f]),
        ("administration", _("Administration"), [-y.administration for y in f]),
        ("other", _("Other planned costs"), [-y.other_costs for y in f]),
        ("committed", _("Committed by decisions"), [-y.committed for y in f]),
        ("room", _("Room left"), [y.room for y in f]),
        ("prospective", _("Applications in preparation"), [-y.prospective for y in f]),
        ("room_after", _("Room left if they are granted"), [y.room_after_prospective for y in f]),
        ("outcome", _("Outcome (approved requisitions)"), [y.outcome for y in f]),
        ("ceiling", _("Equity ceiling"), [y.equity_ceiling for y in f]),
    ]
    return [(key, label, list(zip(overview.years, values, strict=True)))
            for key, label, values in rows]


@require_safe
@require(policy.can_view_economy)
def overview(request):
    first = _first_year(request)
    data = selectors.economy_overview(user=request.user, first_year=first)
    f = data.figures
    chart = charts.bar_chart(
        _("Contributions, commitments and room left per year"), [str(y) for y in data.years],
        [(_("Contributions"), [y.contributions for y in f]),
         (_("Committed"), [y.committed for y in f]),
         (_("In preparation"), [y.prospective for y in f]),
         (_("Room left"), [y.room for y in f])],
        value_text=charts.short_kronor, table_text=format_kr,
    )
    return render(request, "economy/overview.html", {
        "data": data, "rows": _table(data), "chart": chart, "first": first,
        "office": policy.can_manage_economy(request.user),
        "previous": first - 1, "next": first + 1,
        "drill": ("contributions", "committed", "prospective", "outcome"),
        "signed": ("equity", "room", "room_after"),  # a minus here is a shortfall
        "over_ceiling": [y for y in f if y.over_ceiling],
        "recorded_years": selectors.recorded_years(association_current()),
    })


@require_safe
@require(policy.can_view_economy)
def year_page(request, year):
    detail = selectors.year_detail(user=request.user, year=_year(year))
    return render(request, "economy/year.html", {
        "detail": detail, "f": detail.figures,
        "office": policy.can_manage_economy(request.user),
        "cost_form": forms.PlannedCostForm(),
        "history": audit_history(detail.fiscal_year) if detail.fiscal_year else None,
    })


def _fiscal_year(year) -> FiscalYear:
    return get_object_or_404(FiscalYear, association=association_current(), year=_year(year))


@require_http_methods(EDIT)
@require(policy.can_manage_economy)
def fiscal_year_edit(request, year):
    year = _year(year)
    association = association_current()
    existing = FiscalYear.objects.filter(association=association, year=year).first()
    form = forms.FiscalYearForm(request.POST or None, initial=_fiscal_year_initial(existing))
    if request.method == "POST" and form.is_valid():
        try:
            edit = concurrency.save_form(
                request, form, association, audited=existing,
                current=lambda fresh: forms.FiscalYearForm(initial=_fiscal_year_initial(
                    FiscalYear.objects.filter(association=fresh, year=year).first())),
                save=lambda fresh, values: services.fiscal_year_save(
                    association=fresh, year=year, actor=request.user, **values))
        except services.EconomyError as error:
            form.add_error(None, str(error))
        else:
            if edit.saved:
                messages.success(request, _("The budget for %(year)s is saved.")
                                 % {"year": year})
                return redirect("economy:year", year=year)
    return render(request, "economy/fiscal_year_form.html",
                  {"form": form, "year": year, "existing": existing},
                  status=400 if form.errors else concurrency.status(form))


def _fiscal_year_initial(existing) -> dict | None:
    return {"opening_equity": existing.opening_equity, "administration":
            existing.administration, "note": existing.note} if existing else None


@require_http_methods(EDIT)
@require(policy.can_manage_economy)
def contributions(request, year):
    fiscal_year = _fiscal_year(year)
    members = services.paying_members(fiscal_year.association)
    form = forms.ContributionsForm(
        request.POST or None, members=members,
        initial=forms.contributions_initial(fiscal_year.contributions.all()))
    if request.method == "POST" and form.is_valid():
        try:
            edit = concurrency.save_form(
                request, form, fiscal_year,
                current=lambda fresh: forms.ContributionsForm(
                    members=members, initial=forms.contributions_initial(
                        fresh.contributions.all())),
                save=lambda fresh, values: services.contributions_save(
                    fiscal_year=fresh, rows=_merged(form, values).cleaned_rows(),
                    actor=request.user))
        except services.EconomyError as error:
            form.add_error(None, str(error))
        else:
            if edit.saved:
                messages.success(request, _("%(count)s contributions changed.")
                                 % {"count": edit.result})
                return redirect("economy:year", year=fiscal_year.year)
    return render(request, "economy/contributions_form.html", {
        "form": form, "fiscal_year": fiscal_year, "split_form": forms.SplitForm(),
    }, status=400 if form.errors else concurrency.status(form))


def _merged(form, values):
    """The form with another person's saved values kept where this user changed nothing."""
    form.cleaned_data.update(values)
    return form


@require_POST
@require(policy.can_manage_economy)
def contributions_split(request, year):
    fiscal_year = _fiscal_year(year)
    form = forms.SplitForm(request.POST)
    if form.is_valid():
        try:
            services.contributions_plan(fiscal_year=fiscal_year, actor=request.user,
                                        total=form.cleaned_data["total"])
        except services.EconomyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The planned contributions are split by the Finsam "
                                        "shares."))
            return redirect("economy:contributions", year=fiscal_year.year)
    # Shown again with the total as typed and the reason.
    members = services.paying_members(fiscal_year.association)
    return render(request, "economy/contributions_form.html", {
        "fiscal_year": fiscal_year, "split_form": form,
        "form": forms.ContributionsForm(
            members=members, initial=forms.contributions_initial(fiscal_year.contributions.all())),
    }, status=400)


@require_POST
@require(policy.can_manage_economy)
def cost_add(request, year):
    fiscal_year = _fiscal_year(year)
    form = forms.PlannedCostForm(request.POST)
    if form.is_valid():
        try:
            services.planned_cost_save(fiscal_year=fiscal_year, actor=request.user,
                                       **form.cleaned_data)
        except services.EconomyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The cost is saved."))
            return redirect("economy:year", year=fiscal_year.year)
    detail = selectors.year_detail(user=request.user, year=fiscal_year.year)
    return render(request, "economy/year.html", {
        "detail": detail, "f": detail.figures, "office": True, "cost_form": form,
    }, status=400)


@require_POST
@require(policy.can_manage_economy)
def cost_delete(request, year, pk):
    cost = get_object_or_404(PlannedCost, pk=pk, fiscal_year=_fiscal_year(year))
    services.planned_cost_delete(cost=cost, actor=request.user)
    messages.success(request, _("The cost is removed."))
    return redirect("economy:year", year=cost.fiscal_year.year)


@require_http_methods(EDIT)
@require(policy.can_manage_economy)
def settings_edit(request):
    association = association_current()
    form = forms.EconomySettingsForm(
        request.POST or None,
        initial={"equity_ceiling_percent": selectors.ceiling_percent(association)})
    if request.method == "POST" and form.is_valid():
        edit = concurrency.save_form(
            request, form, association,
            current=lambda fresh: forms.EconomySettingsForm(
                initial={"equity_ceiling_percent": selectors.ceiling_percent(fresh)}),
            save=lambda fresh, values: services.economy_settings_save(
                association=fresh, actor=request.user, **values))
        if edit.saved:
            messages.success(request, _("The equity ceiling is saved."))
            return redirect("economy:overview")
    return render(request, "economy/settings_form.html", {"form": form},
                  status=400 if form.errors else concurrency.status(form))


@require_safe
@require(policy.can_view_economy)
def export(request, year):
    detail = selectors.year_detail(user=request.user, year=_year(year))
    exporter = BudgetOutcomeExport(detail)
    response = HttpResponse(
        exporter.to_xlsx(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="{exporter.filename}.xlsx"'
    return response
