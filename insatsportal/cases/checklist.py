"""The preparation checklist: computed from the application, each item with its reason.

Pure reading: nothing here writes. The office's own notes per item are stored
in ChecklistNote and shown beside the computed result.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from insatsportal.applications.checks import AGE_MAX, AGE_MIN, period_exceeds
from insatsportal.core.money import format_kr
from insatsportal.core.swedish import date_long, join_names
from insatsportal.organisations.models import Member

OK, PROBLEM, NOT_APPLICABLE = "ok", "problem", "not_applicable"


@dataclass(frozen=True)
class Item:
    key: str
    label: str
    status: str
    reason: str

    @property
    def ok(self) -> bool:
        return self.status != PROBLEM


def _item(key, label, passed: bool, reason_ok: str, reason_problem: str) -> Item:
    return Item(key, label, OK if passed else PROBLEM, reason_ok if passed else reason_problem)


def checklist_compute(*, application, association, budget_warnings, directions, predecessor_facts,
                      room=None):
    """All items, in the order the office works through them.

    `budget_warnings` is None when there is no budget; `directions` are the förbund's
    StrategicDirections, newest first, with priority groups prefetched;
    `predecessor_facts` a short text on the predecessor's results so far (or "");
    `room` the economy's RoomCheck for the application's years (None: item left out).
    """
    items = [
        _parties(application),
        _signatures(application),
        _anchoring(application),
        _measurable_goals(application),
        _budget(budget_warnings),
        _ages(application),
        _period(application, association),
        _priority_groups(application, directions),
        _predecessor(application, predecessor_facts),
    ]
    if room is not None:
        items.insert(5, _room(room))
    return items


def _parties(application) -> Item:
    partners = [p.member.name for p in application.partners.all()]
    owner = application.owner
    is_member = owner.kind != Member.Kind.OTHER
    passed = is_member and len(partners) >= 1
    if not is_member:
        problem = _("The owner %(owner)s is not a member of the förbund.") % {"owner": owner}
    else:
        problem = _("Only one party: an intervention needs at least two parties.")
    return _item(
        "parties", _("At least two parties, and the owner is a member"), passed,
        _("%(owner)s with %(partners)s.") % {"owner": owner, "partners": join_names(partners)},
        problem,
    )


def _signatures(application) -> Item:
    signed = {s.member_id for s in application.signatures.all()
              if s.signed_on and (s.name or s.name_clarification)}
    parties = [application.owner] + [p.member for p in application.partners.all()]
    missing = [party.name for party in parties if party.pk not in signed]
    return _item(
        "signatures", _("Every party has signed"), not missing,
        _("All %(count)s parties have signed with name and date.") % {"count": len(parties)},
        _("Signature with name and date missing for: %(names)s.")
        % {"names": join_names(missing)},
    )


def anchoring_when(application) -> str:
    """'16 april 2021 och 11 juni 2021', or the application's own words."""
    dates = [date_long(_as_date(d)) for d in application.anchoring_dates or []]
    return join_names(dates) or application.anchoring_text


def _anchoring(application) -> Item:
    owner = application.owner
    group = application.anchoring_group
    when = anchoring_when(application)
    label = _("Discussed in the LOKUS group of the owner's municipality")
    if not application.anchoring_discussed:
        return Item("anchoring", label, PROBLEM,
                    _("The application does not say that a local group has discussed it."))
    if owner.kind == Member.Kind.KOMMUN and group is not None and group.kommun_id != owner.pk:
        return Item("anchoring", label, PROBLEM,
                    _("Discussed in %(group)s, which is not the group of %(owner)s.")
                    % {"group": group, "owner": owner})
    if not when:
        return Item("anchoring", label, PROBLEM, _("Discussed, but the application gives no date."))
    return Item("anchoring", label, OK, _("Discussed %(when)s.") % {"when": when})


def _measurable_goals(application) -> Item:
    goals = list(application.goals.all())
    measurable = [g for g in goals if g.target_kind and g.target_value is not None]
    return _item(
        "goals", _("The goals include measurable targets"), bool(measurable),
        _("%(count)s of %(total)s goals have a measurable target.")
        % {"count": len(measurable), "total": len(goals)},
        _("None of the %(total)s goals has a measurable target.") % {"total": len(goals)},
    )


def _budget(budget_warnings) -> Item:
    label = _("The budget has no unresolved warnings")
    if budget_warnings is None:
        return Item("budget", label, PROBLEM, _("The application has no budget."))
    messages = list(dict.fromkeys(w.message for w in budget_warnings))  # once each
    return _item(
        "budget", label, not messages,
        _("The budget adds up and passes every check."),
        " ".join(messages),
    )


def _ages(application) -> Item:
    low, high = application.age_min, application.age_max
    label = _("The target group lies within 16–64 years")
    if low is None or high is None:
        return Item("ages", label, PROBLEM, _("The application does not state the age range."))
    return _item(
        "ages", label, AGE_MIN <= low and high <= AGE_MAX,
        _("%(low)s–%(high)s years.") % {"low": low, "high": high},
        _("%(low)s–%(high)s years is outside 16–64.") % {"low": low, "high": high},
    )


def _period(application, association) -> Item:
    start, end = application.planned_start, application.planned_end
    label = _("The period is within the förbund's limit")
    if not (start and end):
        return Item("period", label, PROBLEM, _("The planned period is not stated."))
    months = association.max_period_months
    text = {"start": date_long(start), "end": date_long(end), "months": months}
    return _item(
        "period", label, not period_exceeds(start, end, months),
        _("%(start)s – %(end)s, within %(months)s months.") % text,
        _("%(start)s – %(end)s is longer than %(months)s months.") % text,
    )


def priority_match(application, directions):
    """The strategic direction for the application's first year and the groups it names."""
    year = application.planned_start.year if application.planned_start else None
    direction = next((d for d in directions if year and d.year <= year), None)
    if direction is None:
        return None, []
    text = f"{application.target_group} {application.purpose}".casefold()
    matched = [g.name for g in direction.priority_groups.all()
               if any(word.casefold() in text for word in g.keyword_list)]
    return direction, matched


def _priority_groups(application, directions) -> Item:
    label = _("The target group matches the year's priority groups")
    direction, matched = priority_match(application, directions)
    if direction is None:
        return Item("priority", label, NOT_APPLICABLE,
                    _("No strategic direction is registered for the year."))
    return _item(
        "priority", label, bool(matched),
        _("Matches %(groups)s (strategic direction %(year)s).")
        % {"groups": join_names(matched), "year": direction.year},
        _("No priority group of the strategic direction %(year)s is named in the target group.")
        % {"year": direction.year},
    )


def _predecessor(application, predecessor_facts: str) -> Item:
    label = _("An extension's predecessor is identified")
    if application.continuation_kind == "new":
        return Item("predecessor", label, NOT_APPLICABLE, _("A new intervention."))
    if application.continues_id is None:
        return Item("predecessor", label, PROBLEM,
                    _("The application continues an earlier intervention that is not "
                      "identified in the system."))
    return Item("predecessor", label, OK,
                _("Continues %(name)s. %(facts)s")
                % {"name": application.continues, "facts": predecessor_facts})


def _as_date(value) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _room(room) -> Item:
    """Whether the application's money per year fits in the room the decisions leave."""
    label = _("Fits in the förbund's budget")
    if not room.amounts:
        return Item("room", label, PROBLEM,
                    _("The application gives no amount and period to check."))
    years = " ".join(
        _("%(year)s: %(amount)s of the room %(room)s.")
        % {"year": year, "amount": format_kr(amount), "room": format_kr(room.room_before[year])}
        for year, amount in sorted(room.amounts.items())
    )
    notes = []
    if room.unrecorded_years:
        notes.append(_("No budget is recorded for %(years)s.")
                     % {"years": join_names([str(y) for y in room.unrecorded_years])})
    if room.negative:
        notes.append(_("The room would be negative in %(years)s (%(amounts)s).") % {
            "years": join_names([str(f.year) for f in room.negative]),
            "amounts": join_names([format_kr(f.room) for f in room.negative])})
    if room.undecided_years:
        notes.append(_("The contributions for %(years)s are not yet decided.")
                     % {"years": join_names([str(y) for y in room.undecided_years])})
    status = OK if room.fits else PROBLEM
    return Item("room", label, status, " ".join([years, *notes]))
