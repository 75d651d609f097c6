"""A meeting's papers (one PDF, made as a background job) and its minutes (protokoll) as
Word and PDF."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST, require_safe

from insatsportal.accounts import policy
from insatsportal.cases import papers, selectors
from insatsportal.cases.documents import minutes_document
from insatsportal.core.decorators import require
from insatsportal.core.documents import render_docx, render_pdf
from insatsportal.organisations.selectors import association_current

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _attachment(content: bytes, mime: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@require(policy.can_view_case_preparation)
def meeting_papers_pdf(request, pk):
    """The papers at once, for scripts; the pages ask for them as a background job."""
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    return _attachment(papers.meeting_papers_pdf(meeting), "application/pdf",
                       papers.meeting_papers_filename(meeting))


@require_POST
@require(policy.can_view_case_preparation)
def meeting_papers_start(request, pk):
    meeting = selectors.meeting_get_for_user(user=request.user, pk=pk)
    job = papers.meeting_papers_request(actor=request.user, meeting=meeting)
    return redirect("jobs:detail", pk=job.pk)


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
