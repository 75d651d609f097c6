"""The sections of a participant's page, each loaded with a fixed number of queries."""

from insatsportal.participants.models import ActionPlan, Discharge, Enrolment


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
    return {"enrolment": enrolment, "discharge": discharge, "plan": plan}
