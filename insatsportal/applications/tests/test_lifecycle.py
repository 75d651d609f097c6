"""draft → submitted → (returned → resubmitted) → under preparation → decided."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from insatsportal.applications import services
from insatsportal.applications.diff import snapshot_diff
from insatsportal.applications.models import Application, ApplicationVersion
from insatsportal.cases import services as case_services
from insatsportal.cases.selectors import waiting_items
from insatsportal.core.audit import audit_history
from insatsportal.interventions.models import Intervention

Status = Application.Status


def _statuses(application):
    return list(application.status_changes.order_by("at", "pk").values_list("to_status",
                                                                             flat=True))


def test_the_whole_life_of_an_application(draft, owner_user, kansli_user):
    case_services.application_submit(actor=owner_user, application=draft)
    services.application_return(actor=kansli_user, application=draft,
                                questions="Komplettera budgeten per år.")
    services.application_update(actor=owner_user, application=draft, data={"age_max": 30})
    case_services.application_resubmit(actor=owner_user, application=draft)
    # Submission opened a case; the resubmission returned to it.
    case_number = draft.case.number
    services.application_start_preparation(actor=kansli_user, application=draft,
                                           case_number=case_number)
    intervention = Intervention.objects.create(name=draft.name, owner=draft.owner)
    services.application_mark_decided(actor=kansli_user, application=draft,
                                      intervention=intervention)
    draft.refresh_from_db()
    assert draft.status == Status.DECIDED
    assert draft.case_number == case_number
    assert draft.intervention == intervention
    assert _statuses(draft) == [Status.DRAFT, Status.SUBMITTED, Status.RETURNED,
                                Status.RESUBMITTED, Status.UNDER_PREPARATION, Status.DECIDED]
    assert draft.status_changes.get(to_status=Status.RETURNED).note == \
        "Komplettera budgeten per år."
    assert draft.versions.count() == 2
    actions = {entry.action for entry in audit_history(draft)}
    assert {"application.submitted", "application.returned", "application.resubmitted",
            "application.preparation_started", "application.decided"} <= actions


def test_a_submitted_application_is_frozen(draft, owner_user):
    case_services.application_submit(actor=owner_user, application=draft)
    with pytest.raises(services.ApplicationError, match="kan inte ändras"):
        services.application_update(actor=owner_user, application=draft, data={"name": "Nytt"})
    with pytest.raises(services.ApplicationError):
        services.budget_save(actor=owner_user, application=draft, budget={"lines": []})
    version = draft.versions.get()
    assert version.snapshot["name"] == "Steg för steg"
    assert version.snapshot["budget"]["stated_total"] == "1220000"
    with pytest.raises(ValueError):
        version.save()


def test_a_change_after_return_makes_a_new_version_and_a_field_level_diff(
    draft, owner_user, kansli_user, login
):
    case_services.application_submit(actor=owner_user, application=draft)
    services.application_return(actor=kansli_user, application=draft, questions="Ålder?")
    services.application_update(actor=owner_user, application=draft,
                                data={"age_max": 30, "goals": [{"kind": "output",
                                                               "text": "70 deltagare per år."}]})
    case_services.application_resubmit(actor=owner_user, application=draft)
    first, second = ApplicationVersion.objects.filter(application=draft).order_by("number")
    assert first.snapshot["age_max"] == 29
    changes = {c.path: (c.old, c.new) for c in snapshot_diff(first.snapshot, second.snapshot)}
    assert changes["age_max"] == (29, 30)
    assert changes["goals[0].text"] == ("60 deltagare per år.", "70 deltagare per år.")
    assert changes["goals[0].target_value"] == ("60", None)
    assert "name" not in changes
    page = login("kansli").get(f"/ansokningar/{draft.pk}/versioner/2/").content.decode()
    assert "Ändringar sedan version 1" in page
    assert "Högsta ålder" in page and "<del>29</del>" in page and "<ins>30</ins>" in page


@pytest.mark.parametrize("step", ["resubmit", "start_preparation", "mark_decided"])
def test_a_step_out_of_order_is_refused_in_swedish(draft, owner_user, step):
    service = (case_services.application_resubmit if step == "resubmit"
               else getattr(services, f"application_{step}"))
    with pytest.raises(services.ApplicationError, match="medan ansökan är utkast"):
        service(actor=owner_user, application=draft)
    assert Application.objects.get(pk=draft.pk).status == Status.DRAFT


def test_an_incomplete_application_cannot_be_submitted(owner_user):
    application = services.application_create(actor=owner_user, owner="Knivsta kommun",
                                              name="Tom")
    with pytest.raises(services.ApplicationError, match="Fyll i innan ansökan skickas in"):
        case_services.application_submit(actor=owner_user, application=application)
    assert application.versions.count() == 0


def test_returning_needs_questions(draft, owner_user, kansli_user):
    case_services.application_submit(actor=owner_user, application=draft)
    with pytest.raises(services.ApplicationError):
        services.application_return(actor=kansli_user, application=draft, questions=" ")


def test_the_owner_submits_and_the_office_returns_and_prepares_through_the_pages(draft, login):
    owner, office = login("insatsansvarig"), login("kansli")
    page = owner.get(reverse("cases:application_submit", args=[draft.pk])).content.decode()
    assert "Kontrollerna hittade inget att anmärka på." in page
    response = owner.post(reverse("cases:application_submit", args=[draft.pk]))
    assert response.status_code == 302
    assert owner.get(f"/ansokningar/{draft.pk}/andra/").status_code == 403
    response = office.post(reverse("cases:application_return", args=[draft.pk]),
                           {"questions": "Beskriv målgruppen."})
    assert response.status_code == 302
    assert "Beskriv målgruppen." in owner.get(reverse("cases:application_submit", args=[draft.pk]))\
        .content.decode()
    owner.post(reverse("cases:application_submit", args=[draft.pk]))
    office.post(reverse("cases:application_prepare", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.status == Status.UNDER_PREPARATION
    # One path: the pages act on the application's case, which opened at submission.
    assert draft.case.status == "in_preparation"
    assert draft.case_number == draft.case.number


def test_the_diff_walks_nested_lists():
    old = {"budget": {"lines": [{"amounts": ["1", "0"]}]}, "methods": ["IPS"]}
    new = {"budget": {"lines": [{"amounts": ["2", "0"]}, {"amounts": ["5"]}]},
           "methods": ["IPS", "MI"]}
    changes = {c.path: (c.old, c.new) for c in snapshot_diff(old, new)}
    assert changes["budget.lines[0].amounts"] == (["1", "0"], ["2", "0"])
    assert changes["budget.lines[1]"] == (None, {"amounts": ["5"]})
    assert changes["methods"] == (["IPS"], ["IPS", "MI"])


def test_a_returned_application_waits_from_the_day_it_was_returned(draft, owner_user,
                                                                    kansli_user):
    """The reminder mails it once: the owner's later edits do not make it new again."""
    with time_machine.travel(datetime.datetime(2025, 3, 3, 9, tzinfo=datetime.UTC)):
        case_services.application_submit(actor=owner_user, application=draft)
        services.application_return(actor=kansli_user, application=draft, questions="Ålder?")
    with time_machine.travel(datetime.datetime(2025, 3, 10, 9, tzinfo=datetime.UTC)):
        services.application_update(actor=owner_user, application=draft, data={"age_max": 30})
    [item] = [i for i in waiting_items(owner_user) if i.title == draft.name]
    assert item.became_due_on == datetime.date(2025, 3, 3)
