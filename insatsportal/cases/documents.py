"""The proposal and a meeting's papers as documents (Word and PDF)."""

from insatsportal.cases.models.meeting import Body
from insatsportal.core.documents import Document

# Fixed wording of the seeds' proposals.
PROPOSES = {
    Body.WORKING_COMMITTEE: "Arbetsutskottet föreslår förbundsstyrelsen besluta",
    Body.BOARD: "Förbundsstyrelsen föreslås besluta",
}


def proposal_document(proposal, document: Document | None = None) -> Document:
    case = proposal.case
    document = document or Document(title=proposal.title, reference=f"Dnr {case.number}")
    if document.title != proposal.title:
        document.heading(proposal.title, level=2)
    document.heading("Förslag till beslut")
    document.heading(PROPOSES[proposal.proposer], level=3)
    for clause in proposal.clauses:
        document.paragraph(clause, lead="att")
    document.heading("Ärendet")
    document.heading("Ansökan", level=3)
    for paragraph in proposal.matter.split("\n\n"):
        document.paragraph(paragraph)
    document.heading("Bedömning")
    for paragraph in proposal.assessment.split("\n\n"):
        document.paragraph(paragraph)
    document.paragraph(f"{proposal.signer_name}, {proposal.signer_title}")
    return document


def meeting_papers(meeting, items) -> Document:
    """All proposals on a meeting's agenda, in paragraph order, as one document."""
    document = Document(title=f"Handlingar {meeting}", reference=str(meeting))
    for item in items:
        proposal = getattr(item.case, "proposal", None)
        document.heading(f"§ {item.paragraph} {item.case.number} {item.case.title}", level=2)
        if proposal is None:
            document.paragraph("Förslag till beslut saknas.")
        else:
            proposal_document(proposal, document)
    return document
