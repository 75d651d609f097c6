"""Aggregates for the office, the board and report readers: no one is identifiable."""

from collections import defaultdict

from django.db.models import Count
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.core.decorators import require
from insatsportal.interventions.models import Intervention
from insatsportal.participants.aggregates import suppress_row
from insatsportal.participants.models import Discharge, Participant, Sex
from insatsportal.participants.progress import intervention_change

# Functions (counts: dict, interventions) -> list of (label, {intervention_id: {sex: n}})
ROW_SOURCES: list = []


def _by_intervention_and_sex(queryset) -> dict:
    counts = defaultdict(dict)
    for row in queryset.values("intervention_id", "sex").annotate(n=Count("pk")):
        counts[row["intervention_id"]][row["sex"]] = row["n"]
    return counts


def statistics_rows() -> list[tuple[str, dict]]:
    rows = [
        (_("Registered"), _by_intervention_and_sex(Participant.objects.all())),
        (_("Registered anonymously"),
         _by_intervention_and_sex(Participant.objects.filter(is_anonymous=True))),
    ]
    discharged = Participant.objects.filter(discharge__isnull=False)
    rows.append((_("Active"), _by_intervention_and_sex(
        Participant.objects.filter(discharge__isnull=True))))
    for end_type in Discharge.EndType:
        rows.append((_("Discharged: %(type)s") % {"type": end_type.label},
                     _by_intervention_and_sex(discharged.filter(discharge__end_type=end_type))))
    for source in ROW_SOURCES:
        rows.extend(source())
    return rows


@require_safe
@require(policy.can_view_participant_aggregates)
def participant_statistics(request):
    sexes = list(Sex)
    rows = statistics_rows()
    tables = []
    for intervention in Intervention.objects.order_by("name"):
        table = [
            suppress_row(label, [counts.get(intervention.pk, {}).get(s.value, 0) for s in sexes])
            for label, counts in rows
        ]
        tables.append((intervention, table, intervention_change(intervention.pk)))
    return render(request, "participants/statistics.html",
                  {"tables": tables, "sexes": sexes})
