"""The förbund's year arithmetic as pure functions on year → amount dicts (whole kronor).

Nothing here reads the database: selectors gather the figures, this module adds them up,
so the sums can be checked by hand and by property tests.
"""

from dataclasses import dataclass
from decimal import Decimal

# One rounding rule for kronor shared by weight: the budget of record's largest remainder.
from insatsportal.cases.budget_of_record import pro_rata_by_year, spread

__all__ = ["pro_rata_by_year", "spread", "finsam_split", "project_years", "years_made_negative"]

ZERO = Decimal(0)
YearAmounts = dict[int, Decimal]


def finsam_split(total: Decimal, *, state, region, kommuner: dict) -> dict:
    """The Finsam split of a year's contributions: the state (through Försäkringskassan)
    half, the region a quarter, the municipalities a quarter by their agreement's weights.

    `state` and `region` are keys (member ids); `kommuner` maps key → weight (e.g. population).
    """
    parts = spread(total, {"state": 2, "region": 1, "kommuner": 1})
    result = {state: parts.get("state", ZERO), region: parts.get("region", ZERO)}
    result.update(spread(parts.get("kommuner", ZERO), kommuner))
    return result


def add_years(*parts: YearAmounts) -> YearAmounts:
    result: YearAmounts = {}
    for part in parts:
        for year, amount in part.items():
            result[year] = result.get(year, ZERO) + amount
    return result


@dataclass(frozen=True)
class YearInput:
    """What the office records for a year (absent years count as nothing recorded)."""

    contributions: Decimal = ZERO
    contributions_decided: bool = False
    opening_equity: Decimal | None = None  # from the books; None = carry the projection
    administration: Decimal = ZERO
    other_costs: Decimal = ZERO
    recorded: bool = True


@dataclass(frozen=True)
class YearFigures:
    year: int
    opening_equity: Decimal
    opening_equity_recorded: bool
    contributions: Decimal
    contributions_decided: bool
    administration: Decimal
    other_costs: Decimal
    committed: Decimal
    prospective: Decimal
    outcome: Decimal
    room: Decimal  # what is left after the commitments: the projected closing equity
    room_after_prospective: Decimal
    equity_ceiling: Decimal
    recorded: bool  # a budget is recorded for the year

    @property
    def available(self) -> Decimal:
        return self.opening_equity + self.contributions - self.administration - self.other_costs

    @property
    def over_ceiling(self) -> bool:
        return self.recorded and self.room > self.equity_ceiling

    @property
    def negative(self) -> bool:
        return self.room < 0


def project_years(years: list[int], *, inputs: dict[int, YearInput], committed: YearAmounts,
                  prospective: YearAmounts, outcome: YearAmounts | None = None,
                  ceiling_percent: Decimal) -> list[YearFigures]:
    """Figures for `years` (consecutive), carrying each year's room into the next.

    Room(Y) = opening equity + contributions − administration − other costs − committed.
    The opening equity is the recorded one, else the room of the year before; the
    projection starts at the earliest recorded year, so a window's first year inherits
    everything before it.
    """
    outcome = outcome or {}
    if not years:
        return []
    first = min([*inputs, years[0]])
    figures, carried, carried_p = [], ZERO, ZERO
    for year in range(first, years[-1] + 1):
        data = inputs.get(year, YearInput(recorded=False))
        recorded_equity = data.opening_equity is not None
        opening = data.opening_equity if recorded_equity else carried
        opening_p = data.opening_equity if recorded_equity else carried_p
        base = data.contributions - data.administration - data.other_costs
        room = opening + base - committed.get(year, ZERO)
        room_p = opening_p + base - committed.get(year, ZERO) - prospective.get(year, ZERO)
        carried, carried_p = room, room_p
        if year < years[0]:
            continue
        figures.append(YearFigures(
            year=year, opening_equity=opening, opening_equity_recorded=recorded_equity,
            contributions=data.contributions, contributions_decided=data.contributions_decided,
            administration=data.administration, other_costs=data.other_costs,
            committed=committed.get(year, ZERO), prospective=prospective.get(year, ZERO),
            outcome=outcome.get(year, ZERO), room=room, room_after_prospective=room_p,
            equity_ceiling=(data.contributions * ceiling_percent / 100).quantize(Decimal(1)),
            recorded=data.recorded,
        ))
    return figures


def years_made_negative(*, inputs: dict[int, YearInput], committed: YearAmounts,
                        extra: YearAmounts, ceiling_percent: Decimal = ZERO) -> list[YearFigures]:
    """The years whose room a new grant of `extra` per year would take below zero.

    Later years are included: money spent now is missing from the equity carried over.
    """
    if not extra:
        return []
    last = max([*inputs, *extra])
    years = list(range(min(extra), last + 1))
    after = project_years(years, inputs=inputs, committed=add_years(committed, extra),
                          prospective={}, ceiling_percent=ceiling_percent)
    return [figure for figure in after if figure.negative]
