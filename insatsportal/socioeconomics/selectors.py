"""Reads for the socio-economic estimate: a constant number of queries for any number of
interventions and participants, no identities read."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import connection
from django.db.models import (
    Count,
    DecimalField,
    F,
    OuterRef,
    Subquery,
    Sum,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL

from insatsportal.cases.models import Grant
from insatsportal.core.calendar import quarter_bounds
from insatsportal.participants.models import KnownState, ParticipantFacts
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
STATE = KnownState.Phase


def _grant_rows(intervention_ids, day: str = "discharged_on"):
    """KnownState rows of these interventions, each with the grant whose period holds `day`
    (one join, one condition)."""
    return KnownState.objects.filter(
        intervention_id__in=intervention_ids, **{f"{GRANT}__period_start__lte": F(day),
                                                 f"{GRANT}__period_end__gte": F(day)})


def _discharged(intervention_ids) -> dict:
    """{grant id: people discharged in its period}, wrong registrations left out (they have
    no ParticipantFacts row): counted per grant among the kept facts."""
    people = (ParticipantFacts.objects.filter(
        intervention_id=OuterRef("intervention_id"), discharged_on__gte=OuterRef("period_start"),
        discharged_on__lte=OuterRef("period_end")).order_by().values("intervention_id")
        .annotate(n=Count("*")).values("n"))
    return {pk: n for pk, n in Grant.objects.filter(intervention_id__in=intervention_ids)
            .annotate(n=Subquery(people)).values_list("pk", "n").order_by() if n}


def _state_counts(intervention_ids) -> tuple[dict, dict, dict]:
    """({grant id: {year: people known}}, {grant id: {(phase, code list, code, year): people}}
    before and after, {grant id: {(code list, code, year)}} seen at follow-up): one grouped
    query over the kept codes (a code once in a list, so each row is one person). The
    occupation before is required (NOT NULL on the enrolment): each known person has exactly
    one occupation code before, so those counted per year are the people known per year."""
    known, states, seen = defaultdict(dict), defaultdict(dict), defaultdict(set)
    for row in (_grant_rows(intervention_ids)
                .values("phase", "code_list", "code", grant_id=F(GRANT),
                        year=F("discharge_year"))
                .annotate(n=Count("pk")).order_by()):
        pk, year = row["grant_id"], row["year"]
        if row["phase"] == STATE.FOLLOW_UP:
            seen[pk].add((row["code_list"], row["code"], year))
            continue
        states[pk][(row["phase"], row["code_list"], row["code"], year)] = row["n"]
        if (row["phase"], row["code_list"]) == (STATE.BEFORE, "occupation"):
            known[pk][year] = known[pk].get(year, 0) + row["n"]
    return known, states, seen


def _change(prices: rules.Prices, years) -> RawSQL:
    """A kept code's part of the change of a person's public cost per month from discharge to
    the follow-up (rules.state_total at the prices of the year of discharge: + at the
    follow-up, - at discharge), as one CASE over the codes with a price (parameters, not
    formatted in). Raw SQL: built as Q objects the dozens of conditions cost more to compile
    than the query takes to run."""
    table = connection.ops.quote_name(KnownState._meta.db_table)
    columns = [f"{table}.{connection.ops.quote_name(name)}"
               for name in ("phase", "code_list", "code", "discharge_year")]
    condition = " AND ".join(f"{column} = %s" for column in columns)
    whens, params = [], []
    for code_list, code in sorted({(p.code_list, p.code) for p in prices.parameters}):
        for year in sorted(years):
            total = rules.state_total(
                rules.State(frozenset([code]) if code_list == "income" else frozenset(),
                            code if code_list == "occupation" else None), year, prices)
            if total:
                for phase, sign in ((STATE.FOLLOW_UP, 1), (STATE.AFTER, -1)):
                    whens.append(f"WHEN {condition} THEN %s")
                    # Whole kronor: CostParameter.monthly_cost has no decimals.
                    params += [phase.value, code_list, code, year, int(sign * total)]
    sql = f"CASE {' '.join(whens)} ELSE 0 END" if whens else "0"
    # Only the table's own names are formatted in; the codes and amounts stay parameters.
    return RawSQL(sql, params, output_field=DecimalField(max_digits=14,  # noqa: S611 # nosec B611
                                                         decimal_places=0))


def _follow_ups(intervention_ids, prices: rules.Prices, years) -> dict:
    """{grant id: (followed, persisted)}: of the known, those followed up with contact and a
    known support (kept follow-up codes), and how many cost no more then than at discharge
    (rules.state_total, summed per person in SQL over the kept codes, at the prices of the
    year of discharge)."""
    change = _change(prices, years)
    followed = KnownState.objects.filter(intervention_id__in=intervention_ids,
                                         phase=STATE.FOLLOW_UP)
    person = (KnownState.objects.filter(participant_id__in=followed.values("participant_id"),
                                        phase__in=[STATE.AFTER, STATE.FOLLOW_UP])
              .values("participant_id", "intervention_id", "discharged_on")
              .annotate(change=Sum(change)).order_by())
    sql, params = person.query.sql_with_params()
    grant = connection.ops.quote_name(Grant._meta.db_table)
    # One row per person followed up (a derived table the ORM does not write), counted per
    # grant; only the table's own names are formatted in, the values stay parameters.
    counted = (
        "SELECT g.id, COUNT(*), SUM(CASE WHEN person.change <= 0 THEN 1 ELSE 0 END) "  # noqa: S608 # nosec B608
        f"FROM ({sql}) person JOIN {grant} g ON g.intervention_id = person.intervention_id "
        "AND g.period_start <= person.discharged_on AND g.period_end >= person.discharged_on "
        "GROUP BY g.id")
    with connection.cursor() as cursor:
        cursor.execute(counted, params)  # nosec B608
        return {pk: (n, kept) for pk, n, kept in cursor.fetchall()}


def _tallies(intervention_ids, prices: rules.Prices) -> dict[int, rules.Tally]:
    """{grant id: the tally of the people discharged in its period}, in grouped queries over
    the kept rows (ParticipantFacts, KnownState): a constant number whatever the number of
    people."""
    discharged = _discharged(intervention_ids)
    known_by_year, states, seen = _state_counts(intervention_ids)
    years = {year for by_year in known_by_year.values() for year in by_year}
    follow_ups = _follow_ups(intervention_ids, prices, years) if seen else {}
    return {pk: rules.Tally(
        discharged=n, known_by_year=known_by_year.get(pk, {}), states=states.get(pk, {}),
        followed=follow_ups.get(pk, (0, 0))[0], persisted=follow_ups.get(pk, (0, 0))[1],
        follow_up_codes=frozenset(seen.get(pk, ())))
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
