"""Forms validate input; the services decide. Every free-text field refuses identity numbers."""

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from insatsportal.core import uploads
from insatsportal.organisations.models import Member
from insatsportal.participants.identity import parse_identity_number, reject_identity_number
from insatsportal.participants.models import (
    ActionPlan,
    Activity,
    Code,
    Discharge,
    Enrolment,
    FollowUp,
    FollowUpPolicy,
    Rating,
    Sex,
)

# No sex chosen in advance: an unchosen field asks to be filled in instead of guessing.
SEX_CHOICES = [("", _("Choose…")), *Sex.choices]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def kommuner():
    return Member.objects.filter(kind=Member.Kind.KOMMUN).order_by("name")


def parties_of(intervention):
    """The owner and partners of an intervention: who a consent or plan can name."""
    ids = {intervention.owner_id, *intervention.partners.values_list("pk", flat=True)}
    return Member.objects.filter(pk__in=ids).order_by("kind", "name")


class ParticipantForm(forms.Form):
    """Identity and consent for registration with written consent."""

    personnummer = forms.CharField(
        label=_("Personnummer or samordningsnummer"), max_length=20,
        help_text=_("Twelve digits, e.g. 19900101-1234."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )
    name = forms.CharField(label=_("Name"), max_length=200,
                           validators=[reject_identity_number],
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    sex = forms.ChoiceField(label=_("Sex"), choices=SEX_CHOICES)
    home_kommun = forms.ModelChoiceField(label=_("Home municipality"),
                                         queryset=Member.objects.none(), required=False)
    consent_given_on = forms.DateField(label=_("Date of consent"), widget=DateInput())
    consent_form_version = forms.CharField(label=_("Consent form version"), max_length=50,
                                           validators=[reject_identity_number])
    consent_valid_until = forms.DateField(
        label=_("Consent valid until"), required=False, widget=DateInput(),
        help_text=_("Leave empty to let the consent end with the intervention. Either way, "
                    "the partners' case workers no longer see the participant after the "
                    "consent or the intervention has ended."),
    )
    consent_partners = forms.ModelMultipleChoiceField(
        label=_("Partners named in the consent"), queryset=Member.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Case workers of the named partners may see this participant."),
    )
    consent_scan = forms.FileField(
        label=_("Scanned copy of the consent"), required=False,
        help_text=_("PDF, JPEG or PNG. Stored encrypted."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))

    def __init__(self, *args, intervention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_kommun"].queryset = kommuner()
        self.fields["consent_partners"].queryset = parties_of(intervention)

    def clean_personnummer(self):
        value = self.cleaned_data["personnummer"]
        parse_identity_number(value)
        return value

    def clean_consent_scan(self):
        """Refused beside the field before anything is saved; the rest stays filled in."""
        scan = self.cleaned_data.get("consent_scan")
        if scan:
            uploads.scan_check(scan, max_bytes=settings.CONSENT_SCAN_MAX_BYTES)
        return scan

    def clean_consent_given_on(self):
        given = self.cleaned_data["consent_given_on"]
        if given > timezone.localdate():
            raise forms.ValidationError(_("The consent cannot be dated in the future."))
        return given

    def clean(self):
        cleaned = super().clean()
        given, until = cleaned.get("consent_given_on"), cleaned.get("consent_valid_until")
        if given and until and until < given:
            self.add_error("consent_valid_until", _("The end date is before the consent date."))
        return cleaned


class ParticipantEditForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, validators=[reject_identity_number],
                           widget=forms.TextInput(attrs={"autocomplete": "off"}))
    sex = forms.ChoiceField(label=_("Sex"), choices=SEX_CHOICES)
    home_kommun = forms.ModelChoiceField(label=_("Home municipality"),
                                         queryset=Member.objects.none(), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["home_kommun"].queryset = kommuner()


class AnonymousParticipantForm(forms.Form):
    sex = forms.ChoiceField(label=_("Sex"), choices=SEX_CHOICES)
    start_year = forms.IntegerField(label=_("Year of start"))

    def __init__(self, *args, intervention, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        first = intervention.start_date.year if intervention.start_date else this_year - 10
        self.fields["start_year"].min_value = first
        self.fields["start_year"].max_value = this_year
        self.fields["start_year"].validators += [
            MinValueValidator(first),
            MaxValueValidator(this_year),
        ]
        self.fields["start_year"].initial = this_year


class NameSearchForm(forms.Form):
    q = forms.CharField(label=_("Search by name"), max_length=100, required=False,
                        validators=[reject_identity_number],
                        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "search"}))


class ConfirmForm(forms.Form):
    confirm = forms.BooleanField(label=_("I confirm"), required=True)


class RegisterExtractForm(forms.Form):
    personnummer = forms.CharField(
        label=_("Personnummer or samordningsnummer"), max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
    )

    def clean_personnummer(self):
        value = self.cleaned_data["personnummer"]
        parse_identity_number(value)
        return value


class ReadLogFilterForm(forms.Form):
    day = forms.DateField(label=_("Day"), required=False, widget=DateInput())

    def clean_day(self):
        return self.cleaned_data.get("day") or None


class CodeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


class CodeMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.label} ({obj.group})" if obj.group else obj.label


def _code_fields(form, **keys):
    for field, key in keys.items():
        form.fields[field].queryset = Code.objects.current(key)


class EnrolmentForm(forms.ModelForm):
    class Meta:
        model = Enrolment
        fields = ["enrolled_on", "referrer", "referral_text", "target_group", "income_before",
                  "occupation_before", "occupation_before_percent", "support_time_before",
                  "education"]
        field_classes = {"target_group": CodeChoiceField, "income_before": CodeMultipleChoiceField,
                         "occupation_before": CodeChoiceField,
                         "support_time_before": CodeChoiceField, "education": CodeChoiceField}
        widgets = {"enrolled_on": DateInput(), "income_before": forms.CheckboxSelectMultiple,
                   "referral_text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "income_before": _("Every kind of support the person had directly before."),
            "occupation_before_percent": _("For work: share of full time."),
            "referral_text": _("No personal identity numbers in free text."),
        }

    def __init__(self, *args, intervention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referrer"].queryset = Member.objects.order_by("kind", "name")
        _code_fields(self, target_group="target_group", income_before="income",
                     occupation_before="occupation", support_time_before="support_time",
                     education="education")
        if self.instance.pk:
            # A correction keeps the code versions the record already uses.
            for name in ("target_group", "occupation_before", "support_time_before", "education"):
                current = getattr(self.instance, f"{name}_id")
                if current:
                    field = self.fields[name]
                    field.queryset = (field.queryset | Code.objects.filter(pk=current)).distinct()
            used = self.instance.income_before.values_list("pk", flat=True)
            field = self.fields["income_before"]
            field.queryset = (field.queryset | Code.objects.filter(pk__in=list(used))).distinct()

    def clean(self):
        cleaned = super().clean()
        occupation = cleaned.get("occupation_before")
        if occupation is not None and occupation.group == "arbete" and not cleaned.get(
                "occupation_before_percent"):
            self.add_error("occupation_before_percent", _("Give the share of full time for work."))
        return cleaned


class DischargeForm(forms.ModelForm):
    class Meta:
        model = Discharge
        fields = ["discharged_on", "end_type", "income_after", "occupation_after",
                  "occupation_after_percent", "exit_conversation_held", "exit_conversation_on",
                  "next_step", "next_step_party"]
        field_classes = {"income_after": CodeMultipleChoiceField,
                         "occupation_after": CodeChoiceField}
        widgets = {"discharged_on": DateInput(), "exit_conversation_on": DateInput(),
                   "income_after": forms.CheckboxSelectMultiple,
                   "next_step": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"next_step": _("No personal identity numbers in free text.")}

    ANONYMOUS_FIELDS = ("discharged_on", "end_type")

    def __init__(self, *args, participant, **kwargs):
        super().__init__(*args, **kwargs)
        if participant.is_anonymous:
            for name in list(self.fields):
                if name not in self.ANONYMOUS_FIELDS:
                    del self.fields[name]
            return
        _code_fields(self, income_after="income", occupation_after="occupation")
        self.fields["next_step_party"].queryset = Member.objects.order_by("kind", "name")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("exit_conversation_held") and not cleaned.get("exit_conversation_on"):
            self.add_error("exit_conversation_on", _("Give the date of the exit conversation."))
        occupation = cleaned.get("occupation_after")
        if occupation is not None and occupation.group == "arbete" and not cleaned.get(
                "occupation_after_percent"):
            self.add_error("occupation_after_percent", _("Give the share of full time for work."))
        return cleaned


class PlanForm(forms.ModelForm):
    class Meta:
        model = ActionPlan
        fields = ["established_on", "goals", "steps", "anchored_with_participant",
                  "anchored_parties"]
        widgets = {"established_on": DateInput(), "anchored_parties": forms.CheckboxSelectMultiple,
                   "goals": forms.Textarea(attrs={"rows": 4}),
                   "steps": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"goals": _("No personal identity numbers in free text.")}

    def __init__(self, *args, intervention, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["anchored_parties"].queryset = parties_of(intervention)


class PlanRevisionForm(forms.Form):
    revised_on = forms.DateField(label=_("Revised"), widget=DateInput())
    notes = forms.CharField(label=_("Notes"), required=False, validators=[reject_identity_number],
                            widget=forms.Textarea(attrs={"rows": 3}))
    goals = forms.CharField(label=_("Goals"), required=False, validators=[reject_identity_number],
                            widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("Leave empty to keep the goals."))
    steps = forms.CharField(label=_("Steps"), required=False, validators=[reject_identity_number],
                            widget=forms.Textarea(attrs={"rows": 4}),
                            help_text=_("Leave empty to keep the steps."))


class RatingForm(forms.Form):
    """One rating: the occasion, the date and one value per item of the instrument."""

    occasion = forms.ChoiceField(label=_("Occasion"), choices=())
    rated_on = forms.DateField(label=_("Date of rating"), widget=DateInput())

    def __init__(self, *args, instrument, **kwargs):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        self.fields["occasion"].choices = Rating.Occasion.choices
        steps = [(str(value), f"{value} – {label}" if label else str(value))
                 for value, label in instrument.steps()]
        self.items = list(instrument.items.all())
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.TypedChoiceField(
                label=f"{item.order}. {item.short_label}", choices=steps, coerce=int,
                widget=forms.RadioSelect,
                help_text=f"{item.text} ({item.get_answered_by_display()})",
            )
        self.fields["comment"] = forms.CharField(
            label=_("Comment"), required=False, validators=[reject_identity_number],
            widget=forms.Textarea(attrs={"rows": 3}),
            help_text=_("No personal identity numbers in free text."),
        )

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {"instrument": self.instrument, "occasion": data["occasion"],
                "rated_on": data["rated_on"], "comment": data["comment"],
                "values": {item.pk: data[f"item_{item.pk}"] for item in self.items}}


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of activity"), choices=())
    occurred_on = forms.DateField(label=_("Date"), widget=DateInput())
    duration_minutes = forms.IntegerField(label=_("Duration (minutes)"), min_value=1,
                                          max_value=24 * 60)
    note = forms.CharField(label=_("Note"), required=False, validators=[reject_identity_number],
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("No personal identity numbers in free text."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Activity.Kind.choices
        self.fields["occurred_on"].initial = timezone.localdate()


class ParticipantChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.number} {obj.label}"


class GroupActivityForm(ActivityForm):
    """The same activity for several participants of the intervention at once."""

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields = {
            "participants": ParticipantChoiceField(
                label=_("Participants"), queryset=participants,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Everyone who took part."),
            ),
            **self.fields,
        }


class FollowUpForm(forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["followed_up_on", "contact_made", "occupation", "occupation_percent", "income",
                  "note"]
        field_classes = {"occupation": CodeChoiceField, "income": CodeMultipleChoiceField}
        widgets = {"followed_up_on": DateInput(), "income": forms.CheckboxSelectMultiple,
                   "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"note": _("No personal identity numbers in free text.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _code_fields(self, income="income", occupation="occupation")
        self.fields["contact_made"].required = False


class FollowUpPolicyForm(forms.Form):
    months = forms.TypedChoiceField(label=_("Follow up"), coerce=int,
                                    choices=FollowUpPolicy.Months.choices)
    sample_only = forms.BooleanField(label=_("Only a random sample is followed up"),
                                     required=False)


class SampleDrawForm(forms.Form):
    discharged_from = forms.DateField(label=_("Discharged from"), widget=DateInput())
    discharged_to = forms.DateField(label=_("Discharged until"), widget=DateInput())
    size = forms.IntegerField(label=_("Number of people"), min_value=1, max_value=1000,
                              initial=15)
    stratified_by_sex = forms.BooleanField(label=_("Stratify by sex"), required=False)
    reason = forms.CharField(
        label=_("Reason for a new draw"), required=False, validators=[reject_identity_number],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the period overlaps a period already sampled."))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("discharged_from"), cleaned.get("discharged_to")
        if start and end and end < start:
            self.add_error("discharged_to", _("The period ends before it starts."))
        return cleaned
