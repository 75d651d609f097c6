"""Komplettering as a conversation; the LOKUS answer survives it; the diff speaks Swedish."""

import re

import pytest
from django.urls import reverse

from insatsportal.applications import completion, services
from insatsportal.applications.models import Application, CompletionQuestion
from insatsportal.applications.tests.conftest import complete_data
from insatsportal.cases import selectors as case_selectors
from insatsportal.cases import services as case_services
from insatsportal.core.money import format_kr
from insatsportal.organisations.models import LocalGroup

pytestmark = pytest.mark.django_db


@pytest.fixture
def anchored(owner_user):
    """A submitted application that was discussed ("Ja") in a LOKUS group."""
    group = LocalGroup.objects.get(kommun__name="Knivsta kommun")
    application = services.application_create_from_data(actor=owner_user, data=complete_data(
        anchoring_discussed=True, anchoring_group=group.name,
        anchoring_dates=["2024-03-01"], anchoring_text="På mötet i mars."))
    case_services.application_submit(actor=owner_user, application=application)
    return application


def _section(page: str, section_id: str) -> str:
    """The HTML of one section (a foldable <details id=...>) of the edit form."""
    match = re.search(rf'<(section|details)[^>]* id="{section_id}".*?</\1>', page, re.S)
    assert match, section_id
    return match.group(0)


def _return(login, application):
    return login("kansli").post(reverse("cases:application_return", args=[application.pk]), {
        "q_anchoring": "Vilken LOKUS-grupp och när?",
        "q_budget": "Lönerna per år stämmer inte.",
        "questions": "Bifoga underskrifterna.",
    })


def test_it_renders_a_saved_yes_on_the_lokus_question_as_selected(anchored, login, kansli_user):
    case_services.case_request_completion(actor=kansli_user, case=anchored.case, questions="Ålder?")
    page = login("insatsansvarig").get(f"/ansokningar/{anchored.pk}/andra/").content.decode()
    [checked] = re.findall(r'<input[^>]*name="anchoring_discussed"[^>]*checked[^>]*>', page)
    assert 'value="true"' in checked


def test_the_office_asks_per_section_and_each_question_stands_beside_its_section(
        anchored, login):
    assert _return(login, anchored).status_code == 302
    anchored.refresh_from_db()
    assert anchored.status == Application.Status.RETURNED
    asked = {q.section: q.question for q in anchored.completion_questions.all()}
    assert asked == {"general": "Bifoga underskrifterna.",
                     "anchoring": "Vilken LOKUS-grupp och när?",
                     "budget": "Lönerna per år stämmer inte."}
    page = login("insatsansvarig").get(f"/ansokningar/{anchored.pk}/andra/").content.decode()
    assert "Vilken LOKUS-grupp och när?" in _section(page, "s-anchoring")
    assert "Vilken LOKUS-grupp och när?" not in _section(page, "s-purpose")
    assert "Lönerna per år stämmer inte." in _section(page, "s-questions")


def test_the_owner_answers_each_question_and_only_then_resubmits(anchored, login):
    _return(login, anchored)
    owner = login("insatsansvarig")
    refused = owner.post(reverse("cases:application_submit", args=[anchored.pk]), follow=True)
    assert "Besvara kansliets alla frågor" in refused.content.decode()
    assert Application.objects.get(pk=anchored.pk).status == Application.Status.RETURNED

    page = owner.get(f"/ansokningar/{anchored.pk}/andra/")
    from insatsportal.core.tests.formparse import parse_forms

    [form] = [f for f in parse_forms(page.content.decode()) if f.method == "post" and not f.action]
    data = form.submission()
    for question in anchored.completion_questions.all():
        data[f"answer-{question.pk}"] = [f"Svar på {question.section}"]
    assert owner.post(f"/ansokningar/{anchored.pk}/andra/", data).status_code == 302
    answers = {q.section: q.answer for q in CompletionQuestion.objects.filter(
        application=anchored)}
    assert answers["anchoring"] == "Svar på anchoring"
    assert owner.post(reverse("cases:application_submit", args=[anchored.pk])).status_code == 302
    anchored.refresh_from_db()
    assert anchored.status == Application.Status.UNDER_PREPARATION
    # The answers did not touch the LOKUS answer: it survives the komplettering.
    assert anchored.anchoring_discussed is True
    case_page = login("kansli").get(f"/arenden/{anchored.case.pk}/").content.decode()
    assert "Vilken LOKUS-grupp och när?" in case_page and "Svar på anchoring" in case_page


def test_after_a_komplettering_the_checklist_and_the_proposal_say_it_was_anchored(
        anchored, login, owner_user, kansli_user):
    case = anchored.case
    case_services.case_start_preparation(case=case, actor=kansli_user)
    case_services.case_request_completion(case=case, questions=[("budget", "Rätta lönerna.")],
                                          actor=kansli_user)
    owner = login("insatsansvarig")
    from insatsportal.core.tests.formparse import parse_forms

    page = owner.get(f"/ansokningar/{anchored.pk}/andra/").content.decode()
    [form] = [f for f in parse_forms(page) if f.method == "post" and not f.action]
    data = {name: [v.replace("\n", "\r\n") for v in values]
            for name, values in form.submission().items()}
    question = anchored.completion_questions.get()
    data[f"answer-{question.pk}"] = ["Lönerna är rättade."]
    assert owner.post(f"/ansokningar/{anchored.pk}/andra/", data).status_code == 302
    assert owner.post(reverse("cases:application_submit", args=[anchored.pk])).status_code == 302
    application = Application.objects.get(pk=anchored.pk)
    assert application.anchoring_discussed is True
    case.refresh_from_db()
    [item] = [i for i in case_selectors.case_checklist(case) if i.key == "anchoring"]
    assert item.status != "problem", item
    draft = case_selectors.case_draft(case)
    assert "Det framgår inte av ansökan att den har förankrats" not in draft.assessment
    assert "Ansökan har diskuterats i" in draft.assessment


def test_a_recommendation_to_complete_asks_one_general_question(anchored, kansli_user):
    case = anchored.case
    case_services.case_start_preparation(case=case, actor=kansli_user)
    case_services.recommendation_record(case=case, outcome="complete", motivation="Oklart.",
                                        questions="Rätta perioden.", actor=kansli_user)
    [question] = completion.open_questions(Application.objects.get(pk=anchored.pk))
    assert (question.section, question.question) == ("general", "Rätta perioden.")


def test_returning_with_every_question_empty_is_refused_and_keeps_nothing(anchored, login):
    response = login("kansli").post(reverse("cases:application_return", args=[anchored.pk]),
                                    {"questions": " ", "q_budget": ""})
    assert response.status_code == 200
    assert "Skriv vad insatsägaren behöver komplettera" in response.content.decode()
    assert not CompletionQuestion.objects.filter(application=anchored).exists()


def test_the_version_diff_speaks_swedish(anchored, login, owner_user, kansli_user):
    case_services.case_request_completion(actor=kansli_user, case=anchored.case, questions="Ålder?")
    budget = complete_data()["budget"]
    budget["lines"][1]["amounts"] = ["25000"]
    services.application_update(actor=owner_user, application=anchored, data={
        "anchoring_discussed": False, "anchoring_dates": ["2024-03-01", "2024-04-12"],
        "goals": complete_data()["goals"] + [{"kind": "output", "text": "Tio i arbete.",
                                               "target_kind": "", "target_value": None}]})
    services.budget_save(actor=owner_user, application=anchored, budget=budget)
    completion.completion_answers_save(actor=owner_user, application=anchored, answers={
        q.pk: "18–30 år." for q in completion.open_questions(anchored)})
    case_services.application_resubmit(actor=owner_user, application=anchored)
    page = login("kansli").get(f"/ansokningar/{anchored.pk}/versioner/2/").content.decode()
    assert "Diskuterad i lokal utvecklingsgrupp" in page
    assert "<del>Ja</del>" in page and "<ins>Nej</ins>" in page
    assert "2024-03-01, 2024-04-12" in page
    assert "Mål, rad 2" in page and "Tio i arbete." in page
    assert "Budget, rad 2 (Resor), Huvudinsatsägare" in page
    assert f"<del>{format_kr(20000)}</del>" in page and f"<ins>{format_kr(25000)}</ins>" in page
    for raw in ("{&#x27;", "anchoring_discussed", "amounts", "[&#x27;", "True", "goals["):
        assert raw not in page, raw
