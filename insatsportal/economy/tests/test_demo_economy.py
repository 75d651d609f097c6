"""The demo förbund's economy, checked by hand.

Demo (insatsportal/demo/economy.py): contributions 3 000 000 (2022, 2023) and 3 200 000
(2024, 2025; 2025 planned only), administration 900 000 a year, other costs 100 000
(2022, 2025) and 150 000 (2023, 2024), equity from the books 800 000 into 2022 and
600 000 into 2023. The seeds' grant 003, 3 391 000 kr for 2023–2024, is committed by
days: 1 693 181 kr in 2023 and 1 697 819 kr in 2024.
"""

from decimal import Decimal

import pytest

from insatsportal.accounts.models import User
from insatsportal.economy import selectors
from insatsportal.economy.models import Contribution
from insatsportal.organisations.models import Member

K = Decimal


@pytest.fixture
def overview(demo):
    return selectors.economy_overview(user=User.objects.get(username="styrelse"),
                                      first_year=2022)


def test_the_room_per_year_is_right_by_hand(overview):
    room = {f.year: f.room for f in overview.figures}
    assert room == {
        2022: K("2800000"),  # 800 000 + 3 000 000 − 900 000 − 100 000, nothing committed
        2023: K("856819"),   # 600 000 + 3 000 000 − 900 000 − 150 000 − 1 693 181
        2024: K("1309000"),  # 856 819 + 3 200 000 − 900 000 − 150 000 − 1 697 819
        2025: K("3509000"),  # 1 309 000 + 3 200 000 − 900 000 − 100 000
    }


def test_the_seeds_grants_are_commitments_in_their_years(overview):
    committed = {f.year: f.committed for f in overview.figures}
    assert committed == {2022: 0, 2023: K("1693181"), 2024: K("1697819"), 2025: 0}
    lines = [line for line in overview.committed if 2023 in line.by_year]
    assert [line.label for line in lines] == ["En väg in – steget vidare"]


def test_the_open_jobbcentrum_application_is_prospective_by_its_year_table(overview):
    prospective = {f.year: f.prospective for f in overview.figures}
    assert prospective == {2022: K("2675000"), 2023: K("2675000"), 2024: 0, 2025: 0}
    # 600 000 + 3 000 000 − 900 000 − 150 000 − 1 693 181 − 2 675 000
    assert overview.figures[1].room_after_prospective == K("-1818181")


def test_the_contributions_follow_the_finsam_split(demo):
    rows = Contribution.objects.filter(fiscal_year__year=2023).select_related("member")
    by_kind = {}
    for row in rows:
        by_kind[row.member.kind] = by_kind.get(row.member.kind, 0) + row.decided
    assert by_kind == {Member.Kind.FK: K("1500000"), Member.Kind.REGION: K("750000"),
                       Member.Kind.KOMMUN: K("750000")}
    assert not rows.filter(member__kind=Member.Kind.AF).exists()


def test_only_2025_is_not_decided(overview):
    assert [f.year for f in overview.figures if not f.contributions_decided] == [2025]


def test_the_equity_above_a_fifth_of_the_contributions_is_flagged(overview):
    flagged = {f.year: f.equity_ceiling for f in overview.figures if f.over_ceiling}
    assert flagged == {2022: K("600000"), 2023: K("600000"), 2024: K("640000"),
                       2025: K("640000")}
