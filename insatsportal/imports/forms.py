"""Upload and review forms: the reviewer corrects what the reader found before confirming."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from insatsportal.applications.forms import DateListField, KronorField
from insatsportal.applications.models import Application
from insatsportal.cases.forms import check_grant, check_period
from insatsportal.cases.models import Decision
from insatsportal.cases.models.meeting import Body
from insatsportal.core import uploads
from insatsportal.core.money import group_thousands
from insatsportal.imports.parsing.terms import KEYS
from insatsportal.imports.services import MAX_UPLOAD_BYTES
from insatsportal.interventions.models import Intervention
from insatsportal.organisations.models import Member
from insatsportal.organisations.selectors import member_resolve

TERM_LABELS = {
    "name": _("Heading: the intervention's name"), "owner": _("Heading: owner"),
    "partners": _("Heading: partners"), "purpose": _("Heading: purpose"),
    "goals": _("Heading: goals"), "background": _("Heading: background"),
    "period": _("Heading: period"), "target_group": _("Heading: target group"),
    "participants": _("Heading: expected participants"), "methods": _("Heading: methods"),
    "follow_up": _("Heading: follow-up"), "implementation": _("Heading: implementation"),
    "budget_note": _("Heading: budget and financing"),
    "anchoring": _("Heading: anchoring question"),
    "anchoring_how": _("Heading: how and when it was discussed"),
    "agreement": _("Heading: agreement"), "signature": _("Heading: signature"),
    "budget": _("Heading: detailed budget"), "budget_summary": _("Heading: budget summary"),
    "intervention_noun": _("Decision: the word for the funded thing (e.g. projektet)"),
    "owner_word": _("Decision: the word for its owner (e.g. huvudman)"),
    "decision_document": _("Decision: what the document calls itself (e.g. protokollsutdrag)"),
}
TERM_KEYS = [(key, TERM_LABELS[key]) for key in KEYS]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={
            "accept": ".docx,.pdf,.txt,.htm,.html"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Documents"),
        help_text=_("Applications and decisions as .docx, .pdf (with text) or .txt; "
                    "several at once, at most %(mb)s MB each.")
        % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)},
    )

    def clean_files(self):
        """Every file within the upload limits before any is read: one that is not
        refuses the upload, so nothing is kept from it."""
        files = self.cleaned_data["files"]
        errors = []
        for upload in files:
            try:
                uploads.document_check(upload)
            except forms.ValidationError as error:
                errors += [_("“%(file)s”: %(reason)s") % {"file": upload.name, "reason": reason}
                           for reason in error.messages]
        if errors:
            raise forms.ValidationError(errors)
        return files


def _textarea(rows=6):
    return forms.Textarea(attrs={"rows": rows})


class ApplicationReviewForm(forms.Form):
    name = forms.CharField(label=_("Name of the intervention"), max_length=300)
    case_number = forms.CharField(label=_("Case number"), max_length=30, required=False)
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Member.objects.order_by("name"),
                                   to_field_name="name")
    owner_unit = forms.CharField(label=_("Unit"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_title = forms.CharField(label=_("Contact person's title"), max_length=200,
                                    required=False)
    contact_email = forms.EmailField(label=_("Contact person's e-mail"), required=False)
    partners = forms.CharField(
        label=_("Partners"), required=False, widget=_textarea(4),
        help_text=_("One a line: organisation; contact person; e-mail."))
    planned_start = forms.DateField(label=_("Planned start"), required=False)
    planned_end = forms.DateField(label=_("Planned end"), required=False)
    last_intake_date = forms.DateField(label=_("Last date for intake"), required=False)
    age_min = forms.IntegerField(label=_("Youngest age"), min_value=0, max_value=120,
                                 required=False)
    age_max = forms.IntegerField(label=_("Oldest age"), min_value=0, max_value=120,
                                 required=False)
    participants_per_year = forms.IntegerField(label=_("Expected participants per year"),
                                               min_value=0, required=False)
    participants_total = forms.IntegerField(label=_("Expected participants in total"),
                                            min_value=0, required=False)
    anchoring_discussed = forms.BooleanField(label=_("Discussed in the local group"),
                                             required=False)
    anchoring_dates = DateListField(label=_("Dates of discussion"), required=False)
    purpose = forms.CharField(label=_("Purpose"), required=False, widget=_textarea())
    background = forms.CharField(label=_("Background and need"), required=False,
                                 widget=_textarea())
    target_group = forms.CharField(label=_("Target group"), required=False,
                                   widget=_textarea())
    methods_text = forms.CharField(label=_("Methods, described"), required=False,
                                   widget=_textarea())
    follow_up = forms.CharField(label=_("Follow-up and evaluation"), required=False,
                                widget=_textarea(4))
    implementation = forms.CharField(label=_("Implementation of the results"),
                                     required=False, widget=_textarea(4))

    SCALARS = ("name", "case_number", "owner_unit", "contact_name", "contact_title",
               "contact_email", "planned_start", "planned_end", "last_intake_date", "age_min",
               "age_max", "participants_per_year", "participants_total",
               "anchoring_discussed", "anchoring_dates", "purpose", "background",
               "target_group", "methods_text", "follow_up", "implementation")

    @classmethod
    def initial_from(cls, data: dict) -> dict:
        initial = {name: data.get(name) for name in cls.SCALARS}
        initial["owner"] = data.get("owner")
        initial["partners"] = "\n".join(
            "; ".join([p["member"], p.get("contact_name", ""), p.get("contact_email", "")])
            for p in data.get("partners", []))
        return initial

    def clean_partners(self):
        partners = []
        for line in self.cleaned_data["partners"].splitlines():
            if not line.strip():
                continue
            organisation, contact, email = ([p.strip() for p in line.split(";")] + ["", ""])[:3]
            member = member_resolve(organisation, email)
            if member is None:
                raise forms.ValidationError(
                    _("“%(name)s” is not a member of the förbund."), params={"name": organisation})
            partners.append({"member": member.name, "contact_name": contact,
                             "contact_email": email})
        return partners

    def clean(self):
        data = super().clean()
        check_period(self, data, "planned_start", "planned_end")
        low, high = data.get("age_min"), data.get("age_max")
        if low is not None and high is not None and high < low:
            self.add_error("age_max", _("The oldest age is below the youngest."))
        return data

    def application_data(self, read: dict) -> dict:
        """The importer's dict with the reviewer's corrections laid over it."""
        data = dict(read)
        for name in self.SCALARS:
            data[name] = self.cleaned_data[name]
        data["owner"] = self.cleaned_data["owner"].name
        data["partners"] = self.cleaned_data["partners"]
        return data


class DecisionReviewForm(forms.Form):
    intervention_name = forms.CharField(label=_("Intervention"), max_length=300)
    application = forms.ModelChoiceField(
        label=_("Application it answers"), required=False,
        queryset=Application.objects.exclude(Application.in_status(Application.Status.DECIDED))
        .select_related("owner").order_by("name"),
        help_text=_("Found by name, owner and period. Leave empty for a historic decision "
                    "whose application is not on file."))
    intervention = forms.ModelChoiceField(
        label=_("Intervention (without application)"), required=False,
        queryset=Intervention.objects.order_by("name"),
        help_text=_("Used only without an application; left empty, the intervention is "
                    "created."))
    owner = forms.ModelChoiceField(label=_("Owner"), queryset=Member.objects.order_by("name"),
                                   to_field_name="name", required=False)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Decision.Outcome.choices,
                                initial=Decision.Outcome.GRANTED)
    amount = KronorField(label=_("Granted maximum amount (kronor)"))
    amount_choice = forms.ChoiceField(
        label=_("The document gives two amounts: which is granted?"), required=False,
        widget=forms.RadioSelect)
    period_start = forms.DateField(label=_("Granted from"), required=False)
    period_end = forms.DateField(label=_("Granted until"), required=False)
    proposer = forms.ChoiceField(label=_("Proposed by"), choices=Body.choices)
    committee_date = forms.DateField(label=_("Working committee's meeting"), required=False)
    decided_on = forms.DateField(
        label=_("Decided on (board meeting)"),
        help_text=_("A decision proposal states no decision date: take it from the minutes."))
    minutes_approved_on = forms.DateField(label=_("Minutes approved on"), required=False)
    conditions = forms.CharField(label=_("Conditions"), required=False, widget=_textarea(4))

    def __init__(self, *args, conflicts=None, **kwargs):
        super().__init__(*args, **kwargs)
        options = next((c["options"] for c in conflicts or [] if c["field"] == "max_amount"),
                       None)
        if options:
            # Never silently wrong: neither reading is filled in; the reviewer chooses.
            self.fields["amount_choice"].required = True
            self.fields["amount_choice"].choices = [
                (str(o["value"]), f"{group_thousands(o['value'])} kr – “{o['source']}”")
                for o in options]
            self.fields["amount"].help_text = _(
                "Leave empty to take the amount chosen above, or type another.")
        else:
            del self.fields["amount_choice"]

    def clean(self):
        data = super().clean()
        if data.get("amount") is None and data.get("amount_choice"):
            data["amount"] = Decimal(data["amount_choice"])
        check_grant(self, data)
        decided, approved = data.get("decided_on"), data.get("minutes_approved_on")
        if decided and approved and approved < decided:
            self.add_error("minutes_approved_on",
                           _("The minutes cannot be approved before the meeting."))
        committee = data.get("committee_date")
        if decided and committee and committee > decided:
            self.add_error("committee_date",
                           _("The working committee meets before the board decides."))
        return data

    def facts(self, read: dict) -> dict:
        facts = dict(read) | {k: v for k, v in self.cleaned_data.items()
                              if k != "amount_choice"}
        if self.cleaned_data["amount"] is not None:
            facts["amount"] = int(self.cleaned_data["amount"])
        return facts


class TermForm(forms.Form):
    key = forms.ChoiceField(label=_("What it names"), choices=TERM_KEYS)
    wording = forms.CharField(label=_("Wording in the documents"), max_length=200)
