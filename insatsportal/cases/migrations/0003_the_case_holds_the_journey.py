"""The case holds an application's journey from submission to decision: its one status and
its one history. What the application's own history held that its case's does not (steps
taken before cases recorded them all) is copied onto the case, so no step is lost; an
application submitted without a case gets one."""

import datetime

from django.db import migrations

# The application's status → the case's step it stands for.
STEP = {"submitted": "received", "resubmitted": "in_preparation",
        "returned": "completion_requested", "under_preparation": "in_preparation",
        "decided": "decided"}
SAME_STEP = datetime.timedelta(minutes=1)


def _free_number(Case, application) -> str:
    number = application.case_number or f"{application.created_at.year}-A{application.pk}"
    while Case.objects.filter(number=number).exists():
        number += "-A"
    return number


def copy_the_history_onto_the_cases(apps, schema_editor):
    Application = apps.get_model("applications", "Application")
    Change = apps.get_model("applications", "ApplicationStatusChange")
    Case = apps.get_model("cases", "Case")
    CaseChange = apps.get_model("cases", "CaseStatusChange")
    for application in Application.objects.exclude(status="draft").filter(case__isnull=True):
        number = _free_number(Case, application)
        Case.objects.create(
            number=number, year=int(number[:4]) if number[:4].isdigit() else
            application.created_at.year, title=application.name[:300],
            application=application, intervention_id=application.intervention_id,
            status=STEP[application.status])
    cases = dict(Case.objects.filter(application__isnull=False)
                 .values_list("application_id", "pk"))
    for change in Change.objects.exclude(to_status="draft").order_by("at", "pk"):
        case_id = cases.get(change.application_id)
        step = STEP[change.to_status]
        if case_id is None or CaseChange.objects.filter(
                case_id=case_id, to_status=step,
                at__range=(change.at - SAME_STEP, change.at + SAME_STEP)).exists():
            continue
        copied = CaseChange.objects.create(
            case_id=case_id, from_status=STEP.get(change.from_status, ""), to_status=step,
            actor_id=change.actor_id, note=change.note)
        CaseChange.objects.filter(pk=copied.pk).update(at=change.at)  # auto_now_add


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0002_meeting_minutes"),
        ("applications", "0003_completion_questions"),
    ]

    operations = [
        migrations.RunPython(copy_the_history_onto_the_cases, migrations.RunPython.noop),
    ]
