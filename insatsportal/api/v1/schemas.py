"""What the API answers. Dates are ISO 8601, amounts integers in whole kronor.

Counts of participants are by sex (kvinna, man, annat); a count or share of a group
smaller than AGGREGATE_MIN_GROUP is null, exactly as on the pages.
"""

import datetime
from typing import Generic, TypeVar

from ninja import Schema

T = TypeVar("T")


class Paged(Schema, Generic[T]):
    count: int
    page: int
    page_size: int
    next_page: int | None
    items: list[T]


class BySex(Schema):
    kvinna: int | None
    man: int | None
    annat: int | None


class ShareBySex(Schema):
    """A goal's outcome by sex: a count or a percentage; null when hidden or not counted."""

    kvinna: float | None
    man: float | None
    annat: float | None


class MemberOut(Schema):
    id: int
    name: str
    kind: str
    organisation_number: str


class AssociationOut(Schema):
    name: str
    short_name: str
    organisation_number: str
    members: list[MemberOut]


class TokenOut(Schema):
    name: str
    token_id: str
    scopes: list[str]
    all_interventions: bool
    interventions: list[int]
    expires_at: datetime.datetime


class MemberRef(Schema):
    id: int
    name: str


class YearAmount(Schema):
    year: int
    amount: int


class OwnerAmount(Schema):
    member_id: int
    amount: int


class CategoryAmount(Schema):
    category: str
    amount: int


class BudgetOfRecordOut(Schema):
    """The budget the grant's money follows: the application's (applied), the office's
    approved revision (revised) or the grant spread by days (pro_rata)."""

    source: str
    explanation: str
    differs_from_application: bool
    total: int
    by_year: list[YearAmount]
    by_owner: list[OwnerAmount]
    by_category: list[CategoryAmount]


class GrantOut(Schema):
    id: int
    decision_id: int
    amount: int
    period_start: datetime.date
    period_end: datetime.date
    budget_of_record: BudgetOfRecordOut


class PeriodOut(Schema):
    start: datetime.date
    end: datetime.date


class InterventionOut(Schema):
    id: int
    name: str
    owner: MemberRef
    partners: list[MemberRef]
    orientation: str
    status: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    periods: list[PeriodOut]
    grants: list[GrantOut]
    granted_total: int


class ApplicationOut(Schema):
    id: int
    name: str
    case_number: str
    status: str
    owner: MemberRef
    intervention_id: int | None
    continuation_kind: str
    planned_start: datetime.date | None
    planned_end: datetime.date | None
    participants_per_year: int | None
    participants_total: int | None
    amount_applied: int


class DecisionOut(Schema):
    id: int
    case_number: str
    application_id: int | None
    intervention_id: int | None
    outcome: str
    amount: int | None
    period_start: datetime.date | None
    period_end: datetime.date | None
    decided_on: datetime.date
    minutes_approved_on: datetime.date | None
    paragraph: str


class GoalOut(Schema):
    id: int | None
    intervention_id: int
    application_id: int
    period_start: datetime.date | None
    period_end: datetime.date | None
    text: str
    target_kind: str
    unit: str
    target: float | None
    outcome: float | None
    forecast: float | None
    status: str
    status_label: str
    reason: str
    by_sex: ShareBySex


class PeopleRow(Schema):
    key: str
    label: str
    by_sex: BySex
    total: int | None


class ActivityCount(Schema):
    kind: str
    label: str
    count: int


class QuarterOut(Schema):
    intervention_id: int
    year: int
    quarter: int
    first: datetime.date
    last: datetime.date
    participants: list[PeopleRow]
    ratings: int
    rated_twice: int | None
    improved_share: float | None
    activities: list[ActivityCount]


class YearRowOut(Schema):
    intervention_id: int
    year: int
    participants: BySex
    total: int | None


class RequisitionLineOut(Schema):
    category: str
    amount: int


class RequisitionOut(Schema):
    id: int
    intervention_id: int
    member: MemberRef
    year: int
    quarter: int
    status: str
    total: int
    submitted_on: datetime.date
    decided_on: datetime.date | None
    lines: list[RequisitionLineOut]


class PaymentOut(Schema):
    requisition_id: int
    intervention_id: int
    member: MemberRef
    year: int
    quarter: int
    amount: int
    approved_on: datetime.date


class NationalRowOut(Schema):
    year: int
    intervention_id: int
    intervention: str
    lead_owner: str
    orientation: str
    budget: int | None
    outcome: int | None
    planned_participants: int | None
    participants: BySex
    total: int | None


class EstimatePartyOut(Schema):
    """One paying party: public cost per month of all counted participants before and after,
    the change (before minus after: a saving is positive) and its projection over the
    horizon with the low/high range."""

    payer: str
    before_per_month: int
    after_per_month: int
    change_per_month: int
    projected: int
    low: int
    high: int


class EstimateAssumptionsOut(Schema):
    horizon_months: int
    uncertainty_percent: int
    unknown_persistence_percent: int
    min_group: int


class EstimateOut(Schema):
    """The socio-economic estimate of one granted period: an estimate, not an audit. The
    figures are null (and parties empty) when fewer than `min_group` participants have a
    known state before and after."""

    intervention_id: int
    intervention: str
    period_start: datetime.date
    period_end: datetime.date
    discharged: int
    known: int | None
    followed_up: int | None
    suppressed: bool
    cost: int
    change_per_month: int | None
    projected: int | None
    low: int | None
    high: int | None
    net: int | None
    payback_months: float | None
    persistence: float | None
    persistence_low: float | None
    persistence_high: float | None
    persistence_measured: bool | None
    parties: list[EstimatePartyOut]
    parameter_years: dict[str, list[int]]
    missing_parameters: list[str]
    assumptions: EstimateAssumptionsOut
