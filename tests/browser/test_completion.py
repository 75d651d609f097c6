"""A komplettering in the browser: the office asks beside the LOKUS section, the owner answers
there and resubmits, and the saved LOKUS "Ja" survives (it used to be cleared by every save)."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def _anchored_and_submitted():
    from insatsportal.accounts.models import User
    from insatsportal.applications import services
    from insatsportal.applications.tests.conftest import complete_data
    from insatsportal.cases import services as case_services
    from insatsportal.organisations.models import LocalGroup

    owner = User.objects.get(username="insatsansvarig")
    application = services.application_create_from_data(actor=owner, data=complete_data(
        name="Förankrad i Knivsta", anchoring_discussed=True,
        anchoring_group=LocalGroup.objects.get(kommun__name="Knivsta kommun").name,
        anchoring_dates=["2024-03-01"], anchoring_text="Diskuterad på mötet i mars."))
    case_services.application_submit(actor=owner, application=application)
    return application


@pytest.mark.django_db(transaction=True)
def test_the_lokus_answer_survives_a_komplettering(sign_in):
    from insatsportal.applications.models import Application
    from insatsportal.cases.selectors import case_checklist, case_draft

    application = _anchored_and_submitted()
    page = sign_in("kansli")
    page.goto(f"/ansokningar/{application.pk}/")
    page.get_by_role("link", name="Återsänd för komplettering").click()
    page.get_by_label("Förankring", exact=True).fill("Vilket datum diskuterades ansökan?")
    page.get_by_role("button", name="Återsänd till insatsägaren").click()
    expect(page.get_by_text("Ansökan återsändes till insatsägaren.")).to_be_visible()
    page.get_by_role("button", name="Logga ut").click()

    page = sign_in("insatsansvarig")
    page.goto(f"/ansokningar/{application.pk}/andra/")
    anchoring = page.locator("#s-anchoring")
    expect(anchoring.get_by_role("radio", name="Ja")).to_be_checked()
    expect(anchoring.get_by_text("Vilket datum diskuterades ansökan?")).to_be_visible()
    anchoring.get_by_label("Ert svar").fill("Den 1 mars 2024, se datumen.")
    page.get_by_role("button", name="Spara", exact=True).last.click()
    expect(page.get_by_text("Ansökan sparades.")).to_be_visible()
    expect(page.locator("#s-anchoring").get_by_role("radio", name="Ja")).to_be_checked()
    page.goto(reverse("cases:application_submit", args=[application.pk]))
    page.get_by_role("button", name="Skicka in ansökan på nytt").click()
    expect(page.get_by_text("Ansökan skickades in till förbundet.")).to_be_visible()

    application = Application.objects.get(pk=application.pk)
    assert application.anchoring_discussed is True
    case = application.case
    [item] = [i for i in case_checklist(case) if i.key == "anchoring"]
    assert item.status != "problem", item.reason
    assert "Ansökan har diskuterats i" in case_draft(case).assessment

    # The owner sees the case too (the office's view of it is tested without a browser).
    page.goto(f"/arenden/{case.pk}/")
    conversation = page.get_by_role("region", name="Komplettering: frågor och svar")
    expect(conversation).to_contain_text("Vilket datum diskuterades ansökan?")
    expect(conversation).to_contain_text("Den 1 mars 2024, se datumen.")
