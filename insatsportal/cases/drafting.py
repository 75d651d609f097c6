"""The decision proposal (tjänsteskrivelse) drafted from the application and the checklist.

The wording is Swedish document text and lives in templates/cases/proposal/*.txt;
this module gathers the facts those templates need.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.module_loading import import_string

from insatsportal.cases.checklist import (
    OK,
    anchoring_when,
    directions_missing,
    priority_match,
)
from insatsportal.cases.models.meeting import Body
from insatsportal.core.swedish import date_long, join_names, kronor_text


@dataclass(frozen=True)
class Draft:
    proposer: str
    title: str
    clauses: list[str]
    matter: str
    assessment: str
    signer_name: str
    signer_title: str


def _paragraphs(template: str, context: dict) -> str:
    """Render a text template; blank lines separate paragraphs, other line breaks are joined."""
    text = render_to_string(template, context)
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n")]
    return "\n\n".join(p for p in paragraphs if p)


def _staffing(application) -> str:
    lines = [f"{line.percent.normalize():f} % {line.title.lower()}"
             for line in application.staffing.all()
             if line.funding == "association"]
    return join_names(lines)


def _added_paragraphs(application) -> list[str]:
    """The paragraphs of settings.PROPOSAL_PARAGRAPHS that have something to say."""
    texts = (import_string(path)(application=application)
             for path in settings.PROPOSAL_PARAGRAPHS)
    return [text for text in texts if text]


def proposal_draft(*, application, association, checklist, directions, amount, period_start,
                   period_end, proposer=Body.WORKING_COMMITTEE,
                   years_beyond_decided=()) -> Draft:
    """Draft the proposal. The text is Swedish whatever the user's interface language.

    `years_beyond_decided`: years of the period whose contributions the members have not
    yet decided; then the grant is conditional on the förbund receiving them (seed 003).
    """
    goals = list(application.goals.all())
    items = {item.key: item for item in checklist}
    direction, priority_groups = priority_match(application, directions)
    context = {
        "application": application,
        "name": application.name,
        "owner": application.owner.name,
        "partners": join_names([p.member.name for p in application.partners.all()]),
        "period": f"{date_long(period_start)} till {date_long(period_end)}",
        "applied_period": (
            f"{date_long(application.planned_start)} till {date_long(application.planned_end)}"
            if application.planned_start and application.planned_end else ""
        ),
        "amount": kronor_text(amount),
        "is_extension": application.continuation_kind != "new",
        "predecessor": application.continues or application.predecessor_name,
        "overall_goals": [g.text for g in goals if g.kind == "overall"],
        "measurable_goals": [g.text for g in goals if g.target_kind],
        "staffing": _staffing(application),
        "methods": join_names([m.name for m in application.methods.all()]),
        "orientation_individual": True,
        "anchoring_ok": items["anchoring"].status == OK,
        "anchoring_group": application.anchoring_group,
        "anchoring_when": anchoring_when(application),
        "direction": direction,
        "priority_groups": join_names(priority_groups),
        "directions_missing": join_names([str(y) for y in directions_missing(application,
                                                                             directions)]),
        "goals_ok": items["goals"].status == OK,
        "beyond_decided": bool(years_beyond_decided),
    }
    clauses = [
        line.strip()
        for line in render_to_string("cases/proposal/clauses.txt", context).splitlines()
        if line.strip()
    ]
    return Draft(
        proposer=proposer,
        title=f"Ansökan {application.name}",
        clauses=clauses,
        matter=_paragraphs("cases/proposal/matter.txt", context),
        assessment="\n\n".join([_paragraphs("cases/proposal/assessment.txt", context),
                                  *_added_paragraphs(application)]),
        signer_name=association.director_name,
        signer_title=association.director_title,
    )
