"""The drafted proposal for an extension carries the estimate of the latest period."""

import pytest

from insatsportal.applications.models import Application
from insatsportal.participants.tests import factories as f
from insatsportal.socioeconomics.proposal import extension_paragraph
from insatsportal.socioeconomics.tests.test_pages import register

pytestmark = pytest.mark.django_db


def extension():
    """An application that continues the demo intervention (an ordinary draft)."""
    application = Application.objects.filter(intervention__name=f.INTERVENTION).first()
    application.pk = None
    application.continues = f.intervention()
    return application


def test_the_extension_proposal_gives_the_figures_of_the_latest_period(demo):
    register(5)
    text = extension_paragraph(application=extension())
    # Five people from försörjningsstöd (9 500) and a-kassa (15 000) to no support:
    # 5 × 24 500 × 12 months × 50 % assumed persistence = 735 000 kr.
    assert "bygger på 5 utskrivna deltagare" in text
    assert "minska med 735\xa0000\xa0kr under 12 månader" in text
    assert "kommunen 285\xa0000\xa0kr" in text and "staten i övrigt 450\xa0000\xa0kr" in text
    assert "antagen, eftersom färre än fem har följts upp" in text


def test_too_few_people_are_said_plainly(demo):
    register(2)
    assert "kan inte göras ännu" in extension_paragraph(application=extension())


def test_a_new_application_gets_no_paragraph(demo):
    application = extension()
    application.continues = None
    assert extension_paragraph(application=application) == ""


def test_the_case_draft_puts_the_paragraph_in_the_assessment(demo):
    from insatsportal.cases import drafting

    register(5)
    application = Application.objects.filter(intervention__name=f.INTERVENTION).first()
    application.continues = f.intervention()
    application.save(update_fields=["continues"])
    assert "minska med 735\xa0000\xa0kr" in "\n".join(drafting._added_paragraphs(application))
