"""The demo förbund's own economy 2022–2025: contributions by the Finsam split, the
administration budget, other planned costs and the equity from the books.

2022–2024 are decided and paid; 2025 is planned only, so a grant running into 2025 gets
the conditional att-clause. The figures are fictional; the populations are rounded.
"""

import datetime
from decimal import Decimal

from insatsportal.core.audit import log_action
from insatsportal.economy.arithmetic import finsam_split
from insatsportal.economy.models import Contribution, FiscalYear, PlannedCost
from insatsportal.organisations.models import Member

D = datetime.date

POPULATION = {
    "Enköpings kommun": 46_000, "Heby kommun": 14_000, "Håbo kommun": 22_000,
    "Knivsta kommun": 20_000, "Tierps kommun": 21_000, "Uppsala kommun": 240_000,
    "Älvkarleby kommun": 9_500, "Östhammars kommun": 22_000,
}

# year: (total contributions, decided on or None, opening equity or None, administration,
#        [(other cost, amount)])
YEARS = {
    2022: (3_000_000, D(2021, 11, 15), 800_000, 900_000, [("Kompetensutveckling", 100_000)]),
    2023: (3_000_000, D(2022, 11, 14), 600_000, 900_000,
           [("Kompetensutveckling", 100_000), ("Konferenser", 50_000)]),
    2024: (3_200_000, D(2023, 11, 13), None, 900_000,
           [("Kompetensutveckling", 100_000), ("Konferenser", 50_000)]),
    2025: (3_200_000, None, None, 900_000, [("Kompetensutveckling", 100_000)]),
}


def demo_economy(association) -> None:
    """Create once; a second run changes nothing."""
    members = {m.name: m for m in Member.objects.filter(association=association)}
    state = next(m for m in members.values() if m.kind == Member.Kind.FK)
    region = next(m for m in members.values() if m.kind == Member.Kind.REGION)
    weights = {members[name].pk: weight for name, weight in POPULATION.items()}
    by_pk = {m.pk: m for m in members.values()}
    for year, (total, decided_on, equity, administration, costs) in YEARS.items():
        fiscal_year, created = FiscalYear.objects.get_or_create(
            association=association, year=year,
            defaults={"opening_equity": None if equity is None else Decimal(equity),
                      "administration": Decimal(administration)},
        )
        if not created:
            continue
        for pk, amount in finsam_split(Decimal(total), state=state.pk, region=region.pk,
                                       kommuner=weights).items():
            Contribution.objects.create(
                fiscal_year=fiscal_year, member=by_pk[pk], planned=amount,
                share_weight=weights.get(pk), decided=amount if decided_on else None,
                decided_on=decided_on, paid=amount if decided_on else Decimal(0),
            )
        PlannedCost.objects.bulk_create(
            PlannedCost(fiscal_year=fiscal_year, label=label, amount=Decimal(amount))
            for label, amount in costs
        )
        log_action(actor=None, obj=fiscal_year, action="demo.loaded")
