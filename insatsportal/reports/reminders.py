"""Daily reminders: each user gets one e-mail listing what is due for them.

The list is the same as the start page's (core.selectors.waiting_for): plan revisions
and first plans for participant staff, quarterly reports for owners, requisitions and
deviation reports for the office, overdue quarterly reports. Counts and intervention
names only: never a participant's name or identity number.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from insatsportal.accounts.models import User
from insatsportal.core.selectors import waiting_for


def reminder_text(items, *, base_url: str) -> str:
    lines = [_("This is waiting for you in Insatsportalen:"), ""]
    for item in items:
        mark = _("OVERDUE") + ": " if item.overdue else ""
        detail = f" ({item.detail})" if item.detail else ""
        lines.append(f"- {mark}{item.title}{detail}")
        lines.append(f"  {base_url}{item.url}")
    lines += ["", _("You get this e-mail each day something is waiting for you.")]
    return "\n".join(lines)


def reminders_send(*, base_url: str | None = None) -> int:
    """Send each active user with an e-mail address their list; returns the number sent."""
    base_url = settings.SITE_URL.rstrip("/") if base_url is None else base_url
    sent = 0
    users = (User.objects.filter(is_active=True).exclude(email="")
             .prefetch_related("roles").order_by("pk"))
    with translation.override(settings.LANGUAGE_CODE):
        for user in users:
            items = waiting_for(user)
            if not items:
                continue
            overdue = sum(item.overdue for item in items)
            subject = (_("Insatsportalen: %(count)d waiting, %(overdue)d overdue")
                       % {"count": len(items), "overdue": overdue})
            send_mail(subject, reminder_text(items, base_url=base_url),
                      settings.DEFAULT_FROM_EMAIL, [user.email])
            sent += 1
    return sent
