"""One intervention's participants as plain facts, for the quarter's figures and the
overview's charts: no names, no identity numbers. (Goals are counted in SQL, goal_data.py.)"""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from insatsportal.participants.models import Discharge, Participant, Rating
from insatsportal.reports.goals import STUDIES_CODE, WORK_GROUP


@dataclass(frozen=True)
class RatingFacts:
    rated_on: datetime.date
    mean: Decimal | None  # Rating.mean
    instrument: int | None = None


@dataclass(frozen=True)
class ParticipantFacts:
    sex: str
    started_on: datetime.date  # enrolment date, or 1 January of the year of start
    discharged_on: datetime.date | None = None
    to_work_or_studies: bool = False
    ratings: tuple = ()  # RatingFacts, oldest first

    def improved(self, as_of: datetime.date) -> bool | None:
        """Whether the latest rating's mean is above the first's (same instrument as the
        latest); None with fewer than two such ratings up to `as_of`. The goal "progress
        ratings improved" applies the same rule in SQL (goal_data.py)."""
        rated = [r for r in self.ratings if r.rated_on <= as_of and r.mean is not None]
        if not rated:
            return None
        latest = rated[-1]
        same = [r for r in rated if r.instrument == latest.instrument]
        if len(same) < 2:
            return None
        return latest.mean > same[0].mean


def _rating_facts(intervention_id) -> dict:
    """participant id -> (RatingFacts, oldest first) (one query)."""
    rows = (
        Rating.objects.filter(participant__intervention_id=intervention_id)
        .order_by("participant_id", "rated_on", "pk")
        .values_list("participant_id", "rated_on", "instrument_id", "mean")
    )
    ratings: dict = defaultdict(list)
    for participant_id, rated_on, instrument_id, mean in rows:
        ratings[participant_id].append(RatingFacts(rated_on=rated_on, mean=mean,
                                                   instrument=instrument_id))
    return {pk: tuple(series) for pk, series in ratings.items()}


def participant_facts(intervention_id, *, with_ratings=True) -> list[ParticipantFacts]:
    """Wrong registrations left out (two queries; one without the ratings)."""
    ratings = _rating_facts(intervention_id) if with_ratings else {}
    rows = (
        Participant.objects.filter(intervention_id=intervention_id)
        .exclude(discharge__end_type=Discharge.EndType.WRONG_REGISTRATION)
        .values_list("pk", "sex", "start_year", "enrolment__enrolled_on",
                     "discharge__discharged_on", "discharge__occupation_after__group",
                     "discharge__occupation_after__code")
    )
    return [
        ParticipantFacts(
            sex=sex, started_on=enrolled_on or datetime.date(start_year, 1, 1),
            discharged_on=discharged_on,
            to_work_or_studies=group == WORK_GROUP or code == STUDIES_CODE,
            ratings=ratings.get(pk, ()))
        for pk, sex, start_year, enrolled_on, discharged_on, group, code in rows
    ]
