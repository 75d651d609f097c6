"""Komplettering as a conversation: the office asks per section, the owner answers each.

Writes here are called from the application's services (return, resubmit) and its edit view.
"""

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from insatsportal.applications.models import CompletionQuestion, Section
from insatsportal.core.audit import log_action


def questions_from_text(questions) -> list[tuple[str, str]]:
    """[(section, question)] from the office's per-section questions, or one free text."""
    if isinstance(questions, str):
        return [(Section.GENERAL, questions.strip())] if questions.strip() else []
    return [(section, text.strip()) for section, text in questions if text and text.strip()]


def questions_note(asked: list[tuple[str, str]]) -> str:
    """The questions as one text, for the status history."""
    labels = dict(Section.choices)
    if len(asked) == 1 and asked[0][0] == Section.GENERAL:
        return asked[0][1]
    return "\n\n".join(f"{labels[section]}: {text}" for section, text in asked)


def completion_questions_ask(*, actor, application, asked: list[tuple[str, str]]) -> int:
    """Store the questions of a new round; returns the round's number."""
    last = application.completion_questions.aggregate(last=Max("round"))["last"] or 0
    CompletionQuestion.objects.bulk_create([
        CompletionQuestion(application=application, round=last + 1, order=index,
                           section=section, question=text,
                           asked_by=actor if getattr(actor, "pk", None) else None)
        for index, (section, text) in enumerate(asked)
    ])
    return last + 1


def open_questions(application) -> list[CompletionQuestion]:
    """The questions of the latest round while the application is returned to its owner."""
    if application.status != application.Status.RETURNED:
        return []
    questions = list(application.completion_questions.all())
    latest = max((q.round for q in questions), default=0)
    return [q for q in questions if q.round == latest]


def completion_answers_save(*, actor, application, answers: dict[int, str]) -> int:
    """Save the owner's answers that changed; returns how many changed."""
    changed = []
    for question in open_questions(application):
        if question.pk not in answers:
            continue
        text = (answers[question.pk] or "").strip()
        if text == question.answer:
            continue
        question.answer = text
        question.answered_by = actor if text else None
        question.answered_at = timezone.now() if text else None
        question.save(update_fields=["answer", "answered_by", "answered_at"])
        changed.append(question.pk)
    if changed:
        log_action(actor=actor, obj=application, action="application.completion_answered",
                   data={"questions": changed})
    return len(changed)


def unanswered_message(application) -> str:
    """Why a returned application cannot be resubmitted yet, or ""."""
    missing = [q for q in open_questions(application) if not q.answer]
    if not missing:
        return ""
    labels = dict(Section.choices)
    return _("Answer every question of the office before resubmitting: %(sections)s.") % {
        "sections": ", ".join(str(labels[q.section]) for q in missing)}


def questions_by_section(questions) -> dict[str, list[CompletionQuestion]]:
    grouped: dict[str, list[CompletionQuestion]] = {}
    for question in questions:
        grouped.setdefault(question.section, []).append(question)
    return grouped


def conversation(application) -> list[tuple[int, list[CompletionQuestion]]]:
    """Every round of questions with their answers, oldest first."""
    rounds: dict[int, list[CompletionQuestion]] = {}
    for question in application.completion_questions.select_related("asked_by", "answered_by"):
        rounds.setdefault(question.round, []).append(question)
    return sorted(rounds.items())
