"""The application's own status history moved onto its case without losing a step."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("applications", "0003_completion_questions"), ("cases", "0002_meeting_minutes")]
AFTER = [("applications", "0004_status_on_the_case"), ("cases", "0003_the_case_holds_the_journey")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_an_application_decided_before_the_case_held_its_status_keeps_every_step(demo):
    old = _migrate(BEFORE)
    Application = old.get_model("applications", "Application")
    Change = old.get_model("applications", "ApplicationStatusChange")
    owner = old.get_model("organisations", "Member").objects.order_by("pk").first()
    application = Application.objects.create(association_id=demo.pk, owner_id=owner.pk,
                                             name="Före ärendena", status="under_preparation")
    start = timezone.now() - datetime.timedelta(days=30)
    for day, (before, after, note) in enumerate([
            ("", "draft", ""), ("draft", "submitted", ""),
            ("submitted", "returned", "Hur många deltagare per år?"),
            ("returned", "resubmitted", ""), ("resubmitted", "under_preparation", "")]):
        change = Change.objects.create(application=application, from_status=before,
                                       to_status=after, note=note)
        Change.objects.filter(pk=change.pk).update(at=start + datetime.timedelta(days=day))
    # Submitted through its case: the step is on the case already and is not copied twice.
    through_case = Application.objects.create(association_id=demo.pk, owner_id=owner.pk,
                                              name="Genom ärendet", status="submitted")
    case = old.get_model("cases", "Case").objects.create(
        number="2099-1", year=2099, title=through_case.name, application=through_case)
    old.get_model("cases", "CaseStatusChange").objects.create(case=case, to_status="received")
    Change.objects.create(application=through_case, from_status="draft", to_status="submitted")
    try:
        _migrate(AFTER)
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    from insatsportal.applications.models import Application as Now
    from insatsportal.cases.models import CaseStatusChange

    assert list(CaseStatusChange.objects.filter(case=case.pk).values_list("to_status")) == [
        ("received",)]
    assert Now.objects.get(pk=through_case.pk).status == Now.Status.SUBMITTED

    moved = Now.objects.get(pk=application.pk)
    assert moved.status == Now.Status.UNDER_PREPARATION
    steps = list(moved.case.status_changes.order_by("at").values_list("to_status", "note"))
    assert steps == [("received", ""), ("completion_requested", "Hur många deltagare per år?"),
                     ("in_preparation", ""), ("in_preparation", "")]
    assert moved.case.status_changes.order_by("at").first().at == start + datetime.timedelta(
        days=1)
