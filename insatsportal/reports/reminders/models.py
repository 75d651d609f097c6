from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReminderSent(models.Model):
    """The day a user was last e-mailed a reminder: the next one lists only what became
    due after it."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                related_name="+", verbose_name=_("user"))
    sent_on = models.DateField(_("last reminder"))

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")

    def __str__(self):
        return f"{self.user} {self.sent_on}"
