from django.conf import settings
from django.shortcuts import render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core import charts
from insatsportal.core.calendar import quarter_bounds, quarter_label, quarters_between
from insatsportal.core.decorators import require
from insatsportal.core.money import group_thousands
from insatsportal.participants.aggregates import suppress_value
from insatsportal.participants.models import Sex
from insatsportal.participants.progress import intervention_change
from insatsportal.reports import selectors
from insatsportal.reports.common import today
from insatsportal.reports.dashboards import selectors as dashboard
from insatsportal.reports.goals import selectors as goal_data
from insatsportal.reports.goals.rules import SEXES, STATUS_LABELS
from insatsportal.reports.requisitions.money import money_summary
from insatsportal.reports.selectors import report_intervention_get_for_user


@require_safe
@require(policy.can_view_reports)
def report_index(request):
    """The förbund's dashboard: every intervention the user may see."""
    interventions = list(selectors.report_interventions(user=request.user))
    rows = dashboard.dashboard_rows(interventions, today=today())
    money_chart = charts.bar_chart(
        _("Granted and paid per intervention (kr)"),
        [row.intervention.name for row in rows],
        [(_("Granted"), [row.granted for row in rows]), (_("Paid"), [row.paid for row in rows])],
        value_text=group_thousands,
    )
    return render(request, "reports/index.html", {
        "rows": rows, "statuses": STATUS_LABELS, "money_chart": money_chart,
        "office": policy.can_approve_requisitions(request.user),
        "national": policy.can_view_national_reporting(request.user),
        "sections": [import_string(path)(interventions=interventions)
                     for path in settings.DASHBOARD_SECTIONS],
    })


MAX_QUARTERS = 12


def _hidden(n):
    return suppress_value(n, n) if n else 0


def _chart_quarters(intervention, day) -> list[tuple[int, int]]:
    """The intervention's own period (from its start, or its first participant, to its end
    or today), at most the latest MAX_QUARTERS of it."""
    first = intervention.start_date or dashboard.first_start(intervention) or day
    last = min(intervention.end_date or day, day) if first <= day else first
    return quarters_between(first, max(first, last))[-MAX_QUARTERS:]


@require_safe
@require(policy.can_view_reports)
def intervention_overview(request, pk):
    """One intervention's whole picture: goals, money and participants in aggregate."""

    intervention = report_intervention_get_for_user(user=request.user, pk=pk)
    day = today()
    quarters = _chart_quarters(intervention, day)
    people = dashboard.overview_counts(intervention, [quarter_bounds(*q) for q in quarters])
    over_time = charts.bar_chart(
        _("Participants per quarter"), [quarter_label(y, q) for y, q in quarters],
        [(_("New"), [_hidden(n) for n in people.new]),
         (_("Discharged"), [_hidden(n) for n in people.ended])])
    sex_labels = dict(Sex.choices)
    outcomes = charts.bar_chart(
        _("Outcomes at discharge by sex"), [str(sex_labels[s]) for s in SEXES],
        [(_("To work or studies"), [_hidden(people.to_work.get(s, 0)) for s in SEXES]),
         (_("Other outcome"), [_hidden(people.other_outcome.get(s, 0)) for s in SEXES])])
    summary = money_summary(intervention)
    used = [row for row in summary.rows if row.planned or row.paid or row.claimed]
    budget = charts.bar_chart(
        _("Budget and outcome per category (kr)"), [row.label for row in used],
        [(_("Budget (plan)"), [row.planned for row in used]),
         (_("Paid (approved)"), [row.paid for row in used])], value_text=group_thousands)
    progress = [
        (f"progress{n}", charts.bar_chart(
            _("Progress by indicator: average change from the first to the latest rating "
              "(%(instrument)s)") % {"instrument": instrument},
            [change.label for change in changes],
            [(_("Average change"), [change.change for change in changes])], signed=True))
        for n, (instrument, changes) in enumerate(intervention_change(intervention.pk), 1)
    ]
    return render(request, "reports/overview.html", {
        "intervention": intervention, "summary": summary, "today": day,
        "applications": goal_data.intervention_goals(intervention, today=day),
        "sexes": Sex.choices, "charts": [("time", over_time), ("sex", outcomes),
                                         ("budget", budget), *progress],
    })
