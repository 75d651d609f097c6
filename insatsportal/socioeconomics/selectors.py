"""Reads for the socio-economic estimate: a constant number of queries for any number of
interventions and participants, no identities read."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    DecimalField,
    Exists,
    F,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce, ExtractYear

from insatsportal.core.calendar import quarter_bounds
from insatsportal.participants.models import Discharge, FollowUp
from insatsportal.reports.models import Requisition
from insatsportal.socioeconomics import estimate as rules
from insatsportal.socioeconomics.models import CostParameter, EstimateSettings

EMPTY = rules.Tally(discharged=0, known_by_year={}, states={})


@dataclass(frozen=True)
class PeriodEstimate:
    intervention: object
    grant: object  # cases.Grant, read through intervention.grants
    estimate: rules.Estimate


def estimate_settings_get(*, association) -> EstimateSettings:
    """The förbund's settings, or the defaults (unsaved) before the office has chosen."""
    found = EstimateSettings.objects.filter(association=association).first()
    return found or EstimateSettings(association=association)


def assumptions_for(settings_row: EstimateSettings, *, horizon_months=None) -> rules.Assumptions:
    return rules.Assumptions(
        horizon_months=horizon_months or settings_row.horizon_months,
        uncertainty_percent=settings_row.uncertainty_percent,
        unknown_persistence_percent=settings_row.unknown_persistence_percent,
        min_group=settings.AGGREGATE_MIN_GROUP,
    )


def cost_parameter_list(*, year=None):
    parameters = CostParameter.objects.all()
    return parameters.filter(year=year) if year else parameters


def _parameters() -> list[rules.Parameter]:
    return [rules.Parameter(year=p.year, code_list=p.code_list, code=p.code, payer=p.payer,
                            monthly_cost=p.monthly_cost)
            for p in CostParameter.objects.all()]


GRANT = "participant__intervention__grants"
WRONG = Discharge.EndType.WRONG_REGISTRATION


def _in_grant(grant: str, day: str) -> dict:
    """Rows whose `day` falls in the granted period of `grant` (one join, one condition)."""
    return {f"{grant}__period_start__lte": F(day), f"{grant}__period_end__gte": F(day)}


def _known_support(through, owner: str, owner_ref: str) -> tuple[Exists, Exists]:
    """(some support recorded, "okänd" among it) for the owner row at `owner_ref`."""
    rows = through.objects.filter(**{owner: OuterRef(owner_ref)})
    return Exists(rows), Exists(rows.filter(code__code=rules.UNKNOWN_CODE))


def _known(intervention_ids):
    """Discharges (wrong registrations left out) whose support is known both before and
    after: recorded, and not "okänd" (participants/facts.py SUPPORT_KNOWN, kept in the
    person's ParticipantFacts row, which a wrong registration does not have). Their
    occupation may be unrecorded."""
    return Discharge.objects.filter(participant__intervention_id__in=intervention_ids,
                                    participant__facts__support_known=True)


def _grouped(queryset, *, grant: str, day: str, **values) -> list[dict]:
    """Rows per grant, year and `values`. Each joined row is one person once in its group
    (one enrolment, discharge and follow-up a person, a code once in a list, a grant once),
    so a plain COUNT counts people without sorting them for DISTINCT."""
    return list(queryset.filter(**_in_grant(grant, day))
                .values(grant_id=F(grant), year=ExtractYear(day), **values)
                .annotate(n=Count("pk")).order_by())


def _state_counts(known) -> dict:
    """{grant id: {(phase, code list, code, year): people}}, one grouped query per phase
    and code list."""
    found = defaultdict(dict)
    paths = {("before", "income"): "participant__enrolment__income_before__code",
             ("before", "occupation"): "participant__enrolment__occupation_before__code",
             ("after", "income"): "income_after__code",
             ("after", "occupation"): "occupation_after__code"}
    for (phase, code_list), path in paths.items():
        for row in _grouped(known.filter(**{f"{path}__isnull": False}), grant=GRANT,
                            day="discharged_on", code=F(path)):
            found[row["grant_id"]][(phase, code_list, row["code"], row["year"])] = row["n"]
    return found


def _price_of(code_list: str, code_path: str, year_path: str, totals: dict):
    """A code's public cost per month (all payers) in the year of discharge, as SQL."""
    whens = [When(Q(**{code_path: code, year_path: year}), then=Value(amount))
             for (listed, code, year), amount in totals.items() if listed == code_list]
    return Case(*whens, default=Value(Decimal(0)),
                output_field=DecimalField(max_digits=14, decimal_places=0))


def _follow_ups(known, prices: rules.Prices, years) -> dict:
    """{grant id: (followed, persisted, follow-up codes)}: of the known, those followed up
    with contact and a known support, and how many cost no more then than at discharge
    (rules.state_total, here per person in SQL)."""
    supported, unknown = _known_support(FollowUp.income.through, "followup_id", "pk")
    followed = (FollowUp.objects.filter(participant__discharge__in=known, contact_made=True)
                .filter(supported).exclude(unknown))
    day = "participant__discharge__discharged_on"
    year = f"{day}__year"
    codes = {(p.code_list, p.code) for p in prices.parameters}
    totals = {(code_list, code, y): rules.state_total(
        rules.State(frozenset([code]) if code_list == "income" else frozenset(),
                    code if code_list == "occupation" else None), y, prices)
        for code_list, code in codes for y in years}

    def income(through, owner, owner_ref, year_path):
        return Coalesce(Subquery(
            through.objects.filter(**{owner: OuterRef(owner_ref)}).values(owner)
            .annotate(total=Sum(_price_of("income", "code__code", year_path, totals)))
            .values("total")[:1]), Value(Decimal(0)),
            output_field=DecimalField(max_digits=14, decimal_places=0))

    then = (income(FollowUp.income.through, "followup_id", "pk",
                   "followup__participant__discharge__discharged_on__year")
            + _price_of("occupation", "occupation__code", year, totals))
    after = (income(Discharge.income_after.through, "discharge__participant_id",
                    "participant_id", "discharge__discharged_on__year")
             + _price_of("occupation", "participant__discharge__occupation_after__code", year,
                         totals))
    counts = {row["grant_id"]: (row["n"], row["kept"]) for row in (
        followed.annotate(change=then - after).filter(**_in_grant(GRANT, day))
        .values(grant_id=F(GRANT))
        .annotate(n=Count("pk", distinct=True),
                  kept=Count("pk", filter=Q(change__lte=0), distinct=True)).order_by())}
    seen = defaultdict(set)
    for code_list, path in (("income", "income__code"), ("occupation", "occupation__code")):
        for row in _grouped(followed.filter(**{f"{path}__isnull": False}), grant=GRANT,
                            day=day, code=F(path)):
            seen[row["grant_id"]].add((code_list, row["code"], row["year"]))
    return {pk: (n, kept, frozenset(seen[pk])) for pk, (n, kept) in counts.items()}


def _tallies(intervention_ids, prices: rules.Prices) -> dict[int, rules.Tally]:
    """{grant id: the tally of the people discharged in its period}, in grouped queries:
    a constant number whatever the number of people."""
    discharged = {row["grant_id"]: row["n"] for row in (
        Discharge.objects.filter(participant__intervention_id__in=intervention_ids)
        .exclude(end_type=WRONG).filter(**_in_grant(GRANT, "discharged_on"))
        .values(grant_id=F(GRANT)).annotate(n=Count("pk")).order_by())}
    known = _known(intervention_ids)
    known_by_year = defaultdict(dict)
    for row in _grouped(known, grant=GRANT, day="discharged_on"):
        known_by_year[row["grant_id"]][row["year"]] = row["n"]
    states = _state_counts(known)
    years = {year for by_year in known_by_year.values() for year in by_year}
    follow_ups = _follow_ups(known, prices, years) if years else {}
    return {pk: rules.Tally(
        discharged=n, known_by_year=known_by_year.get(pk, {}), states=states.get(pk, {}),
        followed=follow_ups.get(pk, (0, 0, frozenset()))[0],
        persisted=follow_ups.get(pk, (0, 0, frozenset()))[1],
        follow_up_codes=follow_ups.get(pk, (0, 0, frozenset()))[2])
        for pk, n in discharged.items()}


def _approved_requisitions(intervention_ids) -> dict[int, list[tuple]]:
    rows = (Requisition.objects.filter(intervention_id__in=intervention_ids,
                                       status=Requisition.Status.APPROVED)
            .values_list("intervention_id", "year", "quarter", "total"))
    found = defaultdict(list)
    for intervention_id, year, quarter, total in rows:
        found[intervention_id].append((quarter_bounds(year, quarter)[0], total))
    return found


def period_estimates(*, interventions, association, horizon_months=None) -> list[PeriodEstimate]:
    """One estimate per granted period of each intervention, in a constant number of queries.

    A period's people are those discharged within it; its cost the approved requisitions of
    the quarters that begin within it."""
    interventions = list(interventions)
    ids = [i.pk for i in interventions]
    assumptions = assumptions_for(estimate_settings_get(association=association),
                                  horizon_months=horizon_months)
    parameters = _parameters()
    tallies = _tallies(ids, rules.Prices(parameters))
    requisitions = _approved_requisitions(ids)
    prefetch_related_objects(interventions, "grants")
    results = []
    for intervention in interventions:
        for grant in sorted(intervention.grants.all(), key=lambda g: (g.period_start, g.pk)):
            def within(day, grant=grant):
                return grant.period_start <= day <= grant.period_end
            results.append(PeriodEstimate(intervention=intervention, grant=grant, estimate=(
                rules.estimate_tally(
                    tally=tallies.get(grant.pk, EMPTY), parameters=parameters,
                    cost=sum((t for day, t in requisitions[intervention.pk] if within(day)),
                             Decimal(0)),
                    assumptions=assumptions))))
    return results
