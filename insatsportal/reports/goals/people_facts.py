"""One intervention's participants as plain facts, for the quarter's figures and the
overview's charts: no names, no identity numbers. (Goals are counted in SQL, goals/selectors.py.)"""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from insatsportal.participants.models import Discharge, Participant, Rating
from insatsportal.reports.goals.rules import STUDIES_CODE, WORK_GROUP


@dataclass(frozen=True)
class RatingFacts:
    rated_on: datetime.date
    improved: bool | None  # Rating.improved: None for the first with its instrument


@dataclass(frozen=True)
class ParticipantFacts:
    sex: str
    started_on: datetime.date  # enrolment date, or 1 January of the year of start
    discharged_on: datetime.date | None = None
    to_work_or_studies: bool = False
    ratings: tuple = ()  # RatingFacts, oldest first

    def improved(self, as_of: datetime.date) -> bool | None:
        """Whether the latest rating up to `as_of` has a mean above the first's of its
        instrument; None when it is that first one, or there is none (as the goal counts)."""
        rated = [r for r in self.ratings if r.rated_on <= as_of]
        return rated[-1].improved if rated else None


def _rating_facts(intervention_id) -> dict:
    """participant id -> (RatingFacts, oldest first) (one query)."""
    rows = (
        Rating.objects.filter(participant__intervention_id=intervention_id)
        .order_by("participant_id", "rated_on", "pk")
        .values_list("participant_id", "rated_on", "improved")
    )
    ratings: dict = defaultdict(list)
    for participant_id, rated_on, improved in rows:
        ratings[participant_id].append(RatingFacts(rated_on=rated_on, improved=improved))
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
