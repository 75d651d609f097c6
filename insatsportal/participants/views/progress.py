"""Progress ratings: record one, and see one person's ratings as charts and a table."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from insatsportal.accounts import policy
from insatsportal.core import charts
from insatsportal.core.decorators import require
from insatsportal.core.idempotency import once_per_form
from insatsportal.participants import forms, selectors
from insatsportal.participants.models import Instrument, Rating, ReadLogEntry
from insatsportal.participants.progress import participant_progress
from insatsportal.participants.services.rating import rating_record
from insatsportal.participants.services.readlog import read_log_record
from insatsportal.participants.views.steps import _identified_or_back, step_form


def _instrument_for(request, participant) -> Instrument | None:
    active = Instrument.objects.filter(is_active=True)
    chosen = request.POST.get("instrument") or request.GET.get("instrument")
    if chosen and str(chosen).isdigit():
        found = active.filter(pk=chosen).first()
        if found is not None:
            return found
    last = (Rating.objects.filter(participant=participant, instrument__is_active=True)
            .order_by("-rated_on", "-pk").values_list("instrument_id", flat=True).first())
    if last is not None:
        return active.get(pk=last)
    return active.order_by("name", "-version").first()


@require_http_methods(["GET", "POST"])
@require(policy.can_view_participants_section)
@once_per_form
def rating_create(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk, action="manage")
    if (back := _identified_or_back(request, participant)) is not None:
        return back
    instrument = _instrument_for(request, participant)
    if instrument is None:
        messages.error(request, _("No rating instrument is in use. The office adds one in the "
                                  "admin."))
        return redirect("participants:detail", pk=participant.pk)
    initial = {"occasion": Rating.Occasion.QUARTERLY if participant.ratings.exists()
               else Rating.Occasion.START}
    form = forms.RatingForm(request.POST or None, instrument=instrument, initial=initial)
    return step_form(
        request, participant, form,
        service=lambda data: rating_record(actor=request.user, participant=participant,
                                           **form.service_data()),
        template="participants/rating_form.html",
        success=_("The rating has been saved."), title=_("New progress rating"),
        instrument=instrument, once=True,
        instruments=Instrument.objects.filter(is_active=True).order_by("name", "-version"),
    )


@require_safe
@require(policy.can_view_participants_section)
def progress_view(request, pk):
    participant = selectors.participant_get_for_user(user=request.user, pk=pk)
    progress = participant_progress(participant)
    radar = line = ""
    if progress.instrument is not None:
        low, high = progress.instrument.scale_min, progress.instrument.scale_max
        shown = progress.ratings if len(progress.ratings) <= 2 else [
            progress.ratings[0], progress.ratings[-1]]
        radar = charts.radar_svg(
            [item.short_label for item in progress.items],
            [charts.Series(f"{r.rated_on:%Y-%m-%d} ({r.get_occasion_display()})", r.values)
             for r in shown],
            low=low, high=high, title=_("First and latest rating per indicator"),
        )
        line = charts.line_svg([f"{r.rated_on:%Y-%m-%d}" for r in progress.ratings],
                               progress.means, low=low, high=high,
                               title=_("Mean of all indicators over time"))
    read_log_record(user=request.user, participants=[participant], what=ReadLogEntry.What.PAGE)
    return render(request, "participants/progress.html", {
        "participant": participant, "progress": progress, "radar": radar, "line": line,
        "can_manage": policy.can_manage_participant(request.user, participant),
    })
