"""Reads for the socio-economic estimate: a constant number of queries for any number of
interventions and participants, no identities read."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db.models import prefetch_related_objects

from insatsportal.core.calendar import quarter_bounds
from insatsportal.participants.models import Discharge, Enrolment, FollowUp
from insatsportal.reports.models import Requisition
from insatsportal.socioeconomics import estimate as rules
from insatsportal.socioeconomics.models import CostParameter, EstimateSettings


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


def _codes_by(through, owner_field: str, owner_ids) -> dict:
    """{owner id: frozenset of code slugs} from a many-to-many table to participants.Code."""
    found = defaultdict(set)
    rows = through.objects.filter(**{f"{owner_field}__in": owner_ids}).values_list(
        owner_field, "code__code")
    for owner_id, code in rows:
        found[owner_id].add(code)
    return {owner_id: frozenset(codes) for owner_id, codes in found.items()}


def _people(intervention_ids) -> dict[int, list[tuple]]:
    """{intervention id: [(discharged_on, Person)]} for every discharge that is not a wrong
    registration. Anonymous participants count through the states that are recorded."""
    discharges = list(
        Discharge.objects.filter(participant__intervention_id__in=intervention_ids)
        .exclude(end_type=Discharge.EndType.WRONG_REGISTRATION)
        .values_list("pk", "participant_id", "participant__intervention_id", "discharged_on",
                     "occupation_after__code"))
    participant_ids = [row[1] for row in discharges]
    enrolments = {row[0]: row for row in Enrolment.objects.filter(
        participant_id__in=participant_ids).values_list("participant_id", "pk",
                                                         "occupation_before__code")}
    follow_ups = {row[0]: row for row in FollowUp.objects.filter(
        participant_id__in=participant_ids, contact_made=True).values_list(
            "participant_id", "pk", "occupation__code")}
    income_after = _codes_by(Discharge.income_after.through, "discharge_id",
                             [row[0] for row in discharges])
    income_before = _codes_by(Enrolment.income_before.through, "enrolment_id",
                              [row[1] for row in enrolments.values()])
    income_then = _codes_by(FollowUp.income.through, "followup_id",
                            [row[1] for row in follow_ups.values()])
    people = defaultdict(list)
    for discharge_id, participant_id, intervention_id, day, occupation in discharges:
        enrolment = enrolments.get(participant_id)
        follow_up = follow_ups.get(participant_id)
        people[intervention_id].append((day, rules.Person(
            discharge_year=day.year,
            before=enrolment and rules.State(income_before.get(enrolment[1], frozenset()),
                                             enrolment[2]),
            after=rules.State(income_after.get(discharge_id, frozenset()), occupation),
            follow_up=follow_up and rules.State(income_then.get(follow_up[1], frozenset()),
                                                follow_up[2]),
        )))
    return people


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
    people = _people(ids)
    requisitions = _approved_requisitions(ids)
    prefetch_related_objects(interventions, "grants")
    results = []
    for intervention in interventions:
        for grant in sorted(intervention.grants.all(), key=lambda g: (g.period_start, g.pk)):
            def within(day, grant=grant):
                return grant.period_start <= day <= grant.period_end
            results.append(PeriodEstimate(intervention=intervention, grant=grant, estimate=(
                rules.estimate(
                    people=[p for day, p in people[intervention.pk] if within(day)],
                    parameters=parameters,
                    cost=sum((t for day, t in requisitions[intervention.pk] if within(day)),
                             Decimal(0)),
                    assumptions=assumptions))))
    return results
