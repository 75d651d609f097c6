"""National reporting (Uppföljning Finsam): per year and intervention, as .xlsx and .csv."""

import datetime
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from insatsportal.cases.budget_of_record import budgets_of_record
from insatsportal.cases.models import Grant
from insatsportal.core.audit import log_action
from insatsportal.core.changes import unchanged
from insatsportal.core.exporter import Exporter
from insatsportal.interventions.models import Intervention, StructuralReach
from insatsportal.participants import facts
from insatsportal.participants.aggregates import HIDDEN, suppress_row
from insatsportal.participants.models import Sex
from insatsportal.reports.models import AdministrativeCost, Requisition
from insatsportal.reports.national import people as breakdowns

SEXES = [value for value, _label in Sex.choices]
ZERO = Decimal(0)


def suppressed_marker() -> str:
    """A group too small to show: '<5', neither zero nor missing."""
    return f"<{settings.AGGREGATE_MIN_GROUP}"


BASIS = {"revised": _lazy("approved revised budget"), "applied": _lazy("the application's budget"),
         "pro_rata": _lazy("pro rata by days (no year table)")}


def _marked(counts: list[int]) -> list:
    """Counts by sex with small groups replaced by the explicit SUPPRESSED marker."""
    row = suppress_row("", counts)
    return [suppressed_marker() if cell is HIDDEN else cell for cell in row.cells]


def _groups(ids, year: int) -> dict:
    """The participants new and ended in the year, for the breakdowns (participants/facts.py)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    return {"new": facts.participants(facts.started_between(first, last),
                                      intervention_id__in=ids),
            "ended": facts.participants(facts.discharged_between(first, last),
                                        intervention_id__in=ids)}


def _people(ids, year: int) -> dict:
    """New, ongoing at the year's end and ended in the year, by intervention and sex (one
    grouped query; the facts of participants/facts.py)."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    groups = {"new": facts.started_between(first, last), "ongoing": facts.active_on(last),
              "ended": facts.discharged_between(first, last)}
    counts = {key: defaultdict(lambda: dict.fromkeys(SEXES, 0)) for key in groups}
    rows = (facts.counted(intervention_id__in=ids).order_by()
            .values("intervention_id", "sex")
            .annotate(**{key: Count("pk", filter=q) for key, q in groups.items()}))
    for row in rows:
        for key in groups:
            counts[key][row["intervention_id"]][row["sex"]] = row[key]
    return counts


def national_rows(year: int) -> list[dict]:
    """One row per intervention active during the year, from the budget of record of the
    periods covering the year and the participant data. A fact the system does not hold is
    None and named in `missing`: never 0."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    interventions = list(
        Intervention.objects.filter(Q(start_date__lte=last) | Q(start_date__isnull=True))
        .filter(Q(end_date__gte=first) | Q(end_date__isnull=True))
        .select_related("owner").order_by("name"))
    ids = [i.pk for i in interventions]
    periods = defaultdict(list)
    for record in budgets_of_record(Grant.objects.filter(
            intervention_id__in=ids, period_start__lte=last, period_end__gte=first)):
        periods[record.grant.intervention_id].append(record)
    outcome = dict(Requisition.objects.filter(
        intervention_id__in=ids, year=year, status=Requisition.Status.APPROVED,
    ).values("intervention_id").annotate(total=Sum("total")).values_list("intervention_id",
                                                                         "total"))
    reach = dict(StructuralReach.objects.filter(intervention_id__in=ids, year=year)
                 .values_list("intervention_id", "people"))
    groups = _groups(ids, year)
    people = _people(ids, year)
    marker = suppressed_marker()
    ages = breakdowns.ages(groups["new"], year, marker)
    ended = breakdowns.ended_facts(
        groups["ended"], {pk: sum(people["ended"][pk].values()) for pk in ids}, marker)
    rows = []
    for intervention in interventions:
        records = periods[intervention.pk]
        budget = (sum((r.by_year.get(year, ZERO) for r in records), ZERO) if records else None)
        applications = [r.grant.decision.case.application for r in records
                        if r.grant.decision.case.application_id]
        planned = [a.participants_per_year for a in applications if a.participants_per_year]
        structural = intervention.orientation == Intervention.Orientation.STRUCTURAL
        row = {
            "intervention": intervention,
            "specified_orientation": intervention.specified_orientation or None,
            "target_group": "; ".join(a.target_group for a in applications if a.target_group)
            or None,
            "follow_up_method": intervention.follow_up_method or None,
            "esf": intervention.esf_financed,
            "budget": budget,
            "basis": ", ".join(sorted({str(BASIS[r.source]) for r in records})) or None,
            "pro_rata": any(r.is_pro_rata for r in records),
            "pro_rata_grants": [r.grant.pk for r in records if r.is_pro_rata],
            "applications": [a.pk for a in applications],
            "outcome": outcome.get(intervention.pk),
            "planned": sum(planned) if planned else None,
            "reach": reach.get(intervention.pk) if structural else None,
            **{key: _marked([people[key][intervention.pk][s] for s in SEXES])
               for key in ("new", "ongoing", "ended")},
        }
        row["ages"] = ages[intervention.pk]
        row["ended_facts"] = ended[intervention.pk]
        row["participants"] = row["ongoing"]
        ongoing = [people["ongoing"][intervention.pk][s] for s in SEXES]
        ongoing_total = suppress_row("", ongoing).total
        row["participants_total"] = None if ongoing_total is HIDDEN else ongoing_total
        found = _missing(row, structural)
        row["missing"] = [label for _key, label in found]
        row["missing_keys"] = [key for key, _label in found]
        rows.append(row)
    return rows


def _missing(row, structural: bool) -> list[tuple[str, str]]:
    checks = [
        ("specified_orientation", _("specified orientation")),
        ("target_group", _("target group")),
        ("follow_up_method", _("follow-up method")),
        ("esf", _("ESF financing")),
        ("budget", _("budget for the year (no grant covers the year)")),
        ("outcome", _("outcome for the year (no approved requisition)")),
        ("planned", _("planned participants")),
    ]
    if structural:
        checks.append(("reach", _("people reached")))
    checks += [(fact.key, str(fact.missing)) for fact in breakdowns.FACTS]
    facts = {**row, **row["ended_facts"]}
    missing = [(key, label) for key, label in checks if facts[key] is None]
    if row["pro_rata"]:
        missing.append(("pro_rata", _("year budget pro rata: no approved year table")))
    return missing


def _yes_no(value):
    return None if value is None else (_("Yes") if value else _("No"))


class NationalExport(Exporter):
    sheet_title = "Uppföljning Finsam"

    def __init__(self, year: int):
        self.year = year
        self.filename = f"uppfoljning-finsam-{year}"

    def headers(self):
        sexes = [str(label) for _v, label in Sex.choices]
        return [_("Year"), _("Intervention"), _("Lead owner"), _("Orientation"),
                _("Specified orientation"), _("Target group"), _("Follow-up method"),
                _("ESF financing"), _("Start date"), _("End date"),
                _("Budget for the year (kr)"), _("Budget basis"),
                _("Outcome for the year (kr)"), _("Planned participants"),
                *[f"{_('New')}: {s}" for s in sexes],
                *[f"{_('Ongoing at the end of the year')}: {s}" for s in sexes],
                *[f"{_('Ended in the year')}: {s}" for s in sexes],
                *breakdowns.age_headers(), *breakdowns.headers(),
                _("People reached (structural)"), _("Missing")]

    @staticmethod
    def _ended_cells(row, widths):
        """The ended participants' counts per code; a missing fact is a run of blanks."""
        for fact in breakdowns.FACTS:
            cells = row["ended_facts"][fact.key]
            yield from ([None] * widths[fact.key] if cells is None else cells)

    def rows(self):
        widths = {key: len(cols) for key, cols in breakdowns.columns().items()}
        for row in national_rows(self.year):
            intervention = row["intervention"]
            yield [self.year, intervention.name, intervention.owner.name,
                   str(intervention.get_orientation_display()), row["specified_orientation"],
                   row["target_group"], row["follow_up_method"], _yes_no(row["esf"]),
                   intervention.start_date.isoformat() if intervention.start_date else None,
                   intervention.end_date.isoformat() if intervention.end_date else None,
                   row["budget"], row["basis"], row["outcome"], row["planned"],
                   *row["new"], *row["ongoing"], *row["ended"], *row["ages"],
                   *self._ended_cells(row, widths), row["reach"],
                   "; ".join(str(m) for m in row["missing"]) or None]
        cost = AdministrativeCost.objects.filter(year=self.year).first()
        width = len(self.headers())
        yield [self.year, _("The förbund's administrative costs"), *[None] * 10,
               cost.amount if cost else None, *[None] * (width - 13)]


@transaction.atomic
def administrative_cost_save(*, year: int, amount: Decimal, note: str, actor):
    existing = AdministrativeCost.objects.filter(year=year).first()
    if unchanged(existing, {"amount": amount, "note": note}):
        return existing
    cost, _created = AdministrativeCost.objects.update_or_create(
        year=year, defaults={"amount": amount, "note": note, "recorded_by": actor})
    log_action(actor=actor, obj=cost, action="administrative_cost.saved",
               data={"year": year, "amount": str(amount)})
    return cost
