"""The office's data-protection view: the read log, unusual volumes, register extracts."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db.models.functions import TruncDate
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from insatsportal.accounts import policy
from insatsportal.core.audit import log_action
from insatsportal.core.decorators import require
from insatsportal.participants import forms
from insatsportal.participants.extract import participants_for_number, register_extract
from insatsportal.participants.models import ReadLogEntry
from insatsportal.participants.services.readlog import read_log_record
from insatsportal.participants.views.common import keyset_page

FLAG_WINDOW_DAYS = 30


def unusual_reads(*, since: datetime.date, threshold: int) -> list[dict]:
    """Where a user was shown more than `threshold` distinct participants in a day:
    {user_name, day, participants, reads}, the latest day first."""
    shown: dict = defaultdict(set)
    reads: dict = defaultdict(int)
    for user_id, user_name, day, participants in (
            ReadLogEntry.objects.filter(at__date__gte=since).annotate(day=TruncDate("at"))
            .values_list("user_id", "user_name", "day", "participants")):
        shown[(user_id, user_name, day)].update(participants)
        reads[(user_id, user_name, day)] += 1
    flags = [{"user_id": key[0], "user_name": key[1], "day": key[2],
              "participants": len(people), "reads": reads[key]}
             for key, people in shown.items() if len(people) > threshold]
    return sorted(flags, key=lambda f: (f["day"], f["participants"]), reverse=True)


@require_safe
@require(policy.can_protect_participant_data)
def privacy_overview(request):
    form = forms.ReadLogFilterForm(request.GET or None)
    entries = ReadLogEntry.objects.all()
    day = form.cleaned_data["day"] if form.is_valid() else None
    if day:
        entries = entries.filter(at__date=day)
    threshold = settings.PARTICIPANT_READ_ALERT_PER_DAY
    since = timezone.localdate() - datetime.timedelta(days=FLAG_WINDOW_DAYS)
    return render(request, "participants/privacy.html", {
        "form": form,
        "page": keyset_page(request, entries, key="id", size=100),  # newest first
        "flags": list(unusual_reads(since=since, threshold=threshold)),
        "threshold": threshold,
        "window": FLAG_WINDOW_DAYS,
    })


@require_http_methods(["GET", "POST"])
@require(policy.can_protect_participant_data)
def register_extract_view(request):
    """The number is posted, never put in a URL; the answer is a download."""
    form = forms.RegisterExtractForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        participants = list(participants_for_number(form.cleaned_data["personnummer"]))
        if not participants:
            form.add_error("personnummer", _("No identified participant has that number."))
        else:
            document = register_extract(participants)
            read_log_record(user=request.user, participants=participants,
                            what=ReadLogEntry.What.EXTRACT)
            for participant in participants:
                log_action(actor=request.user, obj=participant, action="participant.extracted")
            response = HttpResponse(document, content_type="application/json; charset=utf-8")
            stamp = timezone.localdate().isoformat()
            response["Content-Disposition"] = f'attachment; filename="registerutdrag-{stamp}.json"'
            response["Cache-Control"] = "no-store"
            return response
    return render(request, "participants/extract.html", {"form": form})
