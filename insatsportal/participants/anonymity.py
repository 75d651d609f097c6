"""What making a record anonymous keeps and removes, in words the forms show.

`services.registration._anonymise` does exactly this; test_anonymity checks the data
against it for withdrawn consent (and retention) and for protected identity.
"""

from django.utils.translation import gettext_lazy as _

KEPT_ALWAYS = (
    _("sex and the year of start"),
    _("the record's number in the intervention (#1, #2 …), which names no one"),
    _("the read log (who opened the record, when) and the audit log of which steps were "
      "recorded and when, under the record's number"),
)
REMOVED_ALWAYS = (
    _("the name, the personal identity number and its search key"),
    _("the year of birth and the home municipality"),
    _("the scanned consent and the partners the consent named, so no case worker sees the "
      "record any more"),
    _("the enrolment: support, occupation and time in support before, education, referral"),
    _("the action plan and its revisions"),
    _("the progress ratings"),
    _("the follow-up after discharge"),
    _("the situation after the discharge and the next step"),
    _("the notes of activities"),
)

# Withdrawn consent (and the retention limit): the record counts on in the figures.
KEPT_AFTER_WITHDRAWAL = KEPT_ALWAYS + (
    _("the date and type of end, so the record counts as ended in the figures"),
    _("the kind, date and length of activities, which the activity figures count"),
    _("the date of the consent, its form version and the time of the withdrawal, as proof "
      "that the withdrawal was carried out"),
)
REMOVED_AFTER_WITHDRAWAL = REMOVED_ALWAYS

# Protected identity: no date or detail that could point to the person stays.
KEPT_FOR_PROTECTED = KEPT_ALWAYS
REMOVED_FOR_PROTECTED = REMOVED_ALWAYS + (
    _("the discharge, with its date and type of end (the record then counts as registered, "
      "not as ended)"),
    _("every activity, with its date and length"),
    _("the consent record, with its dates"),
)
