"""The sections of a participant's page, each loaded with a fixed number of queries."""

from insatsportal.participants.models import Enrolment


def detail_sections(participant) -> dict:
    enrolment = (
        Enrolment.objects.filter(participant=participant)
        .select_related("referrer", "target_group", "occupation_before", "support_time_before",
                        "education")
        .prefetch_related("income_before")
        .first()
    )
    return {"enrolment": enrolment}
