"""Each checklist rule, on the demo applications changed one fact at a time."""

import datetime

import pytest

from insatsportal.applications.models import Application, Signature
from insatsportal.cases import selectors
from insatsportal.cases.models import Case
from insatsportal.organisations.models import LocalGroup, Member

D = datetime.date


def _items(application):
    case = Case.objects.get(application=application)
    return {item.key: item for item in selectors.case_checklist(case)}


@pytest.fixture
def jobbcentrum(demo):
    return Application.objects.get(name="Jobbcentrum – din väg framåt")


@pytest.fixture
def en_vag_in(demo):
    return Application.objects.get(name="En väg in – steget vidare")


def test_the_seed_applications_give_the_results_a_careful_reader_would(jobbcentrum, en_vag_in):
    jobb = _items(jobbcentrum)
    assert jobb["parties"].status == "ok"
    assert jobb["anchoring"].status == "ok"
    assert "16 april 2021 och 11 juni 2021" in jobb["anchoring"].reason
    assert jobb["budget"].status == "problem"  # salary period past the planned end
    assert jobb["signatures"].status == "problem"  # Arbetsförmedlingen's has no date
    assert "Arbetsförmedlingen" in jobb["signatures"].reason
    knivsta = _items(en_vag_in)
    assert knivsta["budget"].status == "ok"
    assert knivsta["predecessor"].status == "ok"
    assert "9\xa0291\xa0000\xa0kr" in knivsta["predecessor"].reason


def test_one_party_only_is_a_problem(jobbcentrum):
    jobbcentrum.partners.all().delete()
    assert _items(jobbcentrum)["parties"].status == "problem"


def test_an_owner_that_is_not_a_member_is_a_problem(jobbcentrum):
    Member.objects.filter(pk=jobbcentrum.owner_id).update(kind=Member.Kind.OTHER)
    item = _items(jobbcentrum)["parties"]
    assert item.status == "problem"
    assert "inte medlem" in item.reason


def test_every_party_signed_is_fulfilled(jobbcentrum):
    Signature.objects.filter(application=jobbcentrum).update(signed_on=D(2021, 6, 16),
                                                             name="Underskrift")
    assert _items(jobbcentrum)["signatures"].status == "ok"


def test_anchoring_in_another_kommuns_group_is_a_problem(jobbcentrum):
    jobbcentrum.anchoring_group = LocalGroup.objects.get(name="LOKUS Knivsta")
    jobbcentrum.save()
    item = _items(jobbcentrum)["anchoring"]
    assert item.status == "problem"
    assert "LOKUS Knivsta" in item.reason


def test_no_anchoring_is_a_problem(jobbcentrum):
    jobbcentrum.anchoring_discussed = False
    jobbcentrum.save()
    assert _items(jobbcentrum)["anchoring"].status == "problem"


def test_goals_without_targets_are_a_problem(jobbcentrum):
    jobbcentrum.goals.update(target_kind="", target_value=None)
    assert _items(jobbcentrum)["goals"].status == "problem"


@pytest.mark.parametrize(("low", "high", "status"), [(16, 64, "ok"), (15, 64, "problem"),
                                                      (18, 65, "problem"), (None, 64, "problem")])
def test_the_age_range_must_lie_within_16_to_64(jobbcentrum, low, high, status):
    Application.objects.filter(pk=jobbcentrum.pk).update(age_min=low, age_max=high)
    jobbcentrum.refresh_from_db()
    assert _items(jobbcentrum)["ages"].status == status


@pytest.mark.parametrize(("end", "status"), [(D(2024, 12, 31), "ok"), (D(2025, 1, 1), "problem")])
def test_the_period_must_be_within_the_associations_limit(jobbcentrum, end, status):
    # 36 months from 2022-01-01 ends on 2024-12-31.
    jobbcentrum.planned_end = end
    jobbcentrum.save()
    assert _items(jobbcentrum)["period"].status == status


def test_a_target_group_outside_the_priority_groups_is_a_problem(jobbcentrum):
    Application.objects.filter(pk=jobbcentrum.pk).update(
        target_group="Pensionärer", purpose="Fritidsverksamhet."
    )
    jobbcentrum.refresh_from_db()
    item = _items(jobbcentrum)["priority"]
    assert item.status == "problem"
    assert "2022" in item.reason


def test_an_extension_without_an_identified_predecessor_is_a_problem(en_vag_in):
    Application.objects.filter(pk=en_vag_in.pk).update(continues=None)
    en_vag_in.refresh_from_db()
    assert _items(en_vag_in)["predecessor"].status == "problem"


def test_the_direction_of_the_applications_own_years_is_used_and_a_missing_one_warned(
        jobbcentrum):
    # the demo has directions for 2018 and 2022 only
    Application.objects.filter(pk=jobbcentrum.pk).update(planned_start=D(2024, 1, 1),
                                                         planned_end=D(2025, 12, 31))
    jobbcentrum.refresh_from_db()
    item = _items(jobbcentrum)["priority"]
    assert item.status == "problem"
    assert "2024, 2025" in item.reason and "2022" not in item.reason
    Application.objects.filter(pk=jobbcentrum.pk).update(planned_start=D(2022, 1, 1),
                                                         planned_end=D(2023, 12, 31))
    jobbcentrum.refresh_from_db()
    item = _items(jobbcentrum)["priority"]
    assert "(inriktning 2022)" in item.reason  # the application's own first year
    assert item.reason.endswith("Ingen strategisk inriktning är registrerad för 2023.")
    case = Case.objects.get(application=jobbcentrum)
    draft = selectors.case_draft(case, amount=1_000_000, period_start=D(2022, 1, 1),
                                 period_end=D(2023, 12, 31))
    assert "Förbundets inriktning för 2023 är inte registrerad" in draft.assessment
