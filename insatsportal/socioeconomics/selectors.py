"""Reads for the socio-economic estimate: a constant number of queries for any number of
interventions and participants, no identities read."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import Count, F, prefetch_related_objects
from django.db.models.functions import ExtractYear

from insatsportal.core.calendar import quarter_bounds
from insatsportal.participants import facts
from insatsportal.participants.models import ParticipantFacts
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


GRANT = "intervention__grants"


def _tallies(intervention_ids, prices: rules.Prices) -> dict[int, rules.Tally]:
    """{grant id: the tally of the people discharged in its period} (wrong registrations have
    no facts row): one query grouping the kept facts by grant, year of discharge and known
    states, so a few thousand rows whatever the number of people."""
    read = {}  # known states (facts.known_states_key, "": not known) -> {phase: State}
    alike = {}  # one State object for equal states: the counts are kept per state
    counts = defaultdict(rules.Counts)
    for grant_id, year, known, n in (ParticipantFacts.objects.filter(
            intervention_id__in=intervention_ids,
            **{f"{GRANT}__period_start__lte": F("discharged_on"),
               f"{GRANT}__period_end__gte": F("discharged_on")})
            .values_list(F(GRANT), ExtractYear("discharged_on"), "known_states")
            .annotate(n=Count("*")).order_by()):  # "*": read from the index alone
        if known not in read:
            read[known] = {phase: alike.setdefault(state, rules.State(*state))
                           for phase, state in facts.known_states_read(known).items()}
        states = read[known]
        counts[grant_id].add(rules.Person(year, states.get(facts.BEFORE),
                                          states.get(facts.AFTER), states.get(facts.FOLLOW_UP)),
                             n)
    return {pk: grant.tally(prices) for pk, grant in counts.items()}


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
