"""A meeting's papers (one PDF) and its minutes (protokoll) as Word and PDF."""

from django.http import Http404, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

from insatsportal.accounts import policy
from insatsportal.applications.presentation import application_page
from insatsportal.applications.selectors import application_load
from insatsportal.cases import selectors
from insatsportal.cases.documents import meeting_papers, minutes_document
from insatsportal.core.decorators import require
from insatsportal.core.documents import pdf_combine, render_docx, render_html, render_pdf
from insatsportal.organisations.selectors import association_current

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attachment(content: bytes, mime: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@require(policy.can_view_case_preparation)
def meeting_papers_pdf(request, pk):
    """Agenda, proposals and the committee's minutes, then each application as an annex."""
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    items = list(meeting.items.all())
    papers = meeting_papers(meeting, items, selectors.committee_items(meeting, items))
    parts = [(render_html(papers), "core/document.css")]
    for item in items:
        if item.case.application_id:
            html = render_to_string("applications/print.html", {
                **application_page(application_load(item.case.application_id)),
                "for_pdf": True,
                "annex_label": f"Bilaga till § {item.paragraph}, {papers.title}",
            }, request=request)
            parts.append((html, "applications/print.css"))
    return _attachment(pdf_combine(parts), "application/pdf",
                       f"handlingar-{meeting.body}-{meeting.date:%Y-%m-%d}.pdf")


@require_safe
@require(policy.can_view_case_preparation)
def meeting_minutes_download(request, pk, fmt):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    if fmt not in ("docx", "pdf"):
        raise Http404
    document = minutes_document(meeting, list(meeting.items.all()),
                                association_name=association_current().name)
    filename = f"protokoll-{meeting.body}-{meeting.date:%Y-%m-%d}.{fmt}"
    if fmt == "docx":
        return _attachment(render_docx(document), DOCX, filename)
    return _attachment(render_pdf(document), "application/pdf", filename)
