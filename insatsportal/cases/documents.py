"""The proposal, a meeting's papers and its minutes (protokoll) as documents.

The text is Swedish document language whatever the user's interface language, as in the
seeds; the legal wording of justering, posting and appeal follows 13 kap. kommunallagen.
"""

from insatsportal.cases.models import Decision
from insatsportal.cases.models.meeting import Body
from insatsportal.core.documents import Document
from insatsportal.core.swedish import date_long, kronor_text, period_long

# Fixed wording of the seeds' proposals.
PROPOSES = {
    Body.WORKING_COMMITTEE: "Arbetsutskottet föreslår förbundsstyrelsen besluta",
    Body.BOARD: "Förbundsstyrelsen föreslås besluta",
}
BODY_NAMES = {Body.WORKING_COMMITTEE: "Arbetsutskottet", Body.BOARD: "Förbundsstyrelsen"}
PROPOSAL_KIND = "Förslag till beslut"


def meeting_name(meeting) -> str:
    """"Förbundsstyrelsen 22 september 2022"."""
    return f"{BODY_NAMES[meeting.body]} {date_long(meeting.date)}"


def proposal_document(proposal, document: Document | None = None) -> Document:
    case = proposal.case
    document = document or Document(title=proposal.title, reference=f"Dnr {case.number}",
                                    kind=PROPOSAL_KIND)
    if document.title != proposal.title:
        document.heading(proposal.title, level=3)
    document.heading(PROPOSAL_KIND)
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


def _committee_minute(document: Document, item) -> None:
    """The working committee's paragraph on the case, as an extract of its minutes."""
    meeting = item.meeting
    document.heading(f"Utdrag ur arbetsutskottets protokoll {date_long(meeting.date)} "
                     f"§ {item.paragraph}", level=3)
    document.paragraph(item.minutes or "Paragrafen har ingen protokollstext.")
    document.paragraph(
        f"Protokollet justerades den {date_long(meeting.minutes_approved_on)}."
        if meeting.is_approved else "Arbetsutskottets protokoll är ännu inte justerat."
    )


def meeting_papers(meeting, items, committee_items: dict) -> Document:
    """The agenda, then each paragraph's proposal and the working committee's minute.

    The applications follow as annexes (cases.views.meeting_documents)."""
    body = BODY_NAMES[meeting.body].lower()
    document = Document(title=f"Handlingar till {body}s sammanträde {date_long(meeting.date)}",
                        reference=str(meeting))
    document.heading("Föredragningslista")
    document.table(
        ["§", "Ärende", "Föreslaget belopp", "Bilagor"],
        [[f"§\xa0{item.paragraph}", f"{item.case.number} {item.case.title}",
          _proposed_amount(item), _annexes(item, committee_items)] for item in items],
        numeric={2},
    )
    if not items:
        document.paragraph("Inga ärenden är uppsatta på föredragningslistan.")
    for item in items:
        proposal = getattr(item.case, "proposal", None)
        document.heading(f"§ {item.paragraph} {item.case.number} {item.case.title}")
        committee = committee_items.get(item.case_id)
        if committee is not None and committee.meeting_id != meeting.pk:
            _committee_minute(document, committee)
        if proposal is None:
            document.paragraph("Förslag till beslut saknas.")
        else:
            proposal_document(proposal, document)
        if item.case.application_id:
            document.paragraph(f"Bilaga: ansökan {item.case.application.name} "
                               f"(bilaga till § {item.paragraph}, sist i handlingarna).")
    return document


def _proposed_amount(item) -> str:
    proposal = getattr(item.case, "proposal", None)
    return kronor_text(proposal.amount) if proposal else "–"


def _annexes(item, committee_items) -> str:
    names = []
    if getattr(item.case, "proposal", None):
        names.append("förslag till beslut")
    committee = committee_items.get(item.case_id)
    if committee is not None and committee.meeting_id != item.meeting_id:
        names.append(f"arbetsutskottets protokoll § {committee.paragraph}")
    if item.case.application_id:
        names.append("ansökan")
    return ", ".join(names) or "–"


def decision_clause(decision: Decision) -> str:
    """The decision as an att-clause of the minutes (without the word att)."""
    case = decision.case
    owner = case.application.owner.name if case.application_id else (
        case.intervention.owner.name if case.intervention_id else "")
    if decision.grants_money:
        clause = (f"bevilja {owner} finansiellt stöd för insatsen {case.title} för perioden "
                  f"{period_long(decision.period_start, decision.period_end)}, maximalt "
                  f"{kronor_text(decision.amount)}")
        if decision.outcome == Decision.Outcome.PARTLY_GRANTED:
            clause += " (delvis bifall)"
        return clause
    if decision.outcome == Decision.Outcome.REJECTED:
        return f"avslå ansökan om finansiellt stöd för insatsen {case.title}"
    return "återremittera ärendet för fortsatt beredning"


def _paragraph(document: Document, meeting, item) -> None:
    """One paragraph from what justering fixes: its minutes and the decision under it."""
    document.heading(f"§ {item.paragraph} {item.case.title}")
    document.paragraph(f"Dnr {item.case.number}")
    if item.corrects_id:
        corrected = item.corrects
        document.paragraph(f"Rättelse av § {corrected.paragraph} i protokollet från "
                           f"{meeting_name(corrected.meeting).lower()}, justerat den "
                           f"{date_long(corrected.meeting.minutes_approved_on)}.")
    for text in filter(None, item.minutes.split("\n\n")):
        document.paragraph(text)
    decision = getattr(item, "decision", None)
    if meeting.decides and decision is not None:
        document.heading("Beslut", level=3)
        document.paragraph("Förbundsstyrelsen beslutar")
        document.paragraph(decision_clause(decision), lead="att")
        if decision.conditions:
            document.paragraph(decision.conditions, lead="Villkor:")


def _justering(document: Document, meeting) -> None:
    document.heading("Justering")
    if meeting.is_approved:
        # Minutes justered on paper (imported) may not name their justerare.
        by = f" av justerare {meeting.adjuster}" if meeting.adjuster else ""
        document.paragraph(f"Protokollet justerades den "
                           f"{date_long(meeting.minutes_approved_on)}{by}.")
    else:
        document.paragraph(f"Protokollet är inte justerat. Justerare: "
                           f"{meeting.adjuster or 'inte utsedd'}.")
    for role, name in (("Sekreterare", meeting.secretary), ("Ordförande", meeting.chair),
                       ("Justerare", meeting.adjuster)):
        document.paragraph(f"{name or '–'}", lead=f"{role}:")


def _posting(document: Document, meeting) -> None:
    """Anslag and appeal: legal force only once the appeal period has passed."""
    if not meeting.decides:
        document.heading("Arbetsutskottets förslag")
        document.paragraph(
            "Arbetsutskottet bereder ärendena åt förbundsstyrelsen. Paragraferna i detta "
            "protokoll är förslag; de är inte beslut i ärendena och vinner inte laga kraft. "
            "Besluten fattas av förbundsstyrelsen.")
        return
    document.heading("Anslag och överklagande")
    if meeting.posted_on is not None:
        document.paragraph(
            f"Tillkännagivandet om att protokollet har justerats anslogs på förbundets "
            f"anslagstavla den {date_long(meeting.posted_on)}.")
        document.paragraph(
            "Förbundsstyrelsens beslut kan överklagas genom laglighetsprövning enligt 13 kap. "
            "kommunallagen (2017:725). Överklagandet ska ha kommit in till förvaltningsrätten "
            "inom tre veckor från den dag då tillkännagivandet anslogs, det vill säga senast "
            f"den {date_long(meeting.appeal_ends_on)}. Ett beslut som inte har överklagats "
            "inom den tiden vinner laga kraft.")
    elif meeting.is_approved:
        document.paragraph(
            "Protokollet är justerat men tillkännagivandet om justeringen är ännu inte anslaget "
            "på förbundets anslagstavla. Tiden för överklagande, tre veckor enligt 13 kap. "
            "kommunallagen (2017:725), räknas från den dag då tillkännagivandet anslås. "
            "Besluten vinner laga kraft först när den tiden har gått ut utan att de har "
            "överklagats.")
    else:
        document.paragraph(
            "Protokollet är inte justerat. När det har justerats anslås ett tillkännagivande "
            "om justeringen på förbundets anslagstavla, och besluten vinner laga kraft först "
            "när tiden för överklagande, tre veckor från anslaget, har gått ut utan att de har "
            "överklagats.")


def minutes_document(meeting, items, *, association_name: str) -> Document:
    """The protokoll of a meeting: who was there, each paragraph, justering and anslag."""
    kind = "Protokoll" if meeting.is_approved else "Protokoll (ej justerat)"
    document = Document(title=meeting_name(meeting), kind=kind,
                        reference=f"{association_name} · {kind}")
    document.paragraph(f"{date_long(meeting.date)}"
                       + (f", {meeting.place}" if meeting.place else ""), lead="Plats och tid:")
    document.paragraph("\n".join(meeting.present_names) or "–", lead="Närvarande ledamöter:")
    for item in items:
        _paragraph(document, meeting, item)
    if not items:
        document.paragraph("Mötet har inga paragrafer.")
    _justering(document, meeting)
    _posting(document, meeting)
    return document
