from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.core import charts, concurrency
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.core.money import group_thousands
from insatsportal.organisations.selectors import association_current
from insatsportal.reports.selectors import report_intervention_get_for_user, report_interventions
from insatsportal.socioeconomics import selectors, services
from insatsportal.socioeconomics.forms import CostParameterForm, EstimateSettingsForm
from insatsportal.socioeconomics.models import CostParameter, Payer

HORIZONS = (6, 12, 24, 36, 60)


def _horizon(request):
    """The horizon the reader picked on the page, if it is one of the offered ones."""
    try:
        chosen = int(request.GET.get("horisont", ""))
    except ValueError:
        return None
    return chosen if chosen in HORIZONS else None


def _party_charts(estimate):
    labels = dict(Payer.choices)
    names = [str(labels[p.payer]) for p in estimate.parties]
    return [
        charts.bar_chart(_("Public cost per month before and after, all participants (kr)"),
                         names, [(_("Before"), [p.before_per_month for p in estimate.parties]),
                                 (_("After"), [p.after_per_month for p in estimate.parties])],
                         value_text=group_thousands),
        charts.bar_chart(_("Estimated change in public costs over the horizon (kr)"), names,
                         [(_("Low"), [p.low for p in estimate.parties]),
                          (_("Estimate"), [p.projected for p in estimate.parties]),
                          (_("High"), [p.high for p in estimate.parties])],
                         value_text=group_thousands),
    ]


def _period(index, row) -> dict:
    labels = dict(Payer.choices)
    return {
        "row": row,
        "parties": [(labels[party.payer], party) for party in row.estimate.parties],
        "charts": [] if row.estimate.suppressed else [
            (f"estimate{index}-{n}", chart)
            for n, chart in enumerate(_party_charts(row.estimate))],
    }


@require_safe
@require(policy.can_view_reports)
def estimate_overview(request):
    """Every intervention's periods side by side."""
    association = association_current()
    rows = selectors.period_estimates(
        interventions=report_interventions(user=request.user), association=association,
        horizon_months=_horizon(request))
    shown = [row for row in rows if not row.estimate.suppressed]
    chart = charts.bar_chart(
        _("Estimated change in public costs and the cost of the period (kr)"),
        [f"{row.intervention.name} {row.grant.period_start.year}" for row in shown],
        [(_("Estimate"), [row.estimate.projected for row in shown]),
         (_("Cost"), [row.estimate.cost for row in shown])], value_text=group_thousands)
    return render(request, "socioeconomics/overview.html", {
        "rows": rows, "chart": chart, "horizons": HORIZONS,
        "settings": selectors.estimate_settings_get(association=association),
        "horizon": _horizon(request),
    })


@require_safe
@require(policy.can_view_reports)
def intervention_estimate(request, pk):
    intervention = report_intervention_get_for_user(user=request.user, pk=pk)
    association = association_current()
    rows = selectors.period_estimates(interventions=[intervention], association=association,
                                      horizon_months=_horizon(request))
    return render(request, "socioeconomics/intervention.html", {
        "intervention": intervention, "horizons": HORIZONS, "horizon": _horizon(request),
        "settings": selectors.estimate_settings_get(association=association),
        "periods": [_period(i, row) for i, row in enumerate(rows)],
    })


@require_safe
@require(policy.can_view_reports)
def parameter_list(request):
    association = association_current()
    settings_row = selectors.estimate_settings_get(association=association)
    return render(request, "socioeconomics/parameters.html", {
        "parameters": selectors.cost_parameter_list(),
        "settings_form": EstimateSettingsForm(instance=settings_row),
        "may_edit": policy.can_manage_cost_parameters(request.user),
    })


@require_http_methods(["GET", "POST"])
@require(policy.can_manage_cost_parameters)
@once_per_form
def parameter_create(request):
    form = CostParameterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.cost_parameter_save(actor=request.user, parameter=form.save(commit=False))
        messages.success(request, _("The cost parameter was saved."))
        return redirect("socioeconomics:parameters")
    return render(request, "socioeconomics/parameter_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
@require(policy.can_manage_cost_parameters)
def parameter_edit(request, pk):
    parameter = get_object_or_404(CostParameter, pk=pk)
    form = CostParameterForm(request.POST or None, instance=parameter)
    if request.method == "POST" and form.is_valid():
        edit = concurrency.save_form(
            request, form, parameter, current=lambda fresh: CostParameterForm(instance=fresh),
            save=lambda fresh, values: services.cost_parameter_save(
                actor=request.user, parameter=_with_values(fresh, values)))
        if edit.saved:
            messages.success(request, _("The cost parameter was saved."))
            return redirect("socioeconomics:parameters")
        parameter.refresh_from_db()
    return render(request, "socioeconomics/parameter_form.html",
                  {"form": form, "parameter": parameter}, status=concurrency.status(form))


def _with_values(instance, values: dict):
    """The saved row with the form's (merged) values set, as form.save(commit=False) gives."""
    for name, value in values.items():
        setattr(instance, name, value)
    return instance


@require_POST
@require(policy.can_manage_cost_parameters)
def parameter_delete(request, pk):
    parameter = get_object_or_404(CostParameter, pk=pk)
    services.cost_parameter_delete(actor=request.user, parameter=parameter)
    messages.success(request, _("The cost parameter was removed."))
    return redirect("socioeconomics:parameters")


@require_POST
@require(policy.can_manage_cost_parameters)
def parameter_defaults(request):
    added = services.cost_parameters_load_defaults(actor=request.user)
    messages.success(request, _("%(n)s default parameters were added.") % {"n": added})
    return redirect("socioeconomics:parameters")


@require_POST
@require(policy.can_manage_cost_parameters)
def settings_edit(request):
    association = association_current()
    saved = selectors.estimate_settings_get(association=association)
    form = EstimateSettingsForm(request.POST, instance=saved)
    if form.is_valid():
        # The association's row is locked: the settings row may not exist yet.
        edit = concurrency.save_form(
            request, form, association, audited=saved if saved.pk else None,
            current=lambda fresh: EstimateSettingsForm(
                instance=selectors.estimate_settings_get(association=fresh)),
            save=lambda fresh, values: services.estimate_settings_save(
                actor=request.user, settings_row=_with_values(
                    selectors.estimate_settings_get(association=fresh), values)))
        if edit.saved:
            messages.success(request, _("The estimate settings were saved."))
            return redirect("socioeconomics:parameters")
    return render(request, "socioeconomics/parameters.html", {
        "parameters": selectors.cost_parameter_list(), "settings_form": form, "may_edit": True,
    }, status=400 if form.errors else concurrency.status(form))
