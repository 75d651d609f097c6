"""The sections of a participant's page, each loaded with a fixed number of queries."""

from django.db.models import Count, Max
from django.utils import timezone

from insatsportal.participants.activities import recent_activities, weekly_counts
from insatsportal.participants.models import (
    ActionPlan,
    Activity,
    Discharge,
    Enrolment,
    FollowUp,
    Rating,
)
from insatsportal.participants.services.rating import next_rating_due


def detail_sections(participant) -> dict:
    enrolment = (
        Enrolment.objects.filter(participant=participant)
        .select_related("referrer", "target_group", "occupation_before", "support_time_before",
                        "education")
        .prefetch_related("income_before")
        .first()
    )
    discharge = (
        Discharge.objects.filter(participant=participant)
        .select_related("occupation_after", "next_step_party")
        .prefetch_related("income_after")
        .first()
    )
    plan = (
        ActionPlan.objects.filter(participant=participant)
        .prefetch_related("anchored_parties", "revisions")
        .first()
    )
    ratings = Rating.objects.filter(participant=participant).aggregate(
        count=Count("pk"), latest=Max("rated_on"))
    if ratings["latest"] is not None:
        ratings["next_due"] = next_rating_due(ratings["latest"])
    follow_up = (FollowUp.objects.filter(participant=participant).select_related("occupation")
                 .prefetch_related("income").first() if discharge is not None else None)
    today = timezone.localdate()
    return {"enrolment": enrolment, "discharge": discharge, "plan": plan, "ratings": ratings,
            "weekly": weekly_counts(participant, today=today),
            "recent_activities": recent_activities(participant),
            "activity_kinds": list(Activity.Kind), "follow_up": follow_up}
