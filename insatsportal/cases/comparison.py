"""What was applied for against what was granted: amount, period, staffing, methods."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from insatsportal.core.money import format_kr
from insatsportal.core.swedish import date_long


@dataclass(frozen=True)
class Difference:
    aspect: str
    applied: str
    granted: str
    note: str = ""


def _period(start, end) -> str:
    return f"{date_long(start)} – {date_long(end)}" if start and end else "–"


def applied_vs_granted(*, application, applied_amount, decision,
                       proposal=None) -> list[Difference]:
    """The differences between the application and the decision (and the proposal's text)."""
    differences = []
    if decision.amount is not None and applied_amount is not None:
        if decision.amount != applied_amount:
            change = decision.amount - applied_amount
            differences.append(Difference(
                _("Amount from the förbund"), format_kr(applied_amount), format_kr(decision.amount),
                _("%(change)s against the application.") % {"change": format_kr(change)},
            ))
    applied = (application.planned_start, application.planned_end)
    granted = (decision.period_start, decision.period_end)
    if all(granted) and all(applied) and applied != granted:
        differences.append(Difference(
            _("Period"), _period(*applied), _period(*granted), period_change(applied, granted),
        ))
    if proposal is not None:
        differences += _text_differences(application, proposal)
    return differences


def _months(start, end) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


def _shift(months: int) -> str:
    later = months > 0
    months = abs(months)
    if months % 12 == 0:
        years = months // 12
        if years == 1:
            return _("shifted one year later") if later else _("shifted one year earlier")
        text = (_("shifted %(years)d years later") if later
                else _("shifted %(years)d years earlier"))
        return text % {"years": years}
    text = (_("shifted %(months)d months later") if later
            else _("shifted %(months)d months earlier"))
    return text % {"months": months}


def period_change(applied: tuple, granted: tuple) -> str:
    """How the granted period moves and stretches against the applied one, e.g. seed 000
    (2022–2023) against seed 003 (2023–2024): 'Shifted one year later, same length.'"""
    (applied_start, applied_end), (granted_start, granted_end) = applied, granted
    parts = []
    moved = ((granted_start.year - applied_start.year) * 12 + granted_start.month
             - applied_start.month)
    if moved:
        parts.append(_shift(moved))
    elif granted_start != applied_start:
        days = (granted_start - applied_start).days
        parts.append(_("starts %(days)+d days against the application") % {"days": days})
    length = _months(*granted) - _months(*applied)
    if length:
        parts.append(_("%(months)+d months in length") % {"months": length})
    elif granted_end != applied_end or parts:
        parts.append(_("same length"))
    text = ", ".join(parts) or _("same period")
    return text[0].upper() + text[1:] + "."


def _text_differences(application, proposal) -> list[Difference]:
    """Staffing and methods the application names that the proposal's text leaves out."""
    text = f"{proposal.matter} {' '.join(proposal.clauses)}".casefold()
    differences = []
    staffing = [line for line in application.staffing.all() if line.funding == "association"]
    missing = [line for line in staffing if line.title.casefold() not in text]
    if missing:
        differences.append(Difference(
            _("Staffing"),
            ", ".join(f"{line.title} {line.percent.normalize():f} %" for line in staffing),
            ", ".join(f"{line.title} {line.percent.normalize():f} %"
                      for line in staffing if line not in missing) or "–",
            _("Not named in the proposal: %(titles)s.")
            % {"titles": ", ".join(line.title for line in missing)},
        ))
    methods = list(application.methods.all())
    missing_methods = [m.name for m in methods if m.name.casefold() not in text]
    if missing_methods:
        differences.append(Difference(
            _("Methods"), ", ".join(m.name for m in methods),
            ", ".join(m.name for m in methods if m.name not in missing_methods) or "–",
            _("Not named in the proposal: %(methods)s.")
            % {"methods": ", ".join(missing_methods)},
        ))
    return differences
