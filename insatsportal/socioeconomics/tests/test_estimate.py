"""The estimate's rules on hand-made people and costs, answers worked out by hand."""

from decimal import Decimal

import pytest

from insatsportal.socioeconomics.estimate import (
    Assumptions,
    Parameter,
    Person,
    State,
    estimate,
)

D = Decimal
ASSUME = Assumptions(horizon_months=12, uncertainty_percent=20, unknown_persistence_percent=50,
                     min_group=5)


def params(year=2024, extra=None):
    base = {("income", "forsorjningsstod", "kommun"): 10_000,
            ("income", "sjukpenning", "fk"): 18_000,
            ("income", "sjukpenning", "region"): 2_000,
            ("occupation", "arbete-subventionerat", "af"): 14_000}
    base.update(extra or {})
    return [Parameter(year=year, code_list=cl, code=c, payer=p, monthly_cost=D(v))
            for (cl, c, p), v in base.items()]


def state(*income, occupation=None):
    return State(frozenset(income), occupation)


def person(before, after, *, year=2024, follow_up=None):
    return Person(discharge_year=year, before=before, after=after, follow_up=follow_up)


FIVE = [
    person(state("forsorjningsstod"), state("ingen", occupation="arbete-osubventionerat")),
    person(state("forsorjningsstod"), state("ingen", occupation="arbete-subventionerat")),
    person(state("sjukpenning"), state("ingen")),
    person(state("forsorjningsstod"), state("forsorjningsstod")),
    person(state("sjukpenning"), state("forsorjningsstod")),
]


def by_payer(result):
    return {p.payer: p for p in result.parties}


def test_it_counts_the_change_per_party_and_damps_it_by_the_assumed_persistence():
    # Before: kommun 3 × 10 000, fk 2 × 18 000, region 2 × 2 000. After: kommun 2 × 10 000,
    # af 14 000 (subsidised work). Change per month: kommun +10 000, fk +36 000, region
    # +4 000, af −14 000 = +36 000. No follow-ups: persistence assumed 50 %, 12 months.
    result = estimate(people=FIVE, parameters=params(), cost=D(100_000), assumptions=ASSUME)
    parties = by_payer(result)
    assert {k: p.change_per_month for k, p in parties.items()} == {
        "kommun": D(10_000), "fk": D(36_000), "region": D(4_000), "af": D(-14_000)}
    assert parties["kommun"].before_per_month == D(30_000)
    assert parties["kommun"].after_per_month == D(20_000)
    assert {k: p.projected for k, p in parties.items()} == {
        "kommun": D(60_000), "fk": D(216_000), "region": D(24_000), "af": D(-84_000)}
    assert result.projected == D(216_000)
    assert result.net == D(116_000)
    # 100 000 / (36 000 × 0,5) = 5,56 months
    assert result.payback_months == D("5.6")
    assert not result.persistence_measured and result.persistence == D("0.5")


def test_the_range_moves_costs_by_the_uncertainty_and_persistence_over_its_interval():
    result = estimate(people=FIVE, parameters=params(), cost=D(0), assumptions=ASSUME)
    parties = by_payer(result)
    # Unknown persistence: 0 to 100 %. kommun: 0 to 10 000 × 1,2 × 12 = 144 000.
    assert (parties["kommun"].low, parties["kommun"].high) == (D(0), D(144_000))
    # A cost that rose (af) has its low end below zero: −14 000 × 1,2 × 12 = −201 600.
    assert (parties["af"].low, parties["af"].high) == (D(-201_600), D(0))


def test_follow_ups_measure_the_persistence_with_a_wilson_interval():
    # All five followed up; four still cost no more than at discharge, one went back to
    # försörjningsstöd after work (cost 0 -> 10 000).
    kept = state("ingen", occupation="arbete-osubventionerat")
    people = [person(p.before, p.after, follow_up=p.after) for p in FIVE[1:]]
    people.append(person(state("forsorjningsstod"), kept,
                         follow_up=state("forsorjningsstod")))
    result = estimate(people=people, parameters=params(), cost=D(0), assumptions=ASSUME)
    assert result.persistence_measured and result.followed_up == 5
    assert result.persistence == D("0.8")
    # Wilson, z = 1,645, p = 0,8, n = 5: (1,0706 ∓ 0,3998) / 1,5412 = 0,435 and 0,954.
    assert result.persistence_low == pytest.approx(D("0.435"), abs=D("0.001"))
    assert result.persistence_high == pytest.approx(D("0.954"), abs=D("0.001"))
    # Change per month: the first four of FIVE[1:] plus this one: kommun +10 000 (B) +0 (D)
    # −10 000 (E) +10 000 = +10 000; × 12 × 0,8 = 96 000.
    assert by_payer(result)["kommun"].projected == D(96_000)


def test_missing_follow_ups_leave_the_persistence_assumed():
    four_followed = [person(p.before, p.after, follow_up=p.after) for p in FIVE[:4]]
    people = [*four_followed, FIVE[4]]
    result = estimate(people=people, parameters=params(), cost=D(0), assumptions=ASSUME)
    assert result.followed_up == 4
    assert not result.persistence_measured and result.persistence == D("0.5")


def test_unknown_states_and_anonymous_records_without_an_enrolment_are_left_out():
    people = [*FIVE,
              person(None, state("ingen")),  # anonymous: no enrolment kept
              person(state("okand"), state("ingen")),
              person(state("forsorjningsstod"), state())]
    result = estimate(people=people, parameters=params(), cost=D(0), assumptions=ASSUME)
    assert (result.discharged, result.known) == (8, 5)
    assert result.projected == D(216_000)


def test_fewer_than_five_with_known_states_shows_no_figures():
    result = estimate(people=FIVE[:4], parameters=params(), cost=D(50_000), assumptions=ASSUME)
    assert result.suppressed and result.parties == []
    assert result.payback_months is None


def test_a_period_over_two_parameter_years_values_each_person_at_the_year_of_discharge():
    parameters = [*params(2023, {("income", "forsorjningsstod", "kommun"): 9_000}),
                  *params(2024)]
    people = [person(state("forsorjningsstod"), state("ingen"), year=2023) for _ in range(3)]
    people += [person(state("forsorjningsstod"), state("ingen"), year=2024) for _ in range(2)]
    # A year after the last parameters (2025) uses 2024's.
    people += [person(state("forsorjningsstod"), state("ingen"), year=2025)]
    result = estimate(people=people, parameters=parameters, cost=D(0), assumptions=ASSUME)
    # 3 × 9 000 + 3 × 10 000 = 57 000 a month
    assert by_payer(result)["kommun"].change_per_month == D(57_000)
    assert result.parameter_years == {2023: {2023}, 2024: {2024}, 2025: {2024}}


def test_a_form_of_support_without_any_parameter_is_named_and_costs_nothing():
    people = [person(state("forsorjningsstod", "etableringsersattning"), state("ingen"))
              for _ in range(5)]
    result = estimate(people=people, parameters=params(), cost=D(0), assumptions=ASSUME)
    assert result.missing_parameters == {("income", "etableringsersattning")}
    assert by_payer(result)["kommun"].change_per_month == D(50_000)


def test_no_cost_recorded_means_no_payback_time():
    result = estimate(people=FIVE, parameters=params(), cost=D(0), assumptions=ASSUME)
    assert result.projected > 0 and result.payback_months is None


def test_no_saving_means_no_payback():
    people = [person(state("ingen"), state("forsorjningsstod")) for _ in range(5)]
    result = estimate(people=people, parameters=params(), cost=D(10_000), assumptions=ASSUME)
    assert result.change_per_month == D(-50_000)
    assert result.payback_months is None
