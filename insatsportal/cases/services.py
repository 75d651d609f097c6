"""Writes of the case flow: open, prepare, recommend, propose, place on a meeting, decide."""

import datetime
from functools import partial

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.applications import completion
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
from insatsportal.cases.revised_budget.mail import revised_budget_request_after_decision
from insatsportal.core import audit
from insatsportal.core.audit import log_action
from insatsportal.core.changes import unchanged
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
    """Open the case of a submitted application (its one case: a resubmission returns to it)."""
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


def _not_now(application: Application):
    return application_services.ApplicationError(_(
        "This cannot be done while the application is %(status)s."
    ) % {"status": application.get_status_display().lower()})


@transaction.atomic
def application_submit(*, actor, application: Application) -> Application:
    """The owner submits: the application is frozen as a version and its case opened."""
    Application.objects.select_for_update().filter(pk=application.pk).first()  # one at a time
    if Case.objects.filter(application=application).exists():
        raise _not_now(application)
    application_services.application_freeze(actor=actor, application=application)
    case_open(application=application, actor=actor)
    return application


@transaction.atomic
def application_resubmit(*, actor, application: Application,
                         answers_required: bool = True) -> Application:
    """A completed application goes back to its case, which continues its preparation."""
    case = Case.objects.select_for_update().filter(application=application).first()
    if case is None or case.status != Case.Status.COMPLETION_REQUESTED:
        raise _not_now(application)
    application_services.application_freeze(actor=actor, application=application,
                                            answers_required=answers_required)
    _set_status(case, Case.Status.IN_PREPARATION, actor=actor,
                note=_("The applicant has sent in a completed application."))
    log_action(actor=actor, obj=case, action="case.resubmitted")
    application.case = case
    return application


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
    if unchanged(case, {"handler": handler}):
        return case
    case.handler = handler
    case.save(update_fields=["handler"])
    log_action(actor=actor, obj=case, action="case.assigned", data={"handler": str(handler)})
    return case


@transaction.atomic
def case_start_preparation(*, case: Case, actor) -> Case:
    if case.status != Case.Status.RECEIVED:
        raise CaseError(_("Only a newly received case can be taken into preparation."))
    _set_status(case, Case.Status.IN_PREPARATION, actor=actor)
    log_action(actor=actor, obj=case, action="case.preparation_started")
    return case


@transaction.atomic
def checklist_note_save(*, case: Case, item: str, text: str, actor) -> None:
    text = text.strip()
    saved = ChecklistNote.objects.filter(case=case, item=item).first()
    if (saved.text if saved else "") == text:
        return
    if text:
        ChecklistNote.objects.update_or_create(
            case=case, item=item, defaults={"text": text, "author": actor}
        )
    else:
        ChecklistNote.objects.filter(case=case, item=item).delete()
    log_action(actor=actor, obj=case, action="case.checklist_note", data={"item": item})


@transaction.atomic
def case_request_completion(*, case: Case, questions, actor) -> Case:
    """Send the application back to the owner with questions (one text, or [(section, text)]);
    the resubmission returns here."""
    if case.status not in (Case.Status.RECEIVED, Case.Status.IN_PREPARATION,
                           Case.Status.PROPOSAL_DRAFTED):
        raise CaseError(_("Completion can only be requested before the decision."))
    asked = completion.questions_from_text(questions)
    if not asked:
        raise CaseError(_("Write the questions the applicant must answer."))
    application_services.application_questions_ask(
        application=case.application, questions=asked, actor=actor
    )
    _set_status(case, Case.Status.COMPLETION_REQUESTED, actor=actor,
                note=completion.questions_note(asked))
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
    existing = DecisionProposal.objects.filter(case=case).first()
    if unchanged(existing, {k: v for k, v in values.items() if k != "updated_by"}):
        return existing
    texts = ("title", "clauses", "matter", "assessment", "amount", "period_start", "period_end")
    before = {name: getattr(existing, name) for name in texts} if existing else {}
    proposal, created = DecisionProposal.objects.update_or_create(case=case, defaults=values)
    if case.status == Case.Status.IN_PREPARATION:
        _set_status(case, Case.Status.PROPOSAL_DRAFTED, actor=actor)
    log_action(actor=actor, obj=case,
               action="case.proposal_drafted" if created else "case.proposal_edited",
               data=audit.changes(before, {name: values[name] for name in texts}))
    return proposal


@transaction.atomic
def meeting_create(*, body: str, date: datetime.date, place: str = "", actor) -> Meeting:
    if Meeting.objects.filter(body=body, date=date).exists():
        raise CaseError(_("There is already a meeting of that body on that day."))
    meeting = Meeting.objects.create(body=body, date=date, place=place)
    log_action(actor=actor, obj=meeting, action="meeting.created")
    return meeting


def _locked(meeting: Meeting) -> Meeting:
    """The meeting, locked for the rest of the transaction; refused once justerat."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.is_approved:
        raise CaseError(_("The minutes are approved and can no longer be changed. A correction "
                          "is made as a new paragraph at a later meeting."))
    return meeting


MEETING_FIELDS = ("place", "chair", "secretary", "adjuster", "present")


@transaction.atomic
def meeting_update(*, meeting: Meeting, actor, **values) -> Meeting:
    """Place, chair, secretary, justerare and members present; fixed once justerat."""
    meeting = _locked(meeting)
    changed = {name: value for name, value in values.items()
               if name in MEETING_FIELDS and getattr(meeting, name) != value}
    before = {name: getattr(meeting, name) for name in changed}
    for name, value in changed.items():
        setattr(meeting, name, value)
    if changed:
        meeting.save(update_fields=list(changed))
        log_action(actor=actor, obj=meeting, action="meeting.updated",
                   data={"fields": sorted(changed), **audit.changes(before, changed)})
    return meeting


def _add_item(*, meeting: Meeting, case: Case, actor, corrects=None) -> AgendaItem:
    if AgendaItem.objects.filter(meeting=meeting, case=case).exists():
        raise CaseError(_("The case is already on this meeting's agenda."))
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(last=Max("paragraph"))["last"]
    item = AgendaItem.objects.create(meeting=meeting, case=case, paragraph=(last or 0) + 1,
                                     corrects=corrects)
    data = {"case": case.number, "paragraph": item.paragraph}
    if corrects is not None:
        data["corrects"] = f"{corrects.meeting} § {corrects.paragraph}"
    log_action(actor=actor, obj=meeting, action="meeting.case_added", data=data)
    return item


@transaction.atomic
def agenda_add(*, meeting: Meeting, case: Case, actor, imported: bool = False) -> AgendaItem:
    """Place an open case on the agenda as the next paragraph.

    `imported` records a paragraph of minutes approved on paper (document import).
    """
    if not case.is_open:
        raise CaseError(_("A decided case cannot be placed on a meeting."))
    # The lock also keeps two cases placed at once from getting the same paragraph.
    if imported:
        meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    else:
        meeting = _locked(meeting)
    item = _add_item(meeting=meeting, case=case, actor=actor)
    if case.status != Case.Status.ON_AGENDA:
        _set_status(case, Case.Status.ON_AGENDA, actor=actor, note=str(meeting))
    return item


@transaction.atomic
def agenda_correction_add(*, meeting: Meeting, corrects: AgendaItem, minutes: str,
                          actor) -> AgendaItem:
    """A correction of approved minutes: a new paragraph at a later meeting of the same body."""
    meeting = _locked(meeting)
    corrected = Meeting.objects.get(pk=corrects.meeting_id)
    if not corrected.is_approved:
        raise CaseError(_("Minutes that are not approved are changed in place, not corrected."))
    if corrected.body != meeting.body or meeting.date <= corrected.date:
        raise CaseError(_("A correction is made at a later meeting of the same body."))
    if not minutes.strip():
        raise CaseError(_("Write what the correction says."))
    item = _add_item(meeting=meeting, case=corrects.case, actor=actor, corrects=corrects)
    item.minutes = minutes.strip()
    item.save(update_fields=["minutes"])
    log_action(actor=actor, obj=corrects.case, action="case.minutes_corrected",
               data={"corrected": f"{corrected} § {corrects.paragraph}",
                     "by": f"{meeting} § {item.paragraph}"})
    return item


@transaction.atomic
def agenda_minutes_save(*, item: AgendaItem, minutes: str, actor) -> AgendaItem:
    """The minutes text of one paragraph; fixed once the minutes are approved."""
    _locked(item.meeting)
    if item.minutes == minutes.strip():
        return item
    before = item.minutes
    item.minutes = minutes.strip()
    item.save(update_fields=["minutes"])
    log_action(actor=actor, obj=item.meeting, action="meeting.minutes_written",
               data={"paragraph": item.paragraph,
                     **audit.changes({"minutes": before}, {"minutes": item.minutes})})
    return item


@transaction.atomic
def minutes_approve(*, meeting: Meeting, approved_on: datetime.date, actor,
                    imported: bool = False) -> Meeting:
    """Justering by the named justerare: the minutes and their paragraphs become fixed.

    The board's decisions are then justerade; they gain legal force only when the appeal
    period from the posting has passed (Meeting.appeal_ends_on). `imported` records minutes
    approved on paper, whose justerare the import may not know.
    """
    meeting = _locked(meeting)
    if approved_on < meeting.date:
        raise CaseError(_("The minutes cannot be approved before the meeting."))
    if not (meeting.adjuster.strip() or imported):
        raise CaseError(_("Name the adjuster (justerare) before the minutes are approved."))
    meeting.minutes_approved_on = approved_on
    meeting.save(update_fields=["minutes_approved_on"])
    if meeting.decides:
        Decision.objects.filter(agenda_item__meeting=meeting).update(
            minutes_approved_on=approved_on)
    log_action(actor=actor, obj=meeting, action="meeting.minutes_approved",
               data={"approved_on": approved_on.isoformat(), "adjuster": meeting.adjuster})
    return meeting


@transaction.atomic
def minutes_post(*, meeting: Meeting, posted_on: datetime.date, actor) -> Meeting:
    """The notice that the minutes are approved is posted; the appeal period starts."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if not meeting.is_approved:
        raise CaseError(_("Only approved minutes are posted."))
    if meeting.posted_on is not None:
        raise CaseError(_("The minutes are already posted."))
    if posted_on < meeting.minutes_approved_on:
        raise CaseError(_("The minutes cannot be posted before they are approved."))
    meeting.posted_on = posted_on
    meeting.save(update_fields=["posted_on"])
    log_action(actor=actor, obj=meeting, action="meeting.minutes_posted",
               data={"posted_on": posted_on.isoformat()})
    return meeting


@transaction.atomic
def decision_record(*, case: Case, outcome: str, decided_on: datetime.date, actor,
                    amount=None, period_start=None, period_end=None, conditions: str = "",
                    agenda_item: AgendaItem | None = None, paragraph: str = "",
                    minutes_approved_on=None, imported: bool = False) -> Decision:
    """Record the board's decision; a grant creates or extends the intervention.

    Under a paragraph of the board's minutes, before they are approved; `imported` records
    a decision of minutes approved on paper (document import).
    """
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.is_open:
        raise CaseError(_("The case is already decided."))
    granting = outcome in Decision.GRANTING
    if granting and (amount is None or not (period_start and period_end)):
        raise CaseError(_("A grant needs a maximum amount and a period."))
    if agenda_item is not None:
        meeting = Meeting.objects.select_for_update().get(pk=agenda_item.meeting_id)
        if agenda_item.case_id != case.pk:
            raise CaseError(_("The paragraph concerns another case."))
        if not meeting.decides:
            raise CaseError(_("The working committee's paragraph is a proposal to the board; "
                              "record the decision under the board's paragraph."))
        if meeting.is_approved and not imported:
            raise CaseError(_("The minutes are approved and can no longer be changed. A "
                              "correction is made as a new paragraph at a later meeting."))
        if decided_on != meeting.date:
            raise CaseError(_("The decision is made on the day of the board's meeting "
                              "(%(date)s).") % {"date": meeting.date.isoformat()})
        paragraph = f"§ {agenda_item.paragraph}"
        minutes_approved_on = meeting.minutes_approved_on
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
    if granting:
        grant = _grant(case=case, decision=decision, actor=actor)
        if not imported:  # an imported decision of the past asks nothing now
            transaction.on_commit(partial(revised_budget_request_after_decision, grant.pk))
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
