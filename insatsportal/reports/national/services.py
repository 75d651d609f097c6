"""National reporting (Uppföljning Finsam): per year and intervention, as .xlsx and .csv."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _

from insatsportal.applications.models import Application, BudgetYear
from insatsportal.core.audit import log_action
from insatsportal.core.exporter import Exporter
from insatsportal.interventions.models import Intervention
from insatsportal.participants.aggregates import suppress_row
from insatsportal.participants.models import Discharge, Participant, Sex
from insatsportal.reports.models import AdministrativeCost, Requisition

SEXES = [value for value, _label in Sex.choices]
ZERO = Decimal(0)


def national_rows(year: int) -> list[dict]:
    """One row per intervention active during the year (six queries)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    interventions = list(
        Intervention.objects.filter(Q(start_date__lte=last) | Q(start_date__isnull=True))
        .filter(Q(end_date__gte=first) | Q(end_date__isnull=True))
        .select_related("owner").order_by("name"))
    ids = [i.pk for i in interventions]
    budget = defaultdict(lambda: ZERO)
    for row in (BudgetYear.objects.filter(budget__application__intervention_id__in=ids,
                                          budget__application__status="decided", year=year)
                .values("budget__application__intervention_id")
                .annotate(s=Sum("salary"), p=Sum("premises"), o=Sum("other"))):
        budget[row["budget__application__intervention_id"]] = row["s"] + row["p"] + row["o"]
    planned = defaultdict(int)
    for row in (Application.objects.filter(intervention_id__in=ids, status="decided",
                                           planned_start__lte=last, planned_end__gte=first)
                .values("intervention_id").annotate(n=Sum("participants_per_year"))):
        planned[row["intervention_id"]] = row["n"] or 0
    outcome = defaultdict(lambda: ZERO)
    for row in (Requisition.objects.filter(intervention_id__in=ids, year=year,
                                           status=Requisition.Status.APPROVED)
                .values("intervention_id").annotate(total=Sum("total"))):
        outcome[row["intervention_id"]] = row["total"]
    by_sex = defaultdict(lambda: dict.fromkeys(SEXES, 0))
    active = (Participant.objects.filter(intervention_id__in=ids)
              .exclude(discharge__end_type=Discharge.EndType.WRONG_REGISTRATION)
              .filter(Q(enrolment__enrolled_on__lte=last)
                      | Q(enrolment__isnull=True, start_year__lte=year))
              .filter(Q(discharge__isnull=True) | Q(discharge__discharged_on__gte=first)))
    for row in active.values("intervention_id", "sex").annotate(n=Count("pk")):
        by_sex[row["intervention_id"]][row["sex"]] = row["n"]
    rows = []
    for intervention in interventions:
        counts = suppress_row(intervention.name, [by_sex[intervention.pk][s] for s in SEXES])
        rows.append({
            "intervention": intervention, "budget": budget[intervention.pk],
            "outcome": outcome[intervention.pk], "planned": planned[intervention.pk],
            "participants": counts.cells, "total": counts.total,
        })
    return rows


class NationalExport(Exporter):
    sheet_title = "Uppföljning Finsam"

    def __init__(self, year: int):
        self.year = year
        self.filename = f"uppfoljning-finsam-{year}"

    def headers(self):
        return [_("Year"), _("Intervention"), _("Lead owner"), _("Orientation"),
                _("Budget for the year (kr)"), _("Outcome for the year (kr)"),
                _("Planned participants"), *[str(label) for _v, label in Sex.choices],
                _("Participants in total")]

    def rows(self):
        for row in national_rows(self.year):
            intervention = row["intervention"]
            yield [self.year, intervention.name, intervention.owner.name,
                   str(intervention.get_orientation_display()), row["budget"], row["outcome"],
                   row["planned"], *row["participants"], row["total"]]
        cost = AdministrativeCost.objects.filter(year=self.year).first()
        yield [self.year, _("The förbund's administrative costs"), "", "", None,
               cost.amount if cost else None, None, None, None, None, None]


@transaction.atomic
def administrative_cost_save(*, year: int, amount: Decimal, note: str, actor):
    cost, _created = AdministrativeCost.objects.update_or_create(
        year=year, defaults={"amount": amount, "note": note, "recorded_by": actor})
    log_action(actor=actor, obj=cost, action="administrative_cost.saved",
               data={"year": year, "amount": str(amount)})
    return cost
