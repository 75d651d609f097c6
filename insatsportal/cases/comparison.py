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
        months = _months(*granted) - _months(*applied)
        differences.append(Difference(
            _("Period"), _period(*applied), _period(*granted),
            _("%(months)+d months against the application.") % {"months": months},
        ))
    if proposal is not None:
        differences += _text_differences(application, proposal)
    return differences


def _months(start, end) -> int:
    return (end.year - start.year) * 12 + end.month - start.month + 1


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
