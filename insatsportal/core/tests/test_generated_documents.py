"""Every document the system generates, rendered through its own page and checked:
title, language, tags, and every budget column on the page."""

import datetime
import inspect

import pytest
from django.urls import reverse

from insatsportal.applications.budget import OWNER_LABELS
from insatsportal.applications.models import Application
from insatsportal.cases.models import Case, Meeting
from insatsportal.cases.models.meeting import Body
from insatsportal.core.tests.documents import docx_checked, docx_text, pdf_checked
from insatsportal.interventions.models import Intervention

BUDGET_COLUMNS = ["Kostnader", "Period", *map(str, OWNER_LABELS), "Alla insatsägare"]


def _board_meeting():
    return Meeting.objects.get(body=Body.BOARD, date=datetime.date(2022, 9, 22))


def _quarterly(fmt):
    from insatsportal.reports.models import QuarterlyReport

    intervention = Intervention.objects.get(name="En väg in – steget vidare")
    QuarterlyReport.objects.get_or_create(intervention=intervention, year=2024, quarter=4)
    return reverse("reports:quarterly_download", kwargs={
        "pk": intervention.pk, "year": 2024, "quarter": 4, "fmt": fmt})


def _proposal(fmt):
    case = Case.objects.get(title="En väg in – steget vidare")
    return reverse("cases:proposal_download", kwargs={"pk": case.pk, "fmt": fmt})


PROPOSAL_TITLE = "Förslag till beslut: Ansökan En väg in – steget vidare"
MINUTES_TITLE = "Protokoll: Förbundsstyrelsen 22 september 2022"
QUARTERLY_TITLE = "Kvartalsrapport 2024 kv4: En väg in – steget vidare"
QUARTERLY_TEXTS = ["Deltagare", "Kostnader mot budget", "Budgetpost", "Budget (plan)",
                   "Utbetalt (godkänt)"]

# (URL name, how to build the URL, format, title, texts that must be in it)
DOCUMENTS = [
    ("cases:proposal_download", lambda: _proposal("pdf"), "pdf", PROPOSAL_TITLE,
     ["Förslag till beslut", "Arbetsutskottet föreslår förbundsstyrelsen besluta"]),
    ("cases:proposal_download", lambda: _proposal("docx"), "docx", PROPOSAL_TITLE,
     ["Förslag till beslut", "Arbetsutskottet föreslår förbundsstyrelsen besluta"]),
    ("cases:meeting_minutes",
     lambda: reverse("cases:meeting_minutes", args=[_board_meeting().pk, "pdf"]), "pdf",
     MINUTES_TITLE, ["Protokollet justerades den 29 september 2022", "laga kraft",
                     "senast den 21 oktober 2022"]),
    ("cases:meeting_minutes",
     lambda: reverse("cases:meeting_minutes", args=[_board_meeting().pk, "docx"]), "docx",
     MINUTES_TITLE, ["Protokollet justerades den 29 september 2022", "laga kraft",
                     "senast den 21 oktober 2022"]),
    ("cases:meeting_papers",
     lambda: reverse("cases:meeting_papers", args=[_board_meeting().pk]), "pdf",
     "Handlingar till förbundsstyrelsens sammanträde 22 september 2022",
     ["Föredragningslista", "Förslag till beslut", "Bilaga till § 1", *BUDGET_COLUMNS]),
    ("applications:pdf",
     lambda: reverse("applications:pdf", args=[
         Application.objects.get(name="Jobbcentrum – din väg framåt").pk]), "pdf",
     "Ansökan: Jobbcentrum – din väg framåt", BUDGET_COLUMNS),
    ("reports:quarterly_download", lambda: _quarterly("pdf"), "pdf", QUARTERLY_TITLE,
     QUARTERLY_TEXTS),
    ("reports:quarterly_download", lambda: _quarterly("docx"), "docx", QUARTERLY_TITLE,
     QUARTERLY_TEXTS),
]


@pytest.mark.parametrize(("name", "url", "fmt", "title", "texts"), DOCUMENTS,
                         ids=[f"{d[0]}.{d[2]}" for d in DOCUMENTS])
def test_each_generated_document_is_titled_swedish_tagged_and_whole(
    login, demo, name, url, fmt, title, texts
):
    response = login("kansli").get(url())
    assert response.status_code == 200
    if fmt == "pdf":
        text = pdf_checked(response.content, title=title)
    else:
        text = docx_text(docx_checked(response.content, title=title))
    missing = [t for t in texts if t not in text]
    assert missing == []


def _views(patterns=None, namespace=""):
    from django.urls import URLPattern, URLResolver, get_resolver

    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and entry.namespace != "admin":
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _views(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", entry.callback


def test_every_view_that_renders_a_document_is_checked_above():
    """A new download that renders a PDF or Word file must join DOCUMENTS."""
    renderers = ("render_pdf(", "render_docx(", "html_to_pdf(", "pdf_combine(",
                 "papers.meeting_papers_pdf(")
    rendering = {name for name, view in _views()
                 if any(r in inspect.getsource(inspect.unwrap(view)) for r in renderers)}
    assert "cases:meeting_papers" in rendering
    assert rendering - {document[0] for document in DOCUMENTS} == set()
