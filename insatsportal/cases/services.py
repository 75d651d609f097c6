"""Writes of the case flow: open, prepare, recommend, propose, place on a meeting, decide."""

import datetime

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.applications import services as application_services
from insatsportal.applications.models import Application
from insatsportal.cases.models import (
    AgendaItem,
    Case,
    CaseNumberSequence,
    CaseStatusChange,
    ChecklistNote,
    Decision,
    DecisionProposal,
    Grant,
    Meeting,
    Recommendation,
)
from insatsportal.core.audit import log_action
from insatsportal.interventions import services as intervention_services
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.selectors import association_current


class CaseError(Exception):
    """A step that cannot be taken; the message is shown to the user."""


def _set_status(case: Case, status: str, *, actor, note: str = "") -> None:
    CaseStatusChange.objects.create(
        case=case, from_status=case.status, to_status=status, actor=actor, note=note
    )
    case.status = status
    case.save(update_fields=["status"])


def case_number_next(*, year: int) -> str:
    """The next case number of the year, in the förbund's format. Call inside a transaction."""
    sequence, _created = CaseNumberSequence.objects.select_for_update().get_or_create(year=year)
    sequence.last += 1
    sequence.save(update_fields=["last"])
    return association_current().case_number_format.format(year=year, seq=sequence.last)


@transaction.atomic
def case_open(*, application: Application, actor, number: str = "") -> Case:
    """Open the case of a submitted application; a resubmission returns to the same case."""
    existing = Case.objects.filter(application=application).first()
    if existing is not None:
        if existing.status == Case.Status.COMPLETION_REQUESTED:
            application_services.application_start_preparation(
                application=application, actor=actor
            )
            _set_status(existing, Case.Status.IN_PREPARATION, actor=actor,
                        note=_("The applicant has sent in a completed application."))
            log_action(actor=actor, obj=existing, action="case.resubmitted")
        return existing
    year = timezone.localdate().year
    number = number or application.case_number or case_number_next(year=year)
    if Case.objects.filter(number=number).exists():
        number = case_number_next(year=year)
    case = Case.objects.create(
        number=number, year=int(number[:4]) if number[:4].isdigit() else year,
        title=application.name, application=application, intervention=application.continues,
    )
    CaseStatusChange.objects.create(case=case, to_status=case.status, actor=actor)
    if application.case_number != number:
        application.case_number = number
        application.save(update_fields=["case_number"])
    log_action(actor=actor, obj=case, action="case.opened", data={"number": number})
    return case


@transaction.atomic
def application_submit(*, actor, application: Application) -> Application:
    """The owner submits: the application is frozen as a version and its case opened."""
    locked = application_services.application_mark_submitted(actor=actor,
                                                              application=application)
    case_open(application=locked, actor=actor)
    application.case_number = locked.case_number
    return locked


@transaction.atomic
def application_resubmit(*, actor, application: Application) -> Application:
    """A completed application goes back to its case, which continues its preparation."""
    locked = application_services.application_mark_resubmitted(actor=actor,
                                                                application=application)
    case_open(application=locked, actor=actor)
    application.case_number = locked.case_number
    return locked


@transaction.atomic
def case_open_without_application(*, title: str, intervention: Intervention, year: int, actor,
                                  number: str = "") -> Case:
    """A case for a historic decision whose application is not on file (document import)."""
    if not number or Case.objects.filter(number=number).exists():
        number = case_number_next(year=year)
    case = Case.objects.create(number=number, year=year, title=title, intervention=intervention)
    CaseStatusChange.objects.create(case=case, to_status=case.status, actor=actor)
    log_action(actor=actor, obj=case, action="case.opened", data={"number": number})
    return case


@transaction.atomic
def case_assign(*, case: Case, handler, actor) -> Case:
    case.handler = handler
    case.save(update_fields=["handler"])
    log_action(actor=actor, obj=case, action="case.assigned", data={"handler": str(handler)})
    return case


@transaction.atomic
def case_start_preparation(*, case: Case, actor) -> Case:
    if case.status != Case.Status.RECEIVED:
        raise CaseError(_("Only a newly received case can be taken into preparation."))
    application_services.application_start_preparation(
        application=case.application, actor=actor, case_number=case.number
    )
    _set_status(case, Case.Status.IN_PREPARATION, actor=actor)
    log_action(actor=actor, obj=case, action="case.preparation_started")
    return case


@transaction.atomic
def checklist_note_save(*, case: Case, item: str, text: str, actor) -> None:
    text = text.strip()
    if text:
        ChecklistNote.objects.update_or_create(
            case=case, item=item, defaults={"text": text, "author": actor}
        )
    else:
        ChecklistNote.objects.filter(case=case, item=item).delete()
    log_action(actor=actor, obj=case, action="case.checklist_note", data={"item": item})


@transaction.atomic
def case_request_completion(*, case: Case, questions: str, actor) -> Case:
    """Send the application back to the owner with questions; the resubmission returns here."""
    if case.status not in (Case.Status.RECEIVED, Case.Status.IN_PREPARATION,
                           Case.Status.PROPOSAL_DRAFTED):
        raise CaseError(_("Completion can only be requested before the decision."))
    if not questions.strip():
        raise CaseError(_("Write the questions the applicant must answer."))
    application_services.application_return(
        application=case.application, questions=questions, actor=actor
    )
    _set_status(case, Case.Status.COMPLETION_REQUESTED, actor=actor, note=questions)
    return case


@transaction.atomic
def recommendation_record(*, case: Case, outcome: str, motivation: str, questions: str = "",
                          actor) -> Recommendation:
    """The preparation group's recommendation; completion sends the application back."""
    if case.status not in (Case.Status.IN_PREPARATION, Case.Status.PROPOSAL_DRAFTED):
        raise CaseError(_("A recommendation can only be made while the case is in preparation."))
    recommendation = Recommendation.objects.create(
        case=case, outcome=outcome, motivation=motivation, questions=questions, made_by=actor
    )
    if outcome == Recommendation.Outcome.COMPLETE:
        case_request_completion(case=case, questions=questions, actor=actor)
    log_action(actor=actor, obj=case, action="case.recommended", data={"outcome": outcome})
    return recommendation


@transaction.atomic
def proposal_save(*, case: Case, draft, amount, period_start, period_end, actor,
                  clauses=None, matter=None, assessment=None, proposer=None,
                  title=None) -> DecisionProposal:
    """Store the drafted proposal, or the office's edits of it."""
    if not case.is_open:
        raise CaseError(_("The case is decided; its proposal can no longer be changed."))
    values = {
        "proposer": proposer or draft.proposer,
        "title": title or draft.title,
        "clauses": clauses if clauses is not None else draft.clauses,
        "matter": matter if matter is not None else draft.matter,
        "assessment": assessment if assessment is not None else draft.assessment,
        "signer_name": draft.signer_name,
        "signer_title": draft.signer_title,
        "amount": amount,
        "period_start": period_start,
        "period_end": period_end,
        "updated_by": actor,
    }
    proposal, created = DecisionProposal.objects.update_or_create(case=case, defaults=values)
    if case.status == Case.Status.IN_PREPARATION:
        _set_status(case, Case.Status.PROPOSAL_DRAFTED, actor=actor)
    log_action(actor=actor, obj=case,
               action="case.proposal_drafted" if created else "case.proposal_edited")
    return proposal


@transaction.atomic
def meeting_create(*, body: str, date: datetime.date, place: str = "", actor) -> Meeting:
    if Meeting.objects.filter(body=body, date=date).exists():
        raise CaseError(_("There is already a meeting of that body on that day."))
    meeting = Meeting.objects.create(body=body, date=date, place=place)
    log_action(actor=actor, obj=meeting, action="meeting.created")
    return meeting


@transaction.atomic
def agenda_add(*, meeting: Meeting, case: Case, actor) -> AgendaItem:
    if not case.is_open:
        raise CaseError(_("A decided case cannot be placed on a meeting."))
    if AgendaItem.objects.filter(meeting=meeting, case=case).exists():
        raise CaseError(_("The case is already on this meeting's agenda."))
    # Lock the meeting so two cases placed at once do not get the same paragraph.
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(last=Max("paragraph"))["last"]
    item = AgendaItem.objects.create(meeting=meeting, case=case, paragraph=(last or 0) + 1)
    if case.status != Case.Status.ON_AGENDA:
        _set_status(case, Case.Status.ON_AGENDA, actor=actor, note=str(meeting))
    log_action(actor=actor, obj=meeting, action="meeting.case_added",
               data={"case": case.number, "paragraph": item.paragraph})
    return item


@transaction.atomic
def agenda_minutes_save(*, item: AgendaItem, minutes: str, actor) -> AgendaItem:
    """The minutes text of one paragraph; fixed once the minutes are approved."""
    if item.meeting.minutes_approved_on is not None:
        raise CaseError(_("The minutes are approved and can no longer be changed."))
    item.minutes = minutes.strip()
    item.save(update_fields=["minutes"])
    log_action(actor=actor, obj=item.meeting, action="meeting.minutes_written",
               data={"paragraph": item.paragraph})
    return item


@transaction.atomic
def minutes_approve(*, meeting: Meeting, approved_on: datetime.date, actor) -> Meeting:
    """Justering: the meeting's decisions become final."""
    if approved_on < meeting.date:
        raise CaseError(_("The minutes cannot be approved before the meeting."))
    meeting.minutes_approved_on = approved_on
    meeting.save(update_fields=["minutes_approved_on"])
    Decision.objects.filter(agenda_item__meeting=meeting).update(minutes_approved_on=approved_on)
    log_action(actor=actor, obj=meeting, action="meeting.minutes_approved")
    return meeting


@transaction.atomic
def decision_record(*, case: Case, outcome: str, decided_on: datetime.date, actor,
                    amount=None, period_start=None, period_end=None, conditions: str = "",
                    agenda_item: AgendaItem | None = None, paragraph: str = "",
                    minutes_approved_on=None) -> Decision:
    """Record the board's decision; a grant creates or extends the intervention."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.is_open:
        raise CaseError(_("The case is already decided."))
    granting = outcome in Decision.GRANTING
    if granting and (amount is None or not (period_start and period_end)):
        raise CaseError(_("A grant needs a maximum amount and a period."))
    if agenda_item is not None:
        paragraph = paragraph or f"§ {agenda_item.paragraph}"
        minutes_approved_on = minutes_approved_on or agenda_item.meeting.minutes_approved_on
    decision = Decision.objects.create(
        case=case, agenda_item=agenda_item, outcome=outcome,
        amount=amount if granting else None,
        period_start=period_start if granting else None,
        period_end=period_end if granting else None,
        conditions=conditions, paragraph=paragraph, decided_on=decided_on,
        minutes_approved_on=minutes_approved_on, recorded_by=actor,
    )
    if outcome == Decision.Outcome.REFERRED_BACK:
        _set_status(case, Case.Status.IN_PREPARATION, actor=actor, note=_("Referred back."))
    else:
        _set_status(case, Case.Status.DECIDED, actor=actor)
        if case.application_id:
            application_services.application_mark_decided(
                application=case.application, actor=actor
            )
    if granting:
        _grant(case=case, decision=decision, actor=actor)
    log_action(actor=actor, obj=case, action="case.decided",
               data={"outcome": outcome, "amount": str(amount or "")})
    return decision


def _grant(*, case: Case, decision: Decision, actor) -> Grant:
    application = case.application
    intervention = case.intervention or (application.continues if application else None)
    partners = [p.member for p in application.partners.all()] if application else []
    if intervention is None:
        intervention = intervention_services.intervention_create(
            actor=actor, name=application.name, owner=application.owner,
            start_date=decision.period_start, end_date=decision.period_end, partners=partners,
            data={"case": case.number},
        )
    else:
        intervention = intervention_services.intervention_extend(
            actor=actor, intervention=intervention, period_start=decision.period_start,
            period_end=decision.period_end, name=application.name if application else None,
            partners=partners, data={"case": case.number},
        )
    if application and application.intervention_id != intervention.pk:
        application.intervention = intervention
        application.save(update_fields=["intervention"])
    case.intervention = intervention
    case.save(update_fields=["intervention"])
    return Grant.objects.create(
        intervention=intervention, decision=decision, amount=decision.amount,
        period_start=decision.period_start, period_end=decision.period_end,
    )



@transaction.atomic
def case_open_for_deviation(*, intervention: Intervention, title: str, actor,
                            note: str = "") -> Case:
    """Open a case without an application for an intervention (a deviation needing a decision)."""
    year = timezone.localdate().year
    number = case_number_next(year=year)
    case = Case.objects.create(number=number, year=year, title=title[:300],
                               intervention=intervention)
    CaseStatusChange.objects.create(case=case, to_status=case.status, actor=actor, note=note)
    log_action(actor=actor, obj=case, action="case.opened", data={"number": number})
    return case
