"""The meeting's papers as one PDF: agenda, the working committee's minutes and the
proposals, then each application as an annex. Large (every application is rendered), so
the page asks for it as a background job (cases/tasks.py)."""

from django.template.loader import render_to_string

from insatsportal.applications.presentation import application_page
from insatsportal.applications.selectors import application_load
from insatsportal.cases import selectors
from insatsportal.cases.documents import meeting_papers
from insatsportal.core.documents import pdf_combine, render_html


def meeting_papers_filename(meeting) -> str:
    return f"handlingar-{meeting.body}-{meeting.date:%Y-%m-%d}.pdf"


def meeting_papers_pdf(meeting) -> bytes:
    items = list(meeting.items.all())
    papers = meeting_papers(meeting, items, selectors.committee_items(meeting, items))
    parts = [(render_html(papers), "core/document.css")]
    for item in items:
        if item.case.application_id:
            html = render_to_string("applications/print.html", {
                **application_page(application_load(item.case.application_id)),
                "for_pdf": True,
                "annex_label": f"Bilaga till § {item.paragraph}, {papers.title}",
            })
            parts.append((html, "applications/print.css"))
    return pdf_combine(parts)


def meeting_papers_request(*, actor, meeting):
    """Make the papers in the background; the job's page offers the PDF when it is ready."""
    from django.utils.translation import gettext as _

    from insatsportal.cases.tasks import meeting_papers_build
    from insatsportal.jobs.models import Job
    from insatsportal.jobs.services import job_start

    return job_start(actor=actor, kind=Job.Kind.MEETING_PAPERS,
                     title=_("Papers for %(meeting)s (PDF)") % {"meeting": meeting},
                     task=meeting_papers_build, params={"meeting": meeting.pk})
