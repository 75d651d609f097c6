"""A draft until submitted; then its case's steps: received → (completion requested →)
in preparation → … → decided, one status and one history (the case's)."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from insatsportal.accounts.models import User
from insatsportal.applications import selectors, services
from insatsportal.applications.diff import snapshot_diff
from insatsportal.applications.models import Application, ApplicationVersion
from insatsportal.cases import services as case_services
from insatsportal.cases.models import Case
from insatsportal.cases.selectors import waiting_items
from insatsportal.core.audit import audit_history

Status = Application.Status
Step = Case.Status


def answer_all(owner, application, text="Svar."):
    from insatsportal.applications import completion

    application.refresh_from_db()
    completion.completion_answers_save(actor=owner, application=application, answers={
        q.pk: text for q in completion.open_questions(application)})


def _steps(application):
    return list(application.case.status_changes.order_by("at", "pk")
                .values_list("to_status", flat=True))


def _return(application, actor, questions):
    case_services.case_request_completion(case=application.case, actor=actor,
                                          questions=questions)
    application.refresh_from_db()


def test_the_whole_life_of_an_application(draft, owner_user, kansli_user):
    assert draft.status == Status.DRAFT and draft.is_editable
    case_services.application_submit(actor=owner_user, application=draft)
    assert draft.status == Status.SUBMITTED and not draft.is_editable
    _return(draft, kansli_user, "Komplettera budgeten per år.")
    assert draft.status == Status.RETURNED and draft.is_editable
    services.application_update(actor=owner_user, application=draft, data={"age_max": 30})
    answer_all(owner_user, draft)
    case_services.application_resubmit(actor=owner_user, application=draft)
    draft.refresh_from_db()
    # Submission opened a case; the resubmission returned to it, which goes on preparing.
    assert draft.status == Status.UNDER_PREPARATION
    assert draft.case_number == draft.case.number
    assert _steps(draft) == [Step.RECEIVED, Step.COMPLETION_REQUESTED, Step.IN_PREPARATION]
    assert draft.case.status_changes.get(to_status=Step.COMPLETION_REQUESTED).note == \
        "Komplettera budgeten per år."
    assert draft.versions.count() == 2
    actions = {entry.action for entry in audit_history(draft)}
    assert {"application.submitted", "application.returned",
            "application.resubmitted"} <= actions
    assert [c.get_to_status_display() for c in selectors.status_history(draft)] == [
        "Inkommet", "Komplettering begärd", "Under beredning"]


def test_the_application_list_filters_by_the_status_its_case_gives_it(draft, owner_user,
                                                                      kansli_user):
    def listed(status):
        return set(selectors.application_list(user=kansli_user, status=status)
                   .values_list("pk", flat=True))

    assert draft.pk in listed(Status.DRAFT)
    case_services.application_submit(actor=owner_user, application=draft)
    assert draft.pk in listed(Status.SUBMITTED) and draft.pk not in listed(Status.DRAFT)
    _return(draft, kansli_user, "Ålder?")
    assert draft.pk in listed(Status.RETURNED) and draft.pk not in listed(Status.SUBMITTED)


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
    _return(draft, kansli_user, "Ålder?")
    services.application_update(actor=owner_user, application=draft,
                                data={"age_max": 30, "goals": [{"kind": "output",
                                                               "text": "70 deltagare per år."}]})
    answer_all(owner_user, draft)
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


def test_a_step_out_of_order_is_refused_in_swedish(draft, owner_user):
    with pytest.raises(services.ApplicationError, match="medan ansökan är utkast"):
        case_services.application_resubmit(actor=owner_user, application=draft)
    case_services.application_submit(actor=owner_user, application=draft)
    with pytest.raises(services.ApplicationError, match="medan ansökan är inskickad"):
        case_services.application_submit(actor=owner_user, application=draft)
    assert Application.objects.get(pk=draft.pk).versions.count() == 1


def test_an_incomplete_application_cannot_be_submitted(owner_user):
    application = services.application_create(actor=owner_user, owner="Knivsta kommun",
                                              name="Tom")
    with pytest.raises(services.ApplicationError, match="Fyll i innan ansökan skickas in"):
        case_services.application_submit(actor=owner_user, application=application)
    assert application.versions.count() == 0


def test_returning_needs_questions(draft, owner_user, kansli_user):
    case_services.application_submit(actor=owner_user, application=draft)
    with pytest.raises(case_services.CaseError):
        _return(draft, kansli_user, " ")


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
    answer_all(User.objects.get(username="insatsansvarig"), draft, "Unga 18–29 år.")
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
    assert changes["budget.lines[0].amounts[0]"] == ("1", "2")
    assert "budget.lines[0].amounts[1]" not in changes
    assert changes["budget.lines[1]"] == (None, {"amounts": ["5"]})
    assert changes["methods"] == (["IPS"], ["IPS", "MI"])


def test_a_returned_application_waits_from_the_day_it_was_returned(draft, owner_user,
                                                                    kansli_user):
    """The reminder mails it once: the owner's later edits do not make it new again."""
    with time_machine.travel(datetime.datetime(2025, 3, 3, 9, tzinfo=datetime.UTC)):
        case_services.application_submit(actor=owner_user, application=draft)
        _return(draft, kansli_user, "Ålder?")
    with time_machine.travel(datetime.datetime(2025, 3, 10, 9, tzinfo=datetime.UTC)):
        services.application_update(actor=owner_user, application=draft, data={"age_max": 30})
    [item] = [i for i in waiting_items(owner_user) if i.title == draft.name]
    assert item.became_due_on == datetime.date(2025, 3, 3)
