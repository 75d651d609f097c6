"""The socio-economic estimate of an intervention's period: pure rules, no database.

For each discharged participant whose support and occupation are known both at enrolment
(before) and at discharge (after), the public cost per month of each state is summed per
paying party, at the cost parameters of the year of discharge (so a change in prices is not
taken for a change in the person's situation). The change per month, before minus after, is
projected over the horizon and damped by how many of those followed up still had no higher
cost at the follow-up than at discharge (persistence). The range widens the cost parameters
by the uncertainty and takes the persistence's confidence interval.

It is an estimate, not an audit: `assumptions` says what was assumed and left out.
"""

import math
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from insatsportal.core.money import to_kronor

UNKNOWN_CODE = "okand"  # a state recorded as "Okänd" is not a known state
NO_SUPPORT_CODE = "ingen"  # no public support: costs nothing by definition
Z_90 = 1.645  # two-sided 90 % interval for the persistence share


# State and Person are named tuples, not dataclasses: the tally hashes and builds thousands
# of them per page, and a tuple's hash and constructor run in C.
class State(NamedTuple):
    """Support (income) codes and an occupation code at one point in time."""

    income: frozenset[str]
    occupation: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.income) and UNKNOWN_CODE not in self.income


class Person(NamedTuple):
    """What the estimate needs of one discharged participant; no identity."""

    discharge_year: int
    before: State | None
    after: State | None
    follow_up: State | None = None  # only a follow-up where contact was made


@dataclass(frozen=True)
class Parameter:
    year: int
    code_list: str  # "income" or "occupation"
    code: str
    payer: str
    monthly_cost: Decimal


@dataclass(frozen=True)
class Assumptions:
    horizon_months: int
    uncertainty_percent: int  # ± on every cost parameter for the range
    unknown_persistence_percent: int  # the middle persistence when too few were followed up
    min_group: int  # fewer people than this: no figures (small groups are suppressed)


@dataclass(frozen=True)
class PartyResult:
    payer: str
    before_per_month: Decimal
    after_per_month: Decimal
    change_per_month: Decimal  # before minus after: a saving is positive
    projected: Decimal
    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class Estimate:
    discharged: int
    known: int  # discharged with known states before and after
    followed_up: int  # of the known, followed up with contact and a known state
    suppressed: bool
    cost: Decimal  # what the period cost: approved requisitions
    persistence: Decimal | None  # the share used in the middle figure, 0–1
    persistence_low: Decimal | None
    persistence_high: Decimal | None
    persistence_measured: bool  # from follow-ups, or the assumption when too few
    parties: list[PartyResult] = field(default_factory=list)
    parameter_years: dict[int, set[int]] = field(default_factory=dict)  # year -> years used
    missing_parameters: set[tuple[str, str]] = field(default_factory=set)

    @property
    def projected(self) -> Decimal:
        return sum((p.projected for p in self.parties), Decimal(0))

    @property
    def low(self) -> Decimal:
        return sum((p.low for p in self.parties), Decimal(0))

    @property
    def high(self) -> Decimal:
        return sum((p.high for p in self.parties), Decimal(0))

    @property
    def change_per_month(self) -> Decimal:
        return sum((p.change_per_month for p in self.parties), Decimal(0))

    @property
    def net(self) -> Decimal:
        return self.projected - self.cost

    @property
    def payback_months(self) -> Decimal | None:
        """Months of the damped monthly saving that pay back the cost; None if there is no
        saving, or no cost recorded yet."""
        monthly = self.change_per_month * (self.persistence or 0)
        if self.suppressed or monthly <= 0 or self.cost <= 0:
            return None
        return (self.cost / monthly).quantize(Decimal("0.1"))


class Prices:
    """Cost per month of a code, per payer, for a year: the latest parameter year not after
    it, else the earliest there is."""

    def __init__(self, parameters: list[Parameter]):
        self.parameters = parameters
        self.totals: dict[tuple[State, int], Decimal] = {}  # state_total, read once
        self._by_code: dict[tuple[str, str], dict[int, dict[str, Decimal]]] = {}
        for p in parameters:
            years = self._by_code.setdefault((p.code_list, p.code), {})
            years.setdefault(p.year, {})[p.payer] = p.monthly_cost

    def year_for(self, code_list: str, code: str, year: int) -> int | None:
        years = sorted(self._by_code.get((code_list, code), {}))
        if not years:
            return None
        earlier = [y for y in years if y <= year]
        return earlier[-1] if earlier else years[0]

    def cost(self, code_list: str, code: str, year: int) -> dict[str, Decimal]:
        used = self.year_for(code_list, code, year)
        return {} if used is None else self._by_code[(code_list, code)][used]


@dataclass(frozen=True)
class Tally:
    """What the estimate needs of a group of discharged people, as counts: how many people
    with known states had each code before and after, per year of discharge. The selectors
    count the people alike in the database and add each group to `Counts`."""

    discharged: int
    known_by_year: dict[int, int]  # year of discharge -> people with known before and after
    states: dict[tuple[str, str, str, int], int]  # (phase, code list, code, year) -> people
    followed: int = 0  # of the known, followed up with contact and a known state
    persisted: int = 0  # of those, no higher public cost at the follow-up than at discharge
    follow_up_codes: frozenset = frozenset()  # (code list, code, year) seen at follow-up

    @property
    def known(self) -> int:
        return sum(self.known_by_year.values())


def _codes(state: State) -> list[tuple[str, str]]:
    codes = [("income", c) for c in sorted(state.income)]
    if state.occupation:
        codes.append(("occupation", state.occupation))
    return codes


def state_total(state: State, year: int, prices: Prices) -> Decimal:
    """A state's public cost per month, all payers together."""
    total = prices.totals.get((state, year))
    if total is None:
        total = prices.totals[state, year] = sum(
            (sum(prices.cost(code_list, code, year).values(), Decimal(0))
             for code_list, code in _codes(state)), Decimal(0))
    return total


@dataclass
class Counts:
    """The people of a tally counted per state, before any code or price is read: `add` each
    person, or a group of people alike, then `tally`."""

    discharged: int = 0
    known_by_year: dict = field(default_factory=dict)  # year -> people
    per_state: dict = field(default_factory=dict)  # (phase, State, year) -> people
    follow_ups: dict = field(default_factory=dict)  # (State after, State then, year) -> people

    def add(self, person: Person, n: int = 1) -> None:
        self.discharged += n
        before, after, then = person.before, person.after, person.follow_up
        if not (before and after and before.known and after.known):
            return
        year = person.discharge_year
        self.known_by_year[year] = self.known_by_year.get(year, 0) + n
        for key in (("before", before, year), ("after", after, year)):
            self.per_state[key] = self.per_state.get(key, 0) + n
        if then and then.known:
            key = (after, then, year)
            self.follow_ups[key] = self.follow_ups.get(key, 0) + n

    def tally(self, prices: Prices) -> Tally:
        """Each state's codes and cost read once, however many people had it."""
        states = Counter()
        for (phase, state, year), n in self.per_state.items():
            for code_list, code in _codes(state):
                states[phase, code_list, code, year] += n
        return Tally(
            discharged=self.discharged, known_by_year=self.known_by_year, states=dict(states),
            followed=sum(self.follow_ups.values()),
            persisted=sum(n for (after, then, year), n in self.follow_ups.items()
                          if state_total(then, year, prices) <= state_total(after, year,
                                                                            prices)),
            follow_up_codes=frozenset((code_list, code, year)
                                      for _after, then, year in self.follow_ups
                                      for code_list, code in _codes(then)))


def tally(people: list[Person], prices: Prices) -> Tally:
    counts = Counts()
    for person in people:
        counts.add(person)
    return counts.tally(prices)


def _wilson(successes: int, n: int) -> tuple[Decimal, Decimal]:
    """The Wilson score interval (90 %) of a share: honest at small n and at 0 or 1."""
    share = successes / n
    centre = share + Z_90**2 / (2 * n)
    spread = Z_90 * math.sqrt(share * (1 - share) / n + Z_90**2 / (4 * n * n))
    divisor = 1 + Z_90**2 / n
    low, high = (centre - spread) / divisor, (centre + spread) / divisor
    return (Decimal(str(round(max(low, 0.0), 4))), Decimal(str(round(min(high, 1.0), 4))))


def estimate(*, people: list[Person], parameters: list[Parameter], cost: Decimal,
             assumptions: Assumptions) -> Estimate:
    return estimate_tally(tally=tally(people, Prices(parameters)), parameters=parameters,
                          cost=cost, assumptions=assumptions)


def _price(code_list, code, year, prices, missing, years_used) -> dict[str, Decimal]:
    used = prices.year_for(code_list, code, year)
    if used is None:
        # Most occupations cost nothing; a form of support without a cost is a gap.
        if code_list == "income" and code != NO_SUPPORT_CODE:
            missing.add((code_list, code))
        return {}
    years_used.add(used)
    return prices.cost(code_list, code, year)


def estimate_tally(*, tally: Tally, parameters: list[Parameter], cost: Decimal,
                   assumptions: Assumptions) -> Estimate:
    prices = Prices(parameters)
    missing: set[tuple[str, str]] = set()
    parameter_years = {year: set() for year in tally.known_by_year}
    totals: dict[str, dict[str, Decimal]] = {"before": {}, "after": {}}
    for (phase, code_list, code, year), n in sorted(tally.states.items()):
        for payer, amount in _price(code_list, code, year, prices, missing,
                                    parameter_years[year]).items():
            totals[phase][payer] = totals[phase].get(payer, Decimal(0)) + n * amount
    for code_list, code, year in sorted(tally.follow_up_codes):
        _price(code_list, code, year, prices, missing, parameter_years[year])
    before, after = totals["before"], totals["after"]
    known, followed, persisted = tally.known, tally.followed, tally.persisted

    suppressed = known < assumptions.min_group
    measured = followed >= assumptions.min_group
    if measured:
        share = Decimal(persisted) / Decimal(followed)
        share_low, share_high = _wilson(persisted, followed)
    else:
        share = Decimal(assumptions.unknown_persistence_percent) / 100
        share_low, share_high = Decimal(0), Decimal(1)
    if suppressed:
        return Estimate(discharged=tally.discharged, known=known, followed_up=followed,
                        suppressed=True, cost=to_kronor(cost), persistence=None,
                        persistence_low=None, persistence_high=None,
                        persistence_measured=measured)
    spread = Decimal(assumptions.uncertainty_percent) / 100
    horizon = assumptions.horizon_months
    parties = []
    for payer in sorted(set(before) | set(after)):
        change = before.get(payer, Decimal(0)) - after.get(payer, Decimal(0))
        candidates = [change * factor * horizon * p
                      for factor in (1 - spread, 1 + spread) for p in (share_low, share_high)]
        parties.append(PartyResult(
            payer=payer,
            before_per_month=to_kronor(before.get(payer, 0)),
            after_per_month=to_kronor(after.get(payer, 0)),
            change_per_month=to_kronor(change),
            projected=to_kronor(change * horizon * share),
            low=to_kronor(min(candidates)),
            high=to_kronor(max(candidates)),
        ))
    return Estimate(discharged=tally.discharged, known=known, followed_up=followed,
                    suppressed=False,
                    cost=to_kronor(cost), persistence=share, persistence_low=share_low,
                    persistence_high=share_high, persistence_measured=measured,
                    parties=parties, parameter_years=parameter_years, missing_parameters=missing)
