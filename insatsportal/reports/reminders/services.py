"""Daily reminders: each user is e-mailed what became due for them since the last one.

The items are the start page's (core.selectors.waiting_for): plan revisions, first plans,
progress ratings and follow-ups for participant staff, quarterly reports for owners,
requisitions and deviation reports for the office, overdue quarterly reports, open cases.
A user is mailed on a day when something became due after their last reminder (a step's
due date, a submission, a quarter's end, a report turning overdue); the mail lists that
first and what still waits after it. Counts and intervention names only: never a
participant's name or identity number.
"""

import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from insatsportal.accounts.models import User
from insatsportal.core.selectors import waiting_for
from insatsportal.reports.models import ReminderSent


def _lines(items, base_url: str) -> list[str]:
    lines = []
    for item in items:
        mark = _("OVERDUE") + ": " if item.overdue else ""
        detail = f" ({item.detail})" if item.detail else ""
        lines.append(f"- {mark}{item.title}{detail}")
        lines.append(f"  {base_url}{item.url}")
    return lines


def reminder_text(new, still, *, base_url: str) -> str:
    lines = [_("New since your last reminder from Insatsportalen:"), "", *_lines(new, base_url)]
    if still:
        lines += ["", _("Still waiting:"), "", *_lines(still, base_url)]
    lines += ["", _("You get this e-mail on a day something has become due for you.")]
    return "\n".join(lines)


def reminders_send(*, base_url: str | None = None, today: datetime.date | None = None) -> int:
    """Mail each active user with an e-mail address what became due since their last
    reminder; returns the number sent. A second run on the same day sends nothing."""
    base_url = settings.SITE_URL.rstrip("/") if base_url is None else base_url
    today = today or timezone.localdate()
    last_sent = dict(ReminderSent.objects.values_list("user_id", "sent_on"))
    sent = 0
    users = (User.objects.filter(is_active=True).exclude(email="")
             .prefetch_related("roles").order_by("pk"))
    with translation.override(settings.LANGUAGE_CODE):
        for user in users:
            items = waiting_for(user)
            since = last_sent.get(user.pk, datetime.date.min)
            new = [i for i in items if i.became_due_on and since < i.became_due_on <= today]
            if not new:
                continue
            still = [i for i in items if i not in new]
            subject = (_("Insatsportalen: %(new)d new, %(count)d waiting, %(overdue)d overdue")
                       % {"new": len(new), "count": len(items),
                          "overdue": sum(item.overdue for item in items)})
            # Marked and mailed together: a mail that fails leaves the day unmarked, so the
            # next run sends it again.
            with transaction.atomic():
                ReminderSent.objects.update_or_create(user=user, defaults={"sent_on": today})
                send_mail(subject, reminder_text(new, still, base_url=base_url),
                          settings.DEFAULT_FROM_EMAIL, [user.email])
            sent += 1
    return sent
